with

figures as (

    select * from {{ ref('int_figures') }}

),

final as (

    select
        -- the contract columns (CONVENTIONS.md), in order
        figure_id,
        region_code,
        region_name,
        subject,
        period,
        indicator_code,
        indicator_name,
        value,
        unit,
        counter,
        qualifier,
        value_kind,
        cast(mention_count as integer) as mention_count,
        cast(source_count as integer) as source_count,
        source_file,
        quote,
        -- additions
        region_level,
        indicator_key,
        period_start_year as period_start,
        period_end_year as period_end,
        period_grain,
        value_low,
        value_high,
        cast(independent_mention_count as integer) as independent_mention_count,
        quote_mention_id,
        first_source_file,
        file_version_id,
        first_published_on,
        last_published_on,
        figure_key

    from figures

)

select * from final
