-- Fails (warn) with every distinctive value that two sources attach to two different years.
select check_id, region_name, indicator_name, value, period, quote, source_file, other_period, other_quote,
    other_source_file
from {{ ref('dq_wrong_years') }}
