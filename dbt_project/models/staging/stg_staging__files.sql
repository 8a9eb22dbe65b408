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
        first_seen,
        last_seen

    from source

)

select * from renamed
