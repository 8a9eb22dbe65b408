-- Which file versions feed the mart. A version feeds it when it is current and its bytes were
-- not delivered first by another current file (duplicate_of); if the file it duplicates is
-- gone or superseded, the duplicate is the only current copy of that text and feeds the mart.

with

files as (

    select * from {{ ref('stg_staging__files') }}

),

originals_still_current as (

    select
        duplicates.file_version_id

    from files as duplicates
    inner join files as originals
        on duplicates.duplicate_of = originals.source_file
        and duplicates.sha256 = originals.sha256
        and originals.is_current
        and originals.duplicate_of is null

),

final as (

    select
        files.*,
        files.is_current
        and files.file_version_id not in (select file_version_id from originals_still_current)
            as feeds_mart,
        case
            when not files.is_current then 'superseded'
            when files.file_version_id in (select file_version_id from originals_still_current)
                then 'duplicate'
            else 'current'
        end as file_status

    from files

)

select * from final
