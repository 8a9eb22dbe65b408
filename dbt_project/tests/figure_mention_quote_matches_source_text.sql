-- Fails (warn) with every mention whose offsets do not point at its quote in the decoded file
-- text: text[char_start:char_end] must equal the quote (Unicode code points, as Python slices).
-- A mention is checked against its paragraph's text (the same characters, at offsets shifted by
-- the paragraph's start), which keeps the check linear: slicing a whole file's text walks it from
-- the start for every mention (minutes for a dense 10 MB file). A quote that runs past its
-- paragraph's end is checked against the whole file text.
with

mentions as (

    select * from {{ ref('fct_figure_mentions') }}

),

paragraphs as (

    select * from {{ ref('stg_parser__paragraphs') }}

),

located as (

    select
        mentions.mention_id,
        mentions.file_version_id,
        mentions.source_file,
        mentions.char_start,
        mentions.char_end,
        mentions.quote,
        paragraphs.char_start as paragraph_start,
        paragraphs.char_end as paragraph_end,
        paragraphs.text as paragraph_text

    from mentions
    left join paragraphs
        on mentions.file_version_id = paragraphs.file_version_id
        and mentions.paragraph_index = paragraphs.paragraph_index

),

within_paragraph as (

    select
        mention_id,
        source_file,
        char_start,
        char_end,
        quote,
        substring(paragraph_text, char_start - paragraph_start + 1, char_end - char_start) as text_at_offsets

    from located
    where char_start >= paragraph_start and char_end <= paragraph_end

),

beyond_paragraph as (

    select
        located.mention_id,
        located.source_file,
        located.char_start,
        located.char_end,
        located.quote,
        substring(files.text, located.char_start + 1, located.char_end - located.char_start) as text_at_offsets

    from located
    inner join {{ ref('stg_ingest__files') }} as files
        on located.file_version_id = files.file_version_id
    where located.paragraph_start is null
        or located.char_start < located.paragraph_start
        or located.char_end > located.paragraph_end

)

select * from within_paragraph
where text_at_offsets is distinct from quote

union all

select * from beyond_paragraph
where text_at_offsets is distinct from quote
