-- A region x indicator x year panel: one row per (region_key, indicator_key, period) among
-- single-year periods, holding the best figure of the cell and why it was chosen. region_key is the
-- region's code, or its name for a county or an area spanning provinces that the gazetteer lacks
-- (region_code NULL): analysts read those stories' figures too.
--
-- A cell holds one measure, the indicator's headline one, so that the figures competing for it
-- are comparable: the unit and value_kind the indicators seed gives the indicator (研发经费投入 in
-- yuan as a level, 研发投入强度 in percent as a share); for an indicator not in the seed, a level in
-- the unit its levels are most often stated in. Growth rates, changes and targets of the same
-- indicator are other measures and stay in fct_figures. Only whole-region figures (subject NULL)
-- of a named region compete: a laboratory's count is not the city's.
--
-- The best figure: never one that a revision, the final figure or a later release superseded
-- (dq_conflicts, INFO), then exact over approx over bounds (a bound says less), then more distinct sources
-- (a figure several articles agree on), then the latest publication (later reports revise
-- earlier ones), then the larger value (one article stating two values for a cell names a whole and a
-- part of it, `高新技术企业101家` and `联邦制药、联邦动保、华恒生物3家高新技术企业`; a part is never larger), then the
-- smallest figure_id so that reruns pick the same row.

with

figures as (

    select * from {{ ref('fct_figures') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}
    where is_in_seed

),

conflicts as (

    select * from {{ ref('dq_conflicts') }}

),

superseded as (

    select distinct unnest(superseded_figure_ids) as figure_id
    from conflicts

),

-- figures that can fill a cell: whole-region, named region, one calendar year
cell_figures as (

    select
        coalesce(figures.region_code, figures.region_name) as region_key,
        figures.*,
        indicators.unit as seed_unit,
        indicators.value_kind as seed_value_kind

    from figures
    left join indicators on figures.indicator_code = indicators.indicator_code
    where coalesce(figures.region_code, figures.region_name) is not null
        and figures.subject is null
        and figures.indicator_key is not null
        and figures.period_start is not null
        and figures.period_grain = 'year'

),

-- the unit an uncoded indicator's levels are most often stated in (ties: alphabetical)
uncoded_units as (

    select
        indicator_key,
        first(unit order by n desc, unit) as unit

    from (
        select indicator_key, unit, count(*) as n
        from cell_figures
        where indicator_code is null and value_kind = 'level'
        group by indicator_key, unit
    )
    group by indicator_key

),

candidates as (

    select
        cell_figures.*,
        case qualifier when 'exact' then 1 when 'approx' then 2 else 3 end as qualifier_rank,
        cell_figures.figure_id in (select figure_id from superseded) as is_superseded

    from cell_figures
    left join uncoded_units using (indicator_key)
    where
        (
            cell_figures.indicator_code is not null
            and cell_figures.unit = cell_figures.seed_unit
            and cell_figures.value_kind = cell_figures.seed_value_kind
        )
        or (
            cell_figures.indicator_code is null
            and cell_figures.value_kind = 'level'
            and cell_figures.unit = uncoded_units.unit
        )

),

ranked as (

    select
        *,
        row_number() over cell_order as preference,
        count(*) over cell as candidate_count

    from candidates
    window
        cell as (partition by region_key, indicator_key, period),
        cell_order as (
            partition by region_key, indicator_key, period
            order by is_superseded, qualifier_rank, source_count desc, last_published_on desc nulls last, value desc,
                figure_id
        )

),

chosen as (

    select * from ranked where preference = 1

),

runners_up as (

    select * from ranked where preference = 2

),

with_reason as (

    select
        chosen.*,
        runners_up.figure_id as runner_up_figure_id,
        runners_up.value as runner_up_value,
        runners_up.qualifier as runner_up_qualifier,
        runners_up.source_count as runner_up_source_count,
        runners_up.last_published_on as runner_up_published_on,
        case
            when runners_up.figure_id is null then 'only_candidate'
            when runners_up.is_superseded and not chosen.is_superseded then 'final'
            when chosen.qualifier_rank < runners_up.qualifier_rank then 'qualifier'
            when chosen.source_count > runners_up.source_count then 'sources'
            when chosen.last_published_on is not null
                and (runners_up.last_published_on is null or chosen.last_published_on > runners_up.last_published_on)
                then 'publication'
            when chosen.value > runners_up.value then 'larger_value'
            else 'figure_id'
        end as chosen_rule

    from chosen
    left join runners_up
        on chosen.region_key = runners_up.region_key
        and chosen.indicator_key = runners_up.indicator_key
        and chosen.period = runners_up.period

),

final as (

    select
        with_reason.region_key,
        with_reason.region_code,
        with_reason.region_name,
        with_reason.region_level,
        with_reason.indicator_key,
        with_reason.indicator_code,
        with_reason.indicator_name,
        with_reason.period,
        cast(with_reason.period_start as integer) as year,
        with_reason.value_kind,
        with_reason.unit,
        with_reason.counter,
        with_reason.figure_id,
        with_reason.value,
        with_reason.qualifier,
        with_reason.quote,
        with_reason.source_file,
        with_reason.source_count,
        with_reason.mention_count,
        with_reason.last_published_on,
        cast(with_reason.candidate_count as integer) as candidates,
        with_reason.chosen_rule,
        case with_reason.chosen_rule
            when 'only_candidate' then 'only candidate'
            when 'final' then 'revised or final figure: '
                || (select first(conflicts.explanation order by conflicts.conflict_id) from conflicts
                    where list_contains(conflicts.superseded_figure_ids, with_reason.runner_up_figure_id))
            when 'qualifier' then with_reason.qualifier || ' over ' || with_reason.runner_up_qualifier
            when 'sources' then 'more sources ('
                || with_reason.source_count || ' vs ' || with_reason.runner_up_source_count || ')'
            when 'publication' then 'later publication ('
                || cast(with_reason.last_published_on as varchar) || ' vs '
                || coalesce(cast(with_reason.runner_up_published_on as varchar), 'unknown') || ')'
            when 'larger_value' then 'tie on qualifier, sources and publication: the larger value (a part of a whole '
                || 'is never larger; ' || with_reason.runner_up_value || ' is the runner-up)'
            else 'tie on qualifier, sources, publication and value: smallest figure_id'
        end as chosen_because,
        with_reason.runner_up_figure_id,
        with_reason.runner_up_value,
        with_reason.runner_up_qualifier,
        exists (
            select 1 from conflicts
            where conflicts.status = 'open' and conflicts.severity = 'WARN'
                and list_contains(conflicts.figure_ids, with_reason.figure_id)
        ) as has_open_conflict

    from with_reason

)

select * from final
