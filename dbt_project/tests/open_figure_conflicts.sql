-- Fails (warn) with every conflict nobody has adjudicated yet: two figures with the same
-- region, subject, indicator, period and kind whose values cannot both be true.
select
    conflict_id,
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
where status = 'open'
