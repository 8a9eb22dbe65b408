-- Figures that contradict each other by arithmetic: one row per stated value that is further from
-- what other figures imply than rounding (and the model's slack) allows. The checks
-- (models/intermediate/int_arithmetic__*.sql): a growth rate against two years' levels, a stated
-- change against the difference of two levels, the parts of a breakdown against their total, a
-- share against its numerator and denominator.

with

checked as (

    select * from {{ ref('int_arithmetic__growth_vs_levels') }}
    union all by name
    select * from {{ ref('int_arithmetic__change_vs_levels') }}
    union all by name
    select * from {{ ref('int_arithmetic__parts_vs_total') }}
    union all by name
    select * from {{ ref('int_arithmetic__share_vs_ratio') }}

),

failed as (

    select
        -- (the inputs too: one stated value can be checked against two sets of figures)
        {{ stable_hash(['check_name', 'region_code', 'subject', 'indicator_code', 'period', 'unit', value_text('stated_value'), 'stated_source_file', 'inputs']) }}
            as check_id,
        *,
        stated_value - implied_value as difference,
        'WARN' as severity

    from checked
    where abs(stated_value - implied_value) > tolerance

)

select * from failed
