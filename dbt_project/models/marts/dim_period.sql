-- Every period a mention names: '2025' is a year, '2021-2025' a span (十四五).

with

mentions as (

    select * from {{ ref('int_figure_mentions__classified') }}

),

periods as (

    select distinct
        period,
        period_start_year as start_year,
        period_end_year as end_year

    from mentions
    where period is not null

),

final as (

    select
        period,
        start_year,
        end_year,
        coalesce(start_year <> end_year, false) as is_span

    from periods

)

select * from final
