{#
    Half of the last written digit of a value: what rounding to the precision it was written at can
    hide. 1283.94亿元 (128394000000) -> 500000; 2.65 (%) -> 0.005; 4200亿元 -> 5000000000 (trailing zeros
    are read as not significant, which errs on the side of agreeing). Two statements of one figure
    agree when they differ by no more than the coarser one's half unit.
#}
{% macro rounding_half_unit(value) -%}
    (case when {{ value }} is null or {{ value }} = 0 then 0 else
        0.5 * pow(10, floor(log10(abs({{ value }})))
            - length(trim(replace(split_part(printf('%.12g', abs({{ value }})), 'e', 1), '.', ''), '0'))
            + 1)
    end)
{%- endmacro %}

{# The sentence text before a mention's quote (up to `width` characters): where markers such as 预计 or 修订为 stand. #}
{% macro text_before_quote(sentence, quote, width) -%}
    right(substr({{ sentence }}, 1, greatest(strpos({{ sentence }}, {{ quote }}) - 1, 0)), {{ width }})
{%- endmacro %}

{# Significant digits of a value as written (trailing zeros of an integer not counted): 2.57 -> 3, 4200 -> 2. #}
{% macro significant_digits(value) -%}
    length(trim(replace(split_part(printf('%.12g', abs({{ value }})), 'e', 1), '.', ''), '0'))
{%- endmacro %}
