-- Every period a mention names: '2025' is a year, '2021-2025' a span (十四五), '2025H1', '2025Q1',
-- '2025Q1-Q3' and '2025M01-M10' parts of a year (上半年, 一季度, 前三季度, 1-10月).

with

mentions as (

    select * from {{ ref('int_figure_mentions__classified') }}

),

periods as (

    select distinct
        period,
        period_start_year as start_year,
        period_end_year as end_year,
        period_grain as grain

    from mentions
    where period is not null

),

final as (

    select
        period,
        start_year,
        end_year,
        grain,
        coalesce(grain = 'span', false) as is_span

    from periods

)

select * from final
