-- The indicators of the seed, plus every indicator name the parser found without a code (so an
-- analyst can see what is not yet in the seed).

with

indicators as (

    select * from {{ ref('indicators') }}

),

mentions as (

    select * from {{ ref('int_figure_mentions__classified') }}

),

uncoded_names as (

    select
        indicator_name,
        count(*) as mention_count

    from mentions
    where indicator_code is null and indicator_name is not null
        -- (a name written like a code, `gdp`, is that code's row already: one key, one row)
        and indicator_name not in (select indicator_code from indicators)
    group by indicator_name

),

final as (

    select
        indicator_code,
        indicator_name,
        indicator_code as indicator_key,
        aliases,
        unit,
        value_kind,
        is_additive,
        description,
        true as is_in_seed

    from indicators

    union all

    select
        null as indicator_code,
        indicator_name,
        indicator_name as indicator_key,
        null as aliases,
        null as unit,
        null as value_kind,
        null as is_additive,
        'Found in ' || mention_count || ' mention(s) without a code; not in the indicators seed.'
            as description,
        false as is_in_seed

    from uncoded_names

)

select * from final
