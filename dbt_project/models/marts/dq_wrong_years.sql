-- A suspected wrong year: the same distinctive exact value (at least three significant digits) for
-- the same region, subject, indicator, kind and unit, attached to two different years by different
-- sources (a rewrite that labels last year's figures as this year's). The suspect side is the one
-- fewer sources state, then the later published one.

with

statements as (

    select * from {{ ref('int_figure_statements') }}
    where qualifier = 'exact'
        and period_grain = 'year'
        and value_kind not in ('rank', 'rank_change', 'target')
        and {{ significant_digits('value') }} >= 3

),

pairs as (

    select
        a.*,
        b.statement_id as other_statement_id,
        b.period as other_period,
        b.quote as other_quote,
        b.source_file as other_source_file,
        b.source_files as other_source_files,
        b.source_count as other_source_count,
        b.last_published_on as other_published_on

    from statements as a
    inner join statements as b
        on a.region_key = b.region_key
        and a.subject is not distinct from b.subject
        and a.indicator_code = b.indicator_code
        and a.value_kind = b.value_kind
        and a.unit = b.unit
        and a.value = b.value
        and a.period <> b.period
    where not list_has_all(b.source_files, a.source_files)
        and not list_has_all(a.source_files, b.source_files)
        -- a is the suspect: fewer sources, then later published, then the later period
        and (
            a.source_count < b.source_count
            or (a.source_count = b.source_count
                and coalesce(a.last_published_on, date '0001-01-01') > coalesce(b.last_published_on, date '0001-01-01'))
            or (a.source_count = b.source_count
                and a.last_published_on is not distinct from b.last_published_on
                and a.period > b.period)
        )

)

select
    {{ stable_hash(['statement_id', 'other_statement_id']) }} as check_id,
    'suspected_wrong_year' as check_name,
    'WARN' as severity,
    region_code,
    region_name,
    region_level,
    subject,
    indicator_code,
    indicator_name,
    value_kind,
    unit,
    value,
    period,
    quote,
    source_file,
    last_published_on as published_on,
    other_period,
    other_quote,
    other_source_file,
    other_published_on,
    '«' || quote || '» (' || source_file || ') gives ' || period || ' the value «' || other_quote
        || '» (' || other_source_file || ') gives ' || other_period || ': one of them has the wrong year'
        as explanation

from pairs
