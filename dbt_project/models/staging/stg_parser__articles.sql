with

source as (

    select * from {{ source('parser', 'articles') }}

),

renamed as (

    select
        article_id,
        file_version_id,
        source_file,
        article_index,
        char_start,
        char_end,
        nullif(trim(title), '') as title,
        nullif(trim(byline), '') as byline,
        published_on,
        published_on_source,
        region_code,
        region_name

    from source

)

select * from renamed
