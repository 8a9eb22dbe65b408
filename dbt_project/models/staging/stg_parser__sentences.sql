with

source as (

    select * from {{ source('parser', 'sentences') }}

),

renamed as (

    select
        sentence_id,
        paragraph_id,
        file_version_id,
        source_file,
        paragraph_index,
        sentence_index,
        char_start,
        char_end,
        text

    from source

)

select * from renamed
