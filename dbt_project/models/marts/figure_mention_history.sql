-- Mentions of file versions that do not feed the mart: versions superseded by a newer one, and
-- files whose bytes another file delivered first (duplicate_of). They stay queryable here, with
-- the figure of the current mart they agree with, if any.

with

mentions as (

    select * from {{ ref('int_figure_mentions__classified') }}
    where not feeds_mart

),

figures as (

    select * from {{ ref('int_figures') }}

),

matches as (

    select
        mentions.mention_id,
        figures.figure_id,
        row_number() over (
            partition by mentions.mention_id
            order by abs(figures.value - mentions.value), figures.value
        ) as preference

    from mentions
    inner join figures
        on mentions.figure_key = figures.figure_key
        and case
            when mentions.qualifier = 'exact' and figures.qualifier = 'exact'
                then {{ exact_values_agree('mentions.value', 'figures.value') }}
            else {{ intervals_intersect('mentions.value_low', 'mentions.value_high', 'figures.value_low', 'figures.value_high') }}
        end

),

final as (

    select
        mentions.mention_id,
        mentions.file_version_id,
        mentions.source_file,
        mentions.version,
        mentions.file_status as history_reason,
        mentions.duplicate_of,
        mentions.first_seen,
        mentions.article_id,
        mentions.paragraph_index,
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
        mentions.region_name,
        mentions.subject,
        mentions.period,
        mentions.indicator_code,
        mentions.indicator_name,
        mentions.published_on,
        mentions.is_repeated_passage,
        mentions.reject_reason,
        case when mentions.reject_reason is null then matches.figure_id end as current_figure_id

    from mentions
    left join matches
        on mentions.mention_id = matches.mention_id
        and matches.preference = 1

)

select * from final
