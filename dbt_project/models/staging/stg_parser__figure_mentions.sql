with

source as (

    select * from {{ source('parser', 'figure_mentions') }}

),

renamed as (

    select
        mention_id,
        file_version_id,
        source_file,
        article_id,
        paragraph_index,
        sentence_index,
        char_start,
        char_end,
        quote,
        sentence,
        -- 12 significant digits remove float noise (5.1 * 1e8 = 509999999.99999994)
        cast({{ value_text('value') }} as double) as value,
        unit,
        nullif(trim(counter), '') as counter,
        qualifier,
        value_kind,
        nullif(trim(region_code), '') as region_code,
        nullif(trim(region_name), '') as region_name,
        nullif(trim(subject), '') as subject,
        nullif(trim(period), '') as period,
        period_source,
        nullif(trim(indicator_code), '') as indicator_code,
        nullif(trim(indicator_name), '') as indicator_name,
        is_repeated_passage,
        published_on,
        coalesce(is_revision, false) as is_revision,
        coalesce(in_list, false) as in_list

    from source

)

select * from renamed
