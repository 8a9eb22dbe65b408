-- The parts of a breakdown (seeds/indicator_breakdowns.csv: R&D spending by activity) against
-- their total, when the total and every part are stated exactly for one region and year.
-- Tolerance: the half units of all values plus var parts_check_slack_share of the total.

with

best as (

    select * from {{ ref('int_figure_statements__best') }}
    where value_kind = 'level'

),

breakdowns as (

    select * from {{ ref('indicator_breakdowns') }}

),

part_counts as (

    select total_code, breakdown, count(*) as parts
    from breakdowns
    group by total_code, breakdown

),

parts as (

    select
        breakdowns.total_code,
        breakdowns.breakdown,
        best.region_key,
        best.subject,
        best.period,
        best.unit,
        count(*) as parts_stated,
        sum(best.value) as parts_sum,
        sum(best.half_unit) as parts_half_units,
        list({'role': 'part ' || best.indicator_code, 'value': best.value, 'quote': best.quote,
              'source_file': best.source_file} order by best.indicator_code) as inputs

    from best
    inner join breakdowns on best.indicator_code = breakdowns.part_code
    group by breakdowns.total_code, breakdowns.breakdown, best.region_key, best.subject, best.period, best.unit

),

compared as (

    select
        total.*,
        parts.breakdown,
        parts.parts_sum as implied_value,
        total.half_unit + parts.parts_half_units + {{ var('parts_check_slack_share') }} * abs(total.value)
            as tolerance,
        parts.inputs

    from best as total
    inner join parts
        on total.indicator_code = parts.total_code
        and {{ same_region_and_subject('total', 'parts') }}
        and total.period = parts.period
        and total.unit = parts.unit
    inner join part_counts
        on parts.total_code = part_counts.total_code
        and parts.breakdown = part_counts.breakdown
        and parts.parts_stated = part_counts.parts

)

select
    {{ arithmetic_check_columns('parts_vs_total') }},
    inputs

from compared
