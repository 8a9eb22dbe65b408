-- Fails (warn) with every stated figure that arithmetic on other figures contradicts beyond rounding.
select check_id, check_name, region_name, indicator_name, period, stated_value, implied_value, tolerance,
    stated_quote, stated_source_file
from {{ ref('dq_arithmetic') }}
