-- Pairs of figures with the same key whose values cannot both be true: two different exact
-- values, or intervals that do not meet (a lower bound above an exact value, ...).
-- Only figures whose region, period and indicator are known are compared.
-- An analyst adjudicates a conflict by adding a row to seeds/conflict_adjudications.csv.

with

figures as (

    select * from {{ ref('int_figures') }}
    -- two figures of unknown region, period or indicator may be about different things
    where region_key is not null and period is not null and indicator_key is not null

),

adjudications as (

    select * from {{ ref('conflict_adjudications') }}

),

pairs as (

    select
        {{ stable_hash(['figure_a.figure_id', 'figure_b.figure_id']) }} as conflict_id,
        figure_a.region_code,
        figure_a.region_name,
        figure_a.subject,
        figure_a.period,
        figure_a.indicator_code,
        figure_a.indicator_name,
        figure_a.value_kind,
        figure_a.unit,
        figure_a.figure_id as figure_id_a,
        figure_a.value as value_a,
        figure_a.qualifier as qualifier_a,
        figure_a.quote as quote_a,
        figure_a.source_file as source_file_a,
        figure_a.mention_count as mention_count_a,
        figure_b.figure_id as figure_id_b,
        figure_b.value as value_b,
        figure_b.qualifier as qualifier_b,
        figure_b.quote as quote_b,
        figure_b.source_file as source_file_b,
        figure_b.mention_count as mention_count_b

    from figures as figure_a
    inner join figures as figure_b
        on figure_a.figure_key = figure_b.figure_key
        -- each unordered pair once: ids sorted
        and figure_a.figure_id < figure_b.figure_id
    where
        (figure_a.qualifier = 'exact' and figure_b.qualifier = 'exact')
        or not {{ intervals_intersect('figure_a.value_low', 'figure_a.value_high', 'figure_b.value_low', 'figure_b.value_high') }}

),

final as (

    select
        pairs.*,
        coalesce(adjudications.status, 'open') as status,
        adjudications.resolved_by,
        adjudications.resolved_on,
        adjudications.note

    from pairs
    left join adjudications on pairs.conflict_id = adjudications.conflict_id

)

select * from final
