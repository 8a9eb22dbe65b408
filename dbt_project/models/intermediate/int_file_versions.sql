-- Which file versions feed the mart: of the current versions holding the same bytes, only the
-- first delivered (by first_seen, then source_file). Usually that is the one with duplicate_of
-- NULL; when the file a copy duplicates is gone or holds other bytes now, the earliest remaining
-- copy takes over, and only that one, so the same text is never counted twice.

with

files as (

    select * from {{ ref('stg_ingest__files') }}

),

ranked as (

    select
        *,
        case
            when is_current then row_number() over (
                partition by sha256, is_current
                order by first_seen, source_file, file_version_id
            )
        end as current_copy_rank

    from files

),

final as (

    select
        file_version_id,
        source_file,
        sha256,
        bytes,
        encoding,
        version,
        is_current,
        duplicate_of,
        first_seen,
        last_seen,
        coalesce(current_copy_rank = 1, false) as feeds_mart,
        case
            when not is_current then 'superseded'
            when current_copy_rank > 1 then 'duplicate'
            else 'current'
        end as file_status

    from ranked

)

select * from final
