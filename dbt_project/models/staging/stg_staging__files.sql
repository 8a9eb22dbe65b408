with

source as (

    select * from {{ source('staging', 'files') }}

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
        is_current and duplicate_of is null as feeds_mart,
        first_seen,
        last_seen

    from source

)

select * from renamed
