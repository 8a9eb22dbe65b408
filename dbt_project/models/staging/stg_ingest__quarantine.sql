with

source as (

    select * from {{ source('ingest', 'quarantine') }}

),

renamed as (

    select
        source_file,
        sha256,
        bytes,
        reason,
        first_seen,
        last_seen

    from source

)

select * from renamed
