-- The exact statement the arithmetic checks use for each figure key of a single year: the latest
-- published (later releases revise earlier ones), not an estimate, then the best supported.
-- Keys of unknown subject compare with keys of the same subject only.

with

statements as (

    select * from {{ ref('int_figure_statements') }}
    where qualifier = 'exact' and period_grain = 'year'

),

ranked as (

    select
        *,
        row_number() over (
            partition by figure_key
            order by is_estimate, last_published_on desc nulls last, source_count desc, statement_id
        ) as preference

    from statements

)

select * exclude (preference)
from ranked
where preference = 1
