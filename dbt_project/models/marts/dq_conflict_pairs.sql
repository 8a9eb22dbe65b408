{{ config(materialized='view') }}

-- Every pair of statements of one figure key that disagree, with the kind of disagreement and
-- which side prevails. mart.dq_conflicts rolls them up to one row per key; this view is for
-- whoever wants the pairs.
--
-- Comparable statements only: the same key (region, subject, indicator code, period, value kind,
-- unit), each stated by a file the other is not stated by (one article giving two values is read
-- as an attribution slip of the parser, not a disagreement between sources; two items of one
-- `分别` list or one table never compete), and for ranks the same ranking (scope and measure).
-- Targets (aims for a year) are not compared: two plans may set different ones.
--
-- Disagreement:
--   two exact values that are not roundings of one another, an approximate value further from an
--   exact one than its own rounding, or two intervals that do not meet (a bound against a value
--   outside it). Then the kind, in this order:
--   revision        one side is given as a revision (`已修订为`): it prevails            INFO
--   estimate        one side is an estimate (`预计`, `约`, `初步`, or published within
--                   var estimate_days_after_period of the period's end) and the other an
--                   exact value published a month or more later, after that window: the
--                   later one prevails                                                   INFO
--   later_release   both exact, the earlier published within var
--                   preliminary_days_after_period, the later one at least var
--                   final_days_after_period after the period's end, and close (var
--                   release_revision_share, or var release_revision_points for rates):
--                   the later release prevails                                           INFO
--   bound           a bound excludes the other value                                     WARN
--   contradiction   anything else                                                        WARN
-- Values within the tolerance that none of the first three kinds explains (a precision variant)
-- and bounds that admit the other value are no disagreement at all.

with

statements as (

    -- the values each statement admits, its own rounding included (macros/figure_intervals.sql)
    select
        *,
        {{ agree_low('value', 'qualifier', 'value_low', 'half_unit') }} as agree_low,
        {{ agree_high('value', 'qualifier', 'value_high', 'half_unit') }} as agree_high

    from {{ ref('int_figure_statements') }}

),

pairs as (

    select
        a.figure_key,
        a.statement_id as statement_id_a,
        b.statement_id as statement_id_b,
        a.figure_id <> b.figure_id
            and not {{ intervals_intersect('a.agree_low', 'a.agree_high', 'b.agree_low', 'b.agree_high') }}
            as is_hard,
        -- the earlier published side first (ties: statement id)
        case
            when coalesce(a.first_published_on, date '9999-12-31') < coalesce(b.first_published_on, date '9999-12-31')
                then a.statement_id
            when coalesce(a.first_published_on, date '9999-12-31') > coalesce(b.first_published_on, date '9999-12-31')
                then b.statement_id
        end as earlier_statement_id

    from statements as a
    inner join statements as b
        on a.figure_key = b.figure_key
        and a.statement_id < b.statement_id
    where
        -- each side has a source of its own
        not list_has_all(b.source_files, a.source_files)
        and not list_has_all(a.source_files, b.source_files)
        -- targets are aims: two plans may set different ones for the same year
        and a.value_kind <> 'target'
        -- ranks: the same ranking
        and (a.value_kind not in ('rank', 'rank_change')
             or (a.rank_scope is not null and a.rank_scope = b.rank_scope and a.rank_basis = b.rank_basis))
        and (
            -- two exact values that are not roundings of each other
            (a.qualifier = 'exact' and b.qualifier = 'exact'
                and abs(a.value - b.value) > greatest(a.half_unit, b.half_unit) * 1.000001)
            -- an estimate further from an exact value than its own rounding
            or (a.qualifier = 'approx' and b.qualifier = 'exact'
                and abs(a.value - b.value) > a.half_unit * 1.000001)
            or (b.qualifier = 'approx' and a.qualifier = 'exact'
                and abs(a.value - b.value) > b.half_unit * 1.000001)
            -- intervals that do not meet
            or not {{ intervals_intersect('a.agree_low', 'a.agree_high', 'b.agree_low', 'b.agree_high') }}
        )

),

