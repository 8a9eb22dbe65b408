-- A stated share against its numerator and denominator (seeds/indicator_ratios.csv: R&D intensity =
-- 100 x R&D spending / GDP) when all three are stated exactly for one region and year. Tolerance:
-- half the share's last digit, the two amounts' relative rounding carried through the ratio, plus
-- var share_check_slack_points (the GDP in a bulletin is often a preliminary one).

with

best as (

    select * from {{ ref('int_figure_statements__best') }}

),

ratios as (

    select * from {{ ref('indicator_ratios') }}

),

compared as (

    select
        share.*,
        ratios.scale * numerator.value / denominator.value as implied_value,
        share.half_unit
            + ratios.scale * numerator.value / denominator.value
                * (numerator.half_unit / numerator.value + denominator.half_unit / denominator.value)
            + {{ var('share_check_slack_points') }} as tolerance,
        [
            {'role': 'numerator ' || numerator.indicator_code, 'value': numerator.value,
             'quote': numerator.quote, 'source_file': numerator.source_file},
            {'role': 'denominator ' || denominator.indicator_code, 'value': denominator.value,
             'quote': denominator.quote, 'source_file': denominator.source_file}
        ] as inputs

    from best as share
    inner join ratios on share.indicator_code = ratios.share_code
    inner join best as numerator
        on numerator.indicator_code = ratios.numerator_code
        and {{ same_region_and_subject('numerator', 'share') }}
        and numerator.period = share.period
        and numerator.value_kind = 'level'
        and numerator.value > 0
    inner join best as denominator
        on denominator.indicator_code = ratios.denominator_code
        and {{ same_region_and_subject('denominator', 'share') }}
        and denominator.period = share.period
        and denominator.value_kind = 'level'
        and denominator.unit = numerator.unit
        and denominator.value > 0
    where share.value_kind = 'share' and share.unit = 'percent'

)

select
    {{ arithmetic_check_columns('share_vs_ratio') }},
    inputs

from compared
