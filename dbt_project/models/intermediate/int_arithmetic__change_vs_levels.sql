-- A stated change (`比上年增加146.34亿元`, `提高0.3个百分点`) against the difference of the two
-- levels (or shares, for percentage points) it is the change between. Tolerance: the half units of
-- the three values plus var growth_check_slack_points percent of the base level (a revised base
-- year), or var share_check_slack_points for percentage points.

with

best as (

    select * from {{ ref('int_figure_statements__best') }}

),

changes as (

    select * from {{ ref('int_figure_statements') }}
    where qualifier = 'exact' and period_grain = 'year' and value_kind = 'change'

),

levels as (

    select
        *,
        case when unit = 'percent' then 'percentage_point' else unit end as change_unit
    from best
    where (value_kind = 'level' and unit in ('yuan', 'count', 'usd'))
        or (value_kind = 'share' and unit = 'percent')

),

compared as (

    select
        changes.*,
        this_year.value as level_value,
        this_year.quote as level_quote,
        this_year.source_file as level_source_file,
        last_year.value as base_value,
        last_year.quote as base_quote,
        last_year.source_file as base_source_file,
        this_year.value - last_year.value as implied_value,
        changes.half_unit + this_year.half_unit + last_year.half_unit
            + case
                when changes.unit = 'percentage_point' then {{ var('share_check_slack_points') }}
                else {{ var('growth_check_slack_points') }} / 100 * abs(last_year.value)
            end as tolerance

    from changes
    inner join levels as this_year
        on changes.region_key = this_year.region_key
        and changes.subject is not distinct from this_year.subject
        and changes.indicator_code = this_year.indicator_code
        and changes.unit = this_year.change_unit
        and changes.period = this_year.period
    inner join levels as last_year
        on changes.region_key = last_year.region_key
        and changes.subject is not distinct from last_year.subject
        and changes.indicator_code = last_year.indicator_code
        and changes.unit = last_year.change_unit
        and last_year.period = cast(changes.period_end_year - 1 as varchar)

)

select
    'change_vs_levels' as check_name,
    region_code,
    region_name,
    region_level,
    subject,
    indicator_code,
    indicator_name,
    period,
    unit,
    value as stated_value,
    implied_value,
    tolerance,
    quote as stated_quote,
    source_file as stated_source_file,
    [
        {'role': 'level ' || period, 'value': level_value, 'quote': level_quote, 'source_file': level_source_file},
        {'role': 'level ' || cast(period_end_year - 1 as varchar), 'value': base_value, 'quote': base_quote, 'source_file': base_source_file}
    ] as inputs

from compared