oriented as (

    -- e = the earlier statement, l = the later one (when publication dates tell)
    select
        pairs.figure_key,
        pairs.is_hard,
        pairs.earlier_statement_id is not null as dates_differ,
        e.statement_id as statement_id_e,
        l.statement_id as statement_id_l,
        e.is_revision as revision_e,
        l.is_revision as revision_l,
        e.is_estimate
            or e.days_after_period between 0 and {{ var('estimate_days_after_period') }} as estimate_e,
        e.qualifier as qualifier_e,
        l.qualifier as qualifier_l,
        e.days_after_period as days_e,
        l.days_after_period as days_l,
        e.value as value_e,
        l.value as value_l,
        e.value_kind,
        e.unit

    from pairs
    inner join statements as e
        on e.statement_id = coalesce(pairs.earlier_statement_id, pairs.statement_id_a)
    inner join statements as l
        on l.statement_id = case
            when coalesce(pairs.earlier_statement_id, pairs.statement_id_a) = pairs.statement_id_a
                then pairs.statement_id_b
            else pairs.statement_id_a
        end

),

classified as (

    select
        *,
        case
            when revision_e <> revision_l then 'revision'
            when dates_differ and estimate_e and qualifier_l = 'exact'
                and days_l >= days_e + 30 and days_l > {{ var('estimate_days_after_period') }}
                then 'estimate'
            when dates_differ and qualifier_e = 'exact' and qualifier_l = 'exact'
                and days_e <= {{ var('preliminary_days_after_period') }}
                and days_l >= {{ var('final_days_after_period') }}
                and (
                    case
                        when value_kind in ('growth_rate', 'change') or unit = 'percentage_point'
                            then abs(value_l - value_e) <= {{ var('release_revision_points') }}
                        else abs(value_l - value_e)
                            <= {{ var('release_revision_share') }} * greatest(abs(value_l), abs(value_e))
                    end
                )
                then 'later_release'
            when is_hard and (qualifier_e in ('lower_bound', 'upper_bound') or qualifier_l in ('lower_bound', 'upper_bound'))
                then 'bound'
            when is_hard then 'contradiction'
        end as disagreement

    from oriented

),

final as (

    select
        {{ stable_hash(['classified.statement_id_e', 'classified.statement_id_l']) }} as pair_id,
        {{ stable_hash(['classified.figure_key']) }} as conflict_id,
        classified.figure_key,
        classified.disagreement,
        case when classified.disagreement in ('bound', 'contradiction') then 'WARN' else 'INFO' end as severity,
        -- the side that prevails: the revised, final or later one; none for a WARN
        case
            when classified.disagreement = 'revision'
                then case when classified.revision_l then classified.statement_id_l else classified.statement_id_e end
            when classified.disagreement in ('estimate', 'later_release') then classified.statement_id_l
        end as prevailing_statement_id,
        e.region_code,
        e.region_name,
        e.subject,
        e.period,
        e.indicator_code,
        e.indicator_name,
        e.value_kind,
        e.unit,
        e.statement_id as statement_id_a,
        e.figure_id as figure_id_a,
        e.value as value_a,
        e.qualifier as qualifier_a,
        e.quote as quote_a,
        e.source_file as source_file_a,
        e.first_published_on as published_on_a,
        l.statement_id as statement_id_b,
        l.figure_id as figure_id_b,
        l.value as value_b,
        l.qualifier as qualifier_b,
        l.quote as quote_b,
        l.source_file as source_file_b,
        l.first_published_on as published_on_b

    from classified
    inner join statements as e on classified.statement_id_e = e.statement_id
    inner join statements as l on classified.statement_id_l = l.statement_id
    where classified.disagreement is not null

)

select * from final
