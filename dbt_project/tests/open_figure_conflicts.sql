-- Fails (warn) with every conflict nobody has adjudicated yet that no revision, estimate or later
-- release explains: sources that give one region, subject, indicator, period and kind values that
-- cannot all be true (a contradiction, or a bound that excludes a value).
select
    conflict_id,
    disagreement,
    region_name,
    subject,
    period,
    indicator_name,
    value_kind,
    unit,
    value_a,
    qualifier_a,
    quote_a,
    source_file_a,
    value_b,
    qualifier_b,
    quote_b,
    source_file_b

from {{ ref('dq_conflicts') }}
where status = 'open' and severity = 'WARN'
