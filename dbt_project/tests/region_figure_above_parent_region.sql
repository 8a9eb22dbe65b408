-- Fails (warn) with every additive figure of a region that is above the same figure of the
-- region it belongs to (a city's count above its province's).
select
    hierarchy_issue_id,
    indicator_name,
    period,
    child_region_name,
    child_value,
    child_quote,
    child_source_file,
    parent_region_name,
    parent_value,
    parent_quote,
    parent_source_file

from {{ ref('dq_hierarchy') }}
