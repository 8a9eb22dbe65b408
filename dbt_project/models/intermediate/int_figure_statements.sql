-- What the sources state about each figure: one row per figure, value and qualifier written
-- (a figure merges values within the rounding tolerance, so 33278亿元 and 33357.1亿元 can be one
-- figure and two statements). Each statement carries what the conflict checks need to judge it:
-- the files that state it, when they were published, whether it is given as a revision
-- (`已修订为`), whether it is an estimate (`预计`, `约`, `初步`), and for a rank which ranking it
-- belongs to. Only figures whose region, period and indicator code are known are stated here:
-- figures without an indicator_code never take part in conflicts (CONVENTIONS.md).

with

assigned as (

    select * from {{ ref('int_figure_mentions__assigned') }}
    where region_key is not null and period is not null and indicator_code is not null

),

staged as (

    select mention_id, is_revision, in_list
    from {{ ref('stg_parser__figure_mentions') }}

),

figures as (

    select * from {{ ref('int_figures') }}

),

articles as (

    select article_id, published_on_source
    from {{ ref('stg_parser__articles') }}

),

mentions as (

    select
        assigned.* replace (
            -- a date made from a year alone, in the file name or on the page's date line (1 January), does
            -- not say when in the year the article appeared: unknown, for telling which of two sources came first
            case
                when articles.published_on_source in ('file_name', 'text_year')
                    and strftime(assigned.published_on, '%m-%d') = '01-01'
                    then null
                else assigned.published_on
            end as published_on
        ),
        {{ text_before_quote('assigned.sentence', 'assigned.quote', 30) }} as text_before

    from assigned
    left join articles on assigned.article_id = articles.article_id

),

marked as (

    select
        mentions.*,
        coalesce(staged.in_list, false) as in_list,
        coalesce(staged.is_revision, false)
            or regexp_matches(right(mentions.text_before, 6), '(修订|修訂|调整|調整)(后|後)?(为|為|至)?$')
            as is_revision,
        mentions.qualifier = 'approx'
            or regexp_matches(mentions.text_before, '预计|預計|预估|預估|初步核算|初步统计|初步統計|快报|快報')
            as is_estimate,
        -- a rank belongs to the ranking its scope names (全国, 全省, 世界 ...) and to a measure
        -- (a growth rate's rank is not the level's rank): both read just before the quote
        nullif(regexp_extract(right(mentions.text_before, 8),
            '(全国|全國|全省|全市|世界|全球|中部|西部|东部|東部|东北|東北|长江经济带|長江經濟帶)', 1), '')
            as rank_scope,
        case
            when regexp_matches(right(mentions.text_before, 8), '增速|增幅|增长|增長|提升|进位|進位')
                then 'growth'
            else 'level'
        end as rank_basis

    from mentions
    left join staged on mentions.mention_id = staged.mention_id

),

statements as (

    select
        {{ stable_hash(['figure_id', value_text('value'), 'qualifier']) }} as statement_id,
        figure_id,
        figure_key,
        value,
        qualifier,
        {{ value_low('value', 'qualifier') }} as value_low,
        {{ value_high('value', 'qualifier') }} as value_high,
        {{ rounding_half_unit('value') }} as half_unit,
        count(*) as mention_count,
        list(distinct source_file order by source_file) as source_files,
        count(distinct source_file) as source_count,
        min(published_on) as first_published_on,
        max(published_on) as last_published_on,
        bool_or(is_revision) as is_revision,
        bool_and(is_estimate) as is_estimate,
        bool_and(in_list) as in_list,
        first(rank_scope order by rank_scope is null, first_seen, source_file, char_start) as rank_scope,
        first(rank_basis order by first_seen, source_file, char_start) as rank_basis,
        first(quote order by is_repeated_passage, first_seen, source_file, char_start) as quote,
        first(source_file order by is_repeated_passage, first_seen, source_file, char_start) as source_file,
        first(sentence order by is_repeated_passage, first_seen, source_file, char_start) as sentence

    from marked
    group by figure_id, figure_key, value, qualifier

),

final as (

    select
        statements.*,
        figures.region_key,
        figures.region_code,
        figures.region_name,
        figures.region_level,
        figures.subject,
        figures.period,
        figures.period_grain,
        figures.period_end_year,
        figures.indicator_key,
        figures.indicator_code,
        figures.indicator_name,
        figures.value_kind,
        figures.unit,
        figures.value as figure_value,
        figures.qualifier as figure_qualifier,
        -- days from the end of the period's last year to the first publication of the statement
        datediff('day', make_date(figures.period_end_year, 12, 31), statements.first_published_on)
            as days_after_period

    from statements
    inner join figures on statements.figure_id = figures.figure_id

)

select * from final
