with

source as (

    select * from {{ source('ingest', 'files') }}

),

renamed as (

    select
        file_version_id,
        source_file,
        sha256,
        bytes,
        encoding,
        text,
        version,
        is_current,
        duplicate_of,
        first_seen,
        last_seen,
        coalesce(kind, 'text') as kind,
        nullif(trim(title), '') as title,
        published_on,
        date_origin,
        nullif(trim(source), '') as source,
        nullif(trim(url), '') as url,
        extractor,
        extractor_version,
        markup

    from source

)

select * from renamed
