-- A region's figure above its parent region's for the same additive indicator, period and
-- unit (a city cannot have more enterprises, or spend more, than its province). Only
-- whole-region levels (subject NULL) of indicators marked is_additive, in count or yuan, and
-- only when the child's lowest possible value is above the parent's highest.

with

figures as (

    select * from {{ ref('int_figures') }}
    where is_additive
        and value_kind = 'level'
        and unit in ('count', 'yuan', 'usd')
        and subject is null
        and region_code is not null

),

regions as (

    select * from {{ ref('regions') }}

),

violations as (

    select
        {{ stable_hash(['child.figure_id', 'parent.figure_id']) }} as hierarchy_issue_id,
        child.indicator_code,
        child.indicator_name,
        child.period,
        child.unit,
        child.figure_id as child_figure_id,
        child.region_code as child_region_code,
        child.region_name as child_region_name,
        child.value as child_value,
        child.qualifier as child_qualifier,
        child.quote as child_quote,
        child.source_file as child_source_file,
        parent.figure_id as parent_figure_id,
        parent.region_code as parent_region_code,
        parent.region_name as parent_region_name,
        parent.value as parent_value,
        parent.qualifier as parent_qualifier,
        parent.quote as parent_quote,
        parent.source_file as parent_source_file

    from figures as child
    inner join regions on child.region_code = regions.region_code
    inner join figures as parent
        on regions.parent_code = parent.region_code
        and child.indicator_key = parent.indicator_key
        and child.period = parent.period
        and child.unit = parent.unit
    where child.value_low > parent.value_high

)

select * from violations
