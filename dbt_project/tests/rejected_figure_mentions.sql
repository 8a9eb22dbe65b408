-- Fails (warn) with every mention the mart refused because its value cannot be true.
select
    reject_id,
    reason,
    quote,
    value,
    unit,
    value_kind,
    indicator_name,
    period,
    published_on,
    source_file,
    char_start,
    char_end

from {{ ref('dq_rejects') }}
