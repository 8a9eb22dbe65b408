{#
    The interval of values a mention allows, from its value and qualifier:
      exact v        -> v widened by the rounding tolerance (var figure_value_tolerance)
      lower_bound v  -> [v, +inf)     (突破/超过/逾/以上/余/多)
      upper_bound v  -> (-inf, v]     (不足/不到/以下/以内)
      approx v       -> v widened by var approx_band on each side (近/约/左右)
    least/greatest keep the interval ordered for negative values.
#}
{% macro value_low(value, qualifier) -%}
    case {{ qualifier }}
        when 'exact' then least({{ value }} * (1 - {{ var('figure_value_tolerance') }}), {{ value }} * (1 + {{ var('figure_value_tolerance') }}))
        when 'approx' then least({{ value }} * (1 - {{ var('approx_band') }}), {{ value }} * (1 + {{ var('approx_band') }}))
        when 'lower_bound' then {{ value }}
        when 'upper_bound' then cast('-infinity' as double)
    end
{%- endmacro %}

{% macro value_high(value, qualifier) -%}
    case {{ qualifier }}
        when 'exact' then greatest({{ value }} * (1 - {{ var('figure_value_tolerance') }}), {{ value }} * (1 + {{ var('figure_value_tolerance') }}))
        when 'approx' then greatest({{ value }} * (1 - {{ var('approx_band') }}), {{ value }} * (1 + {{ var('approx_band') }}))
        when 'lower_bound' then cast('infinity' as double)
        when 'upper_bound' then {{ value }}
    end
{%- endmacro %}

{#
    The interval a conflict check lets a statement stand for: value_low/value_high, an exact or approximate
    value also widened by its own rounding as written (`2.2萬億元` admits 2.15 to 2.25 trillion, so
    `22398.4億元` is the same figure), at most by var rounding_widening_cap of the value (a round `5000亿元`
    is what the writer meant, not a rounding of 5300亿元); bounds as they are. Figures are still assigned
    by value_low/value_high: only whether two statements can both be true reads these.
#}
{% macro agree_low(value, qualifier, value_low, half_unit) -%}
    case when {{ qualifier }} in ('exact', 'approx')
        then least({{ value_low }}, {{ value }} - least({{ half_unit }}, {{ var('rounding_widening_cap') }} * abs({{ value }})))
        else {{ value_low }} end
{%- endmacro %}

{% macro agree_high(value, qualifier, value_high, half_unit) -%}
    case when {{ qualifier }} in ('exact', 'approx')
        then greatest({{ value_high }}, {{ value }} + least({{ half_unit }}, {{ var('rounding_widening_cap') }} * abs({{ value }})))
        else {{ value_high }} end
{%- endmacro %}

{# Two intervals intersect: both values can be true at once. #}
{% macro intervals_intersect(low_a, high_a, low_b, high_b) -%}
    ({{ low_a }} <= {{ high_b }} and {{ low_b }} <= {{ high_a }})
{%- endmacro %}

{# Two exact values agree (the same number, rounded differently). #}
{% macro exact_values_agree(value_a, value_b) -%}
    (abs({{ value_a }} - {{ value_b }}) <= {{ var('figure_value_tolerance') }} * greatest(abs({{ value_a }}), abs({{ value_b }})))
{%- endmacro %}

{#
    A stable md5 over several expressions: NULLs become a marker, so (NULL, 'a') and ('a', NULL)
    hash differently and the same inputs give the same id on every rerun.
#}
{% macro stable_hash(expressions) -%}
    md5(concat_ws('|'
    {%- for expression in expressions -%}
        , coalesce(cast({{ expression }} as varchar), '<null>')
    {%- endfor -%}
    ))
{%- endmacro %}

{# A canonical text for a normalised value: 12 significant digits, no float noise. #}
{% macro value_text(value) -%}
    printf('%.12g', {{ value }})
{%- endmacro %}
