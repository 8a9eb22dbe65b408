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

indicators as (

    select * from {{ ref('indicators') }}

),

-- levels in the unit the indicator is counted in: a growth of the number of enterprises is not
-- checked against an amount of money that a phrase gave the same indicator (`高新技术企业…33693.63亿元`)
levels as (

    select best.* from best
    inner join indicators
        on best.indicator_code = indicators.indicator_code
        and best.unit = indicators.unit
    where best.value_kind = 'level' and best.unit in ('yuan', 'count', 'usd') and best.value > 0

),

compared as (

    select
        growth.*,
        {{ two_year_levels('this_year', 'last_year') }},
        100 * (this_year.value / last_year.value - 1) as implied_value,
        growth.half_unit
            + 100 * (this_year.value / last_year.value)
                * (this_year.half_unit / this_year.value + last_year.half_unit / last_year.value)
            + {{ var('growth_check_slack_points') }} as tolerance

    from growth
    inner join levels as this_year
        on {{ same_region_and_subject('growth', 'this_year') }}
        and growth.indicator_code = this_year.indicator_code
        and growth.period = this_year.period
    inner join levels as last_year
        on {{ same_region_and_subject('growth', 'last_year') }}
        and growth.indicator_code = last_year.indicator_code
        and last_year.unit = this_year.unit
        and last_year.period = cast(growth.period_end_year - 1 as varchar)

)

select
    {{ arithmetic_check_columns('growth_vs_levels') }},
    {{ two_year_level_inputs() }} as inputs

from compared
