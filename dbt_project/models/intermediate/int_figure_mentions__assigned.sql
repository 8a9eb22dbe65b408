-- Deduplication: assigns every accepted mention of the mart-feeding files to one figure.
--
-- Within a figure key (region, subject, indicator, period, value_kind, unit), each mention allows
-- an interval of values (see macros/figure_intervals.sql). Mentions whose values can both be
-- true are one figure:
--   1. anchors are the distinct exact values (values within the rounding tolerance of each other
--      are one anchor); a key without any exact value is anchored on its tightest mention;
--   2. every other mention joins the anchor it is compatible with, preferring the nearest value;
--   3. a mention compatible with no anchor forms a figure of its own (with any others of the same
--      value, which are necessarily compatible with it).
-- figure_id = md5 of the key, the anchor's qualifier and its value: stable across reruns.

with

mentions as (

    select * from {{ ref('int_figure_mentions__classified') }}
    where feeds_mart and reject_reason is null

),

-- 1a. exact anchors: islands of distinct exact values that agree within the tolerance
exact_values as (

    select
        figure_key,
        value,
        count(*) as mentions_with_value

    from mentions
    where qualifier = 'exact'
    group by figure_key, value

),

exact_islands_marked as (

    select
        *,
        case
            when lag(value) over by_value is null then 1
            when {{ exact_values_agree('value', 'lag(value) over by_value') }} then 0
            else 1
        end as starts_island

    from exact_values
    window by_value as (partition by figure_key order by value)

),

exact_islands as (

    select
        *,
        sum(starts_island) over (
            partition by figure_key order by value rows unbounded preceding
        ) as island

    from exact_islands_marked

),

exact_anchors as (

    select
        figure_key,
        island,
        'exact' as anchor_qualifier,
        -- the value written most often, then the smallest
        first(value order by mentions_with_value desc, value) as anchor_value,
        min({{ value_low('value', "'exact'") }}) as anchor_low,
        max({{ value_high('value', "'exact'") }}) as anchor_high

    from exact_islands
    group by figure_key, island

),

-- 1b. keys without any exact value: the tightest mention is the anchor
bound_anchors as (

    select
        figure_key,
        cast(null as bigint) as island,
        first(qualifier order by
            value_high - value_low,
            qualifier,
            case qualifier when 'upper_bound' then value else -value end,
            mention_id
        ) as anchor_qualifier,
        first(value order by
            value_high - value_low,
            qualifier,
            case qualifier when 'upper_bound' then value else -value end,
            mention_id
        ) as anchor_value

    from mentions
    where figure_key not in (select figure_key from exact_values)
    group by figure_key

),

anchors as (

    select
        figure_key,
        island,
        anchor_qualifier,
        anchor_value,
        anchor_low,
        anchor_high

    from exact_anchors

    union all

    select
        figure_key,
        island,
        anchor_qualifier,
        anchor_value,
        {{ value_low('anchor_value', 'anchor_qualifier') }} as anchor_low,
        {{ value_high('anchor_value', 'anchor_qualifier') }} as anchor_high

    from bound_anchors

),

-- 2. exact mentions belong to their island; other mentions to the nearest compatible anchor
exact_assignments as (

    select
        mentions.mention_id,
        anchors.anchor_qualifier,
        anchors.anchor_value,
        anchors.anchor_low,
        anchors.anchor_high

    from mentions
    inner join exact_islands
        on mentions.figure_key = exact_islands.figure_key
        and mentions.value = exact_islands.value
    inner join anchors
        on exact_islands.figure_key = anchors.figure_key
        and exact_islands.island = anchors.island
    where mentions.qualifier = 'exact'

),

bound_candidates as (

    select
        mentions.mention_id,
        anchors.anchor_qualifier,
        anchors.anchor_value,
        anchors.anchor_low,
        anchors.anchor_high,
        row_number() over (
            partition by mentions.mention_id
            order by abs(anchors.anchor_value - mentions.value), anchors.anchor_value
        ) as preference

    from mentions
    inner join anchors
        on mentions.figure_key = anchors.figure_key
        and {{ intervals_intersect('mentions.value_low', 'mentions.value_high', 'anchors.anchor_low', 'anchors.anchor_high') }}
    where mentions.qualifier <> 'exact'

),

bound_assignments as (

    select
        mention_id,
        anchor_qualifier,
        anchor_value,
        anchor_low,
        anchor_high

    from bound_candidates
    where preference = 1

),

-- 3. mentions compatible with no anchor: one figure per value
leftovers as (

    select *
    from mentions
    where mention_id not in (select mention_id from exact_assignments)
        and mention_id not in (select mention_id from bound_assignments)

),

leftover_figures as (

    select
        figure_key,
        value as anchor_value,
        -- the tightest qualifier: approx before the open bounds
        first(qualifier order by value_high - value_low, qualifier) as anchor_qualifier

    from leftovers
    group by figure_key, value

),

leftover_assignments as (

    select
        leftovers.mention_id,
        leftover_figures.anchor_qualifier,
        leftover_figures.anchor_value,
        {{ value_low('leftover_figures.anchor_value', 'leftover_figures.anchor_qualifier') }} as anchor_low,
        {{ value_high('leftover_figures.anchor_value', 'leftover_figures.anchor_qualifier') }} as anchor_high

    from leftovers
    inner join leftover_figures
        on leftovers.figure_key = leftover_figures.figure_key
        and leftovers.value = leftover_figures.anchor_value

),

assignments as (

    select * from exact_assignments
    union all
    select * from bound_assignments
    union all
    select * from leftover_assignments

),

final as (

    select
        {{ stable_hash(['mentions.figure_key', 'assignments.anchor_qualifier', value_text('assignments.anchor_value')]) }}
            as figure_id,
        mentions.*,
        assignments.anchor_qualifier as figure_qualifier,
        assignments.anchor_value as figure_value,
        assignments.anchor_low as figure_low,
        assignments.anchor_high as figure_high

    from mentions
    inner join assignments on mentions.mention_id = assignments.mention_id

)

select * from final
