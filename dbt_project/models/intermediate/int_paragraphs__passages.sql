-- Paragraphs of the files that feed the mart (current, not a duplicate delivery), with the
-- passages that another, earlier file already printed: the same story reprinted elsewhere.
-- "Earlier" orders files by (first_seen, source_file).

with

files as (

    select * from {{ ref('int_file_versions') }}
    where feeds_mart

),

paragraphs as (

    select * from {{ ref('stg_parser__paragraphs') }}

),

current_paragraphs as (

    select
        paragraphs.*,
        files.first_seen

    from paragraphs
    inner join files on paragraphs.file_version_id = files.file_version_id

),

first_printing as (

    select
        *,
        first_value(file_version_id) over (
            partition by text_hash
            order by first_seen, source_file, file_version_id
        ) as first_file_version_id,
        first_value(source_file) over (
            partition by text_hash
            order by first_seen, source_file, file_version_id
        ) as first_source_file

    from current_paragraphs

),

final as (

    select
        paragraph_id,
        article_id,
        file_version_id,
        source_file,
        paragraph_index,
        kind,
        text_hash,
        is_repeated_passage as is_repeated_in_file,
        file_version_id <> first_file_version_id as is_repeated_across_files,
        is_repeated_passage or file_version_id <> first_file_version_id as is_repeated_passage,
        case when file_version_id <> first_file_version_id then first_source_file end as first_printed_in

    from first_printing

)

select * from final
