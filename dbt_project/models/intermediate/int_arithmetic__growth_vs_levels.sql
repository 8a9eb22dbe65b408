-- A stated growth rate against the two levels it is the growth of: level(y) / level(y-1) - 1.
-- Every exact growth statement is checked against the best levels of both years. The tolerance is
-- what rounding can hide (half the last digit of the rate, and the levels' relative rounding
-- carried through the ratio) plus var growth_check_slack_points for a revised base year.

with

best as (

    select * from {{ ref('int_figure_statements__best') }}

),

growth as (

    select * from {{ ref('int_figure_statements') }}
    where qualifier = 'exact' and period_grain = 'year' and value_kind = 'growth_rate' and unit = 'percent'

),

levels as (

    select * from best
    where value_kind = 'level' and unit in ('yuan', 'count', 'usd') and value > 0

),

compared as (

    select
        growth.*,
        this_year.value as level_value,
        this_year.quote as level_quote,
        this_year.source_file as level_source_file,
        last_year.value as base_value,
        last_year.quote as base_quote,
        last_year.source_file as base_source_file,
        100 * (this_year.value / last_year.value - 1) as implied_value,
        growth.half_unit
            + 100 * (this_year.value / last_year.value)
                * (this_year.half_unit / this_year.value + last_year.half_unit / last_year.value)
            + {{ var('growth_check_slack_points') }} as tolerance

    from growth
    inner join levels as this_year
        on growth.region_key = this_year.region_key
        and growth.subject is not distinct from this_year.subject
        and growth.indicator_code = this_year.indicator_code
        and growth.period = this_year.period
    inner join levels as last_year
        on growth.region_key = last_year.region_key
        and growth.subject is not distinct from last_year.subject
        and growth.indicator_code = last_year.indicator_code
        and last_year.unit = this_year.unit
        and last_year.period = cast(growth.period_end_year - 1 as varchar)

)

select
    'growth_vs_levels' as check_name,
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
