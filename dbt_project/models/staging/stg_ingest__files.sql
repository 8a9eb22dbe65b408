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
        last_seen

    from source

)

select * from renamed
