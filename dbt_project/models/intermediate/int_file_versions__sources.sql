-- Which mart-feeding file versions are one source: copies, re-encodings (GB18030, UTF-16), the same
-- article saved as a page under another name, reprints and syndicated versions. Bytes do not
-- decide; the decoded text does. Each body or heading paragraph becomes a passage key: its text
-- without whitespace, punctuation or symbols, digits as ASCII, lower case. Two versions are one
-- source when the passages they share hold at least 80 % of the characters of each (a reprint
-- with its own headline, byline, editor's line or a changed sentence stays one source; a feature
-- quoting one paragraph of a bulletin does not). A version's source_key is the earliest version
-- (by first_seen, source_file, file_version_id) among itself and those it is one source with.
-- Passages printed by more than 50 versions are boilerplate (a site's footer), not an article's.

with

files as (

    select file_version_id, source_file, first_seen
    from {{ ref('int_file_versions') }}
    where feeds_mart

),

passages as (

    select distinct
        paragraphs.file_version_id,
        lower(translate(
            regexp_replace(paragraphs.text, '[\s\p{P}\p{S}]', '', 'g'),
            '０１２３４５６７８９', '0123456789'
        )) as passage_key

    from {{ ref('stg_parser__paragraphs') }} as paragraphs
    inner join files on paragraphs.file_version_id = files.file_version_id
    where paragraphs.kind in ('body', 'heading')

),

keyed as (

    select file_version_id, passage_key, length(passage_key) as chars
    from passages
    where length(passage_key) >= 8

),

common as (

    select passage_key
    from keyed
    group by passage_key
    having count(*) between 2 and 50

),

sizes as (

    select file_version_id, sum(chars) as chars
    from keyed
    group by file_version_id

),

shared as (

    select
        a.file_version_id as version_a,
        b.file_version_id as version_b,
        sum(a.chars) as shared_chars

    from keyed as a
    inner join common on a.passage_key = common.passage_key
    inner join keyed as b
        on a.passage_key = b.passage_key
        and a.file_version_id <> b.file_version_id
    group by a.file_version_id, b.file_version_id

),

same_source as (

    select shared.version_a, shared.version_b
    from shared
    inner join sizes as size_a on shared.version_a = size_a.file_version_id
    inner join sizes as size_b on shared.version_b = size_b.file_version_id
    where shared.shared_chars >= 0.8 * size_a.chars
        and shared.shared_chars >= 0.8 * size_b.chars

),

candidates as (

    select file_version_id as version, file_version_id as other from files
    union all
    select version_a, version_b from same_source

),

final as (

    select
        candidates.version as file_version_id,
        first(candidates.other order by files.first_seen, files.source_file, candidates.other) as source_key,
        count(*) - 1 as same_source_versions

    from candidates
    inner join files on candidates.other = files.file_version_id
    group by candidates.version

)

select * from final
