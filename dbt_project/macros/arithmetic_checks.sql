{#
    Shared by the int_arithmetic__* models: each compares one stated figure with the value other
    statements imply, and all four report it in one shape (dq_arithmetic reads them as one table).
#}

{# Two statements of the same figure key but the indicator: one region, one subject (or none). #}
{% macro same_region_and_subject(left, right) -%}
    {{ left }}.region_key = {{ right }}.region_key
        and {{ left }}.subject is not distinct from {{ right }}.subject
{%- endmacro %}

{# The stated figure's levels of its year and of the year before, as `compared` carries them. #}
{% macro two_year_levels(this_year, last_year) -%}
        {{ this_year }}.value as level_value,
        {{ this_year }}.quote as level_quote,
        {{ this_year }}.source_file as level_source_file,
        {{ last_year }}.value as base_value,
        {{ last_year }}.quote as base_quote,
        {{ last_year }}.source_file as base_source_file
{%- endmacro %}

{# The inputs of a check against two years' levels, for the alert to quote. #}
{% macro two_year_level_inputs() -%}
    [
        {'role': 'level ' || period, 'value': level_value, 'quote': level_quote, 'source_file': level_source_file},
        {'role': 'level ' || cast(period_end_year - 1 as varchar), 'value': base_value, 'quote': base_quote, 'source_file': base_source_file}
    ]
{%- endmacro %}

{# The columns every check reports, from a `compared` CTE holding the stated statement's columns. #}
{% macro arithmetic_check_columns(check_name) -%}
    '{{ check_name }}' as check_name,
    region_code,
    region_name,
    region_level,
    subject,
    indicator_code,
    indicator_name,
    period,
    unit,
    value as stated_value,
    implied_value,
    tolerance,
    quote as stated_quote,
    source_file as stated_source_file
{%- endmacro %}
