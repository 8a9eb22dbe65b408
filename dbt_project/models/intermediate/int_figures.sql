-- One row per figure: the mentions assigned to it, rolled up.
-- "First" orders mentions by when their file was first seen, then file name and offset. The
-- figure's quote and source_file come from one mention, so the quote can be found in that file:
-- the first mention that states the figure's own value and qualifier, outside a repeated passage
-- if possible (for 突破4万家 + 达4万家, the 达4万家). source_count counts sources, not file names:
-- copies of one article are one source (int_file_versions__sources).

with

sources as (

    select file_version_id, source_key from {{ ref('int_file_versions__sources') }}

),

assigned as (

    select
        mentions.*,
        mentions.qualifier = mentions.figure_qualifier
            and {{ exact_values_agree('mentions.value', 'mentions.figure_value') }} as states_figure,
        -- copies of one article (re-encoded, wrapped, reprinted) are one source
        coalesce(sources.source_key, mentions.file_version_id) as source_key

    from {{ ref('int_figure_mentions__assigned') }} as mentions
    left join sources on mentions.file_version_id = sources.file_version_id

),

figures as (

    select
        figure_id,
        figure_key,
        any_value(region_key) as region_key,
        any_value(region_code) as region_code,
        first(region_name order by region_name is null, first_seen, source_file, char_start) as region_name,
        any_value(region_level) as region_level,
        any_value(subject) as subject,
        any_value(period) as period,
        any_value(period_start_year) as period_start_year,
        any_value(period_end_year) as period_end_year,
        any_value(period_grain) as period_grain,
        any_value(indicator_key) as indicator_key,
        any_value(indicator_code) as indicator_code,
        first(indicator_name order by indicator_name is null, first_seen, source_file, char_start)
            as indicator_name,
        any_value(is_additive) as is_additive,
        any_value(figure_value) as value,
        any_value(unit) as unit,
        first(counter order by counter is null, not states_figure, first_seen, source_file, char_start)
            as counter,
        any_value(figure_qualifier) as qualifier,
        any_value(value_kind) as value_kind,
        count(*) as mention_count,
        count(distinct source_key) as source_count,
        count(*) filter (where not is_repeated_passage) as independent_mention_count,
        first(source_file order by first_seen, source_file, char_start) as first_source_file,
        first(mention_id order by
            not states_figure, is_repeated_passage, first_seen, source_file, char_start
        ) as quote_mention_id,
        first(quote order by
            not states_figure, is_repeated_passage, first_seen, source_file, char_start
        ) as quote,
        first(source_file order by
            not states_figure, is_repeated_passage, first_seen, source_file, char_start
        ) as source_file,
        first(file_version_id order by
            not states_figure, is_repeated_passage, first_seen, source_file, char_start
        ) as file_version_id,
        min(published_on) as first_published_on,
        max(published_on) as last_published_on,
        any_value(figure_low) as value_low,
        any_value(figure_high) as value_high

    from assigned
    group by figure_id, figure_key

)

select * from figures
