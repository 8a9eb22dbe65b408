-- Every mention of every file version, with what the mart needs to know about it: which file
-- version it comes from and whether that version feeds the mart, its figure key, the interval of
-- values it allows, whether its passage is repeated, and why it is impossible (if it is).

with

mentions as (

    select * from {{ ref('stg_parser__figure_mentions') }}

),

files as (

    select * from {{ ref('int_file_versions') }}

),

articles as (

    select * from {{ ref('stg_parser__articles') }}

),

passages as (

    select * from {{ ref('int_paragraphs__passages') }}

),

regions as (

    select * from {{ ref('regions') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

enriched as (

    select
        mentions.mention_id,
        mentions.file_version_id,
        mentions.source_file,
        files.version,
        files.is_current,
        files.duplicate_of,
        coalesce(files.feeds_mart, false) as feeds_mart,
        files.file_status,
        files.first_seen,
        mentions.article_id,
        mentions.paragraph_index,
        mentions.sentence_index,
        mentions.char_start,
        mentions.char_end,
        mentions.quote,
        mentions.sentence,
        mentions.value,
        mentions.unit,
        mentions.counter,
        mentions.qualifier,
        mentions.value_kind,
        mentions.region_code,
        coalesce(regions.region_name, mentions.region_name) as region_name,
        regions.level as region_level,
        mentions.subject,
        mentions.period,
        try_cast(regexp_extract(mentions.period, '^(\d{4})', 1) as integer) as period_start_year,
        -- '2021-2025' ends in 2025; a year and its parts ('2025', '2025H1', '2025Q1-Q3') in that year
        try_cast(coalesce(nullif(regexp_extract(mentions.period, '^\d{4}-(\d{4})$', 1), ''),
                          regexp_extract(mentions.period, '^(\d{4})', 1)) as integer) as period_end_year,
        case
            when regexp_full_match(mentions.period, '\d{4}') then 'year'
            when regexp_full_match(mentions.period, '\d{4}-\d{4}') then 'span'
            when regexp_full_match(mentions.period, '\d{4}H[12]') then 'half'
            when regexp_full_match(mentions.period, '\d{4}Q[1-4]') then 'quarter'
            when regexp_full_match(mentions.period, '\d{4}Q1-Q[1-4]') then 'quarters'
            when regexp_full_match(mentions.period, '\d{4}M\d{2}(-M\d{2})?') then 'months'
        end as period_grain,
        mentions.period_source,
        mentions.indicator_code,
        coalesce(indicators.indicator_name, mentions.indicator_name) as indicator_name,
        indicators.is_additive,
        coalesce(mentions.published_on, articles.published_on) as published_on,
        mentions.is_repeated_passage as is_repeated_in_file,
        coalesce(passages.is_repeated_across_files, false) as is_repeated_across_files,
        mentions.is_repeated_passage
        or coalesce(passages.is_repeated_across_files, false) as is_repeated_passage,
        passages.first_printed_in

    from mentions
    left join files on mentions.file_version_id = files.file_version_id
    left join articles on mentions.article_id = articles.article_id
    left join passages
        on mentions.file_version_id = passages.file_version_id
        and mentions.paragraph_index = passages.paragraph_index
    left join regions on mentions.region_code = regions.region_code
    left join indicators on mentions.indicator_code = indicators.indicator_code

),

keyed as (

    select
        *,
        -- a mention without a region code falls back to its region name, so two unknown
        -- regions do not merge
        coalesce(region_code, region_name) as region_key,
        coalesce(indicator_code, indicator_name) as indicator_key,
        {{ value_low('value', 'qualifier') }} as value_low,
        {{ value_high('value', 'qualifier') }} as value_high,
        nullif(concat_ws('; ',
            case
                when value_kind = 'share' and unit = 'percent'
                    and (value < {{ var('min_level') }} or value > {{ var('max_share_percent') }})
                    then 'percent share outside {{ var("min_level") }}-{{ var("max_share_percent") }}'
            end,
            case
                when value_kind = 'rank' and value < {{ var('min_rank') }}
                    then 'rank below {{ var("min_rank") }}'
            end,
            case
                when value_kind = 'level' and unit in ('count', 'yuan', 'usd') and value < {{ var('min_level') }}
                    then 'negative level ' || case unit when 'count' then 'count' else 'amount' end
            end,
            case
                when indicator_code = 'rd_intensity' and unit = 'percent'
                    and value_kind not in ('growth_rate', 'change')
                    and value > {{ var('max_rd_intensity_percent') }}
                    then 'R&D intensity above {{ var("max_rd_intensity_percent") }}%'
            end,
            case
                -- a target may be for a later year; any other figure cannot be
                when value_kind <> 'target' and period_start_year > year(published_on)
                    then 'period starts after the publication year'
            end
        ), '') as reject_reason

    from enriched

),

final as (

    select
        *,
        {{ stable_hash(['region_key', 'subject', 'indicator_key', 'period', 'value_kind', 'unit']) }}
            as figure_key

    from keyed

)

select * from final
