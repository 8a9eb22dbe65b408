{#
    No two rows share the same values in all of these columns (NULLs compare equal, as in
    group by). Fails with one row per repeated combination and how often it occurs.
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

select
    {{ combination_of_columns | join(', ') }},
    count(*) as occurrences

from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1

{% endtest %}
