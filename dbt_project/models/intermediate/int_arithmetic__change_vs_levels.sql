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
        {{ two_year_levels('this_year', 'last_year') }},
        this_year.value - last_year.value as implied_value,
        changes.half_unit + this_year.half_unit + last_year.half_unit
            + case
                when changes.unit = 'percentage_point' then {{ var('share_check_slack_points') }}
                else {{ var('growth_check_slack_points') }} / 100 * abs(last_year.value)
            end as tolerance

    from changes
    inner join levels as this_year
        on {{ same_region_and_subject('changes', 'this_year') }}
        and changes.indicator_code = this_year.indicator_code
        and changes.unit = this_year.change_unit
        and changes.period = this_year.period
    inner join levels as last_year
        on {{ same_region_and_subject('changes', 'last_year') }}
        and changes.indicator_code = last_year.indicator_code
        and changes.unit = last_year.change_unit
        and last_year.period = cast(changes.period_end_year - 1 as varchar)

)

select
    {{ arithmetic_check_columns('change_vs_levels') }},
    {{ two_year_level_inputs() }} as inputs

from compared
