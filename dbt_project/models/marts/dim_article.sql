-- Every article of every file version; is_current marks the ones that feed the mart.

with

articles as (

    select * from {{ ref('stg_parser__articles') }}

),

files as (

    select * from {{ ref('int_file_versions') }}

),

regions as (

    select * from {{ ref('regions') }}

),

final as (

    select
        articles.article_id,
        articles.source_file,
        articles.title,
        articles.byline,
        articles.published_on,
        articles.published_on_source,
        articles.region_code,
        coalesce(regions.region_name, articles.region_name) as region_name,
        articles.article_index,
        articles.char_start,
        articles.char_end,
        articles.file_version_id,
        files.version,
        coalesce(files.feeds_mart, false) as is_current,
        files.file_status,
        files.duplicate_of

    from articles
    left join files on articles.file_version_id = files.file_version_id
    left join regions on articles.region_code = regions.region_code

)

select * from final
