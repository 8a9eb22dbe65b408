with

regions as (

    select * from {{ ref('regions') }}

),

final as (

    select
        regions.region_code,
        regions.region_name,
        regions.short_name,
        regions.level,
        regions.parent_code,
        parents.region_name as parent_name,
        regions.abbreviation

    from regions
    left join regions as parents on regions.parent_code = parents.region_code

)

select * from final
