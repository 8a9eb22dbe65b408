-- Fails (warn) with every mention whose offsets do not point at its quote in the decoded file
-- text: text[char_start:char_end] must equal the quote (Unicode code points, as Python slices).
select
    mentions.mention_id,
    mentions.source_file,
    mentions.char_start,
    mentions.char_end,
    mentions.quote,
    substring(files.text, mentions.char_start + 1, mentions.char_end - mentions.char_start) as text_at_offsets

from {{ ref('fct_figure_mentions') }} as mentions
inner join {{ ref('stg_staging__files') }} as files
    on mentions.file_version_id = files.file_version_id
where substring(files.text, mentions.char_start + 1, mentions.char_end - mentions.char_start)
    is distinct from mentions.quote
