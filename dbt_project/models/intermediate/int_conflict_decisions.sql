-- Every analyst decision on conflicts that still applies: the adjudications log (staging.adjudications,
-- written by `indicators adjudicate` beside the warehouse and copied in by each run) and the older
-- per-conflict rows of seeds/conflict_adjudications.csv. A withdrawn decision no longer applies.
-- dq_conflicts matches them to conflicts: by conflict_id, by key (region, subject, indicator,
-- period, value_kind) over the figures seen when deciding, or by a rule's scope.

with

logged as (

    select * from {{ source('ingest', 'adjudications') }}

),

withdrawn as (

    select distinct withdraws as decision_id from logged where action = 'withdraw' and withdraws is not null

),

from_log as (

    select
        decision_id,
        action,
        status,
        conflict_id,
        region_code,
        subject,
        indicator_code,
        period,
        value_kind,
        figure_ids,
        accepted_value,
        prefer,
        prefer_source,
        scope_indicator,
        scope_region,
        scope_file,
        decided_by,
        decided_at,
        note,
        decision_order + 1 as decision_order

    from logged
    where action <> 'withdraw'
        and decision_id not in (select decision_id from withdrawn)

),

from_seed as (

    select
        'seed-' || conflict_id as decision_id,
        'seed' as action,
        status,
        conflict_id,
        null::varchar as region_code,
        null::varchar as subject,
        null::varchar as indicator_code,
        null::varchar as period,
        null::varchar as value_kind,
        null::varchar[] as figure_ids,
        null::double as accepted_value,
        null::varchar as prefer,
        null::varchar as prefer_source,
        null::varchar as scope_indicator,
        null::varchar as scope_region,
        null::varchar as scope_file,
        resolved_by as decided_by,
        cast(resolved_on as timestamp) as decided_at,
        note,
        0 as decision_order

    from {{ ref('conflict_adjudications') }}

)

select * from from_log
union all
select * from from_seed
