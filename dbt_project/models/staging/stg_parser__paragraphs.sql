with

source as (

    select * from {{ source('parser', 'paragraphs') }}

),

renamed as (

    select
        paragraph_id,
        article_id,
        file_version_id,
        source_file,
        paragraph_index,
        char_start,
        char_end,
        kind,
        text,
        text_hash,
        is_repeated_passage,
        repeat_of_index

    from source

)

select * from renamed
