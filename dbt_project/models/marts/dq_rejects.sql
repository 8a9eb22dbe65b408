-- Mentions of the mart-feeding files whose value cannot be true; they never reach fct_figures.

with

mentions as (

    select * from {{ ref('int_figure_mentions__classified') }}
    where feeds_mart and reject_reason is not null

),

final as (

    select
        mention_id as reject_id,
        mention_id,
        reject_reason as reason,
        source_file,
        file_version_id,
        article_id,
        paragraph_index,
        char_start,
        char_end,
        quote,
        sentence,
        value,
        unit,
        counter,
        qualifier,
        value_kind,
        region_code,
        region_name,
        subject,
        period,
        indicator_code,
        indicator_name,
        published_on

    from mentions

)

select * from final
