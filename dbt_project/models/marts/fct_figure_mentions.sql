with

mentions as (

    select * from {{ ref('int_figure_mentions__assigned') }}

),

final as (

    select
        -- the contract columns (CONVENTIONS.md), in order
        figure_id,
        mention_id,
        source_file,
        article_id,
        paragraph_index,
        char_start,
        char_end,
        quote,
        sentence,
        is_repeated_passage,
        -- the mention as written
        value,
        unit,
        counter,
        qualifier,
        value_kind,
        region_code,
        region_name,
        subject,
        period,
        period_source,
        indicator_code,
        indicator_name,
        published_on,
        sentence_index,
        is_repeated_in_file,
        is_repeated_across_files,
        first_printed_in,
        -- provenance
        file_version_id,
        version

    from mentions

)

select * from final
