-- Staging tables written by the Python assets (ingest and parse); dbt reads them as sources.
-- Every row keeps the file version it came from, so superseded versions stay queryable as history.

create schema if not exists staging;

-- One row per distinct version (name + content) of a file seen in raw/.
create table if not exists staging.files (
    file_version_id varchar primary key,   -- md5(source_file || sha256), first 16 hex digits
    source_file varchar not null,          -- path relative to raw/, '/'-separated
    sha256 varchar not null,
    bytes bigint not null,
    encoding varchar not null,             -- codec used to decode ('utf_8', 'utf_8_sig', 'gb18030', ...)
    text varchar not null,                 -- decoded text (of a page or PDF: the extracted text); offsets index it
    version integer not null,              -- 1, 2, ... per source_file, in order first seen
    is_current boolean not null,           -- the newest version under this name (a file removed from raw/ stays)
    duplicate_of varchar,                  -- source_file that delivered the same bytes first; NULL if none
    first_seen timestamp not null,
    last_seen timestamp not null,
    kind varchar,                          -- 'text', 'html' or 'pdf' (NULL: read before kinds existed, text)
    title varchar,                         -- the headline the file gives apart from its text, or its metadata
    published_on date,                     -- the date the file or its metadata gives
    date_origin varchar,                   -- 'sidecar', 'manifest', 'page_meta' or 'page_text'
    source varchar,                        -- who published it (来源), from the page or its metadata
    url varchar,
    extractor varchar,                     -- library that made `text` from the markup: trafilatura, pdfplumber
    extractor_version varchar,
    markup varchar                         -- the raw HTML (decoded), so that a better extractor can be rerun
);

-- A warehouse made before pages and PDFs were read gains their columns (NULL for the old rows).
alter table staging.files add column if not exists kind varchar;
alter table staging.files add column if not exists title varchar;
alter table staging.files add column if not exists published_on date;
alter table staging.files add column if not exists date_origin varchar;
alter table staging.files add column if not exists source varchar;
alter table staging.files add column if not exists url varchar;
alter table staging.files add column if not exists extractor varchar;
alter table staging.files add column if not exists extractor_version varchar;
alter table staging.files add column if not exists markup varchar;

-- Files refused at ingestion, with the reason; they never reach the parser.
create table if not exists staging.quarantine (
    source_file varchar not null,
    sha256 varchar,
    bytes bigint,
    reason varchar not null,
    first_seen timestamp not null,
    last_seen timestamp not null,
    primary key (source_file, reason)
);

-- Files left for the next run by the last run (changed too recently, ready marker missing), with why.
create table if not exists staging.waiting_files (
    source_file varchar not null,
    reason varchar not null
);

create table if not exists staging.articles (
    article_id varchar primary key,        -- md5(file_version_id || article_index), 16 hex digits
    file_version_id varchar not null,
    source_file varchar not null,
    article_index integer not null,
    char_start integer not null,
    char_end integer not null,
    title varchar,
    byline varchar,
    published_on date,
    published_on_source varchar not null,
    region_code varchar,
    region_name varchar
);

create table if not exists staging.paragraphs (
    paragraph_id varchar primary key,      -- md5(file_version_id || paragraph_index)
    article_id varchar not null,
    file_version_id varchar not null,
    source_file varchar not null,
    paragraph_index integer not null,
    char_start integer not null,
    char_end integer not null,
    kind varchar not null,                 -- title, byline, heading, caption, body
    text varchar not null,
    text_hash varchar not null,            -- md5 of the whitespace-stripped text, for cross-file repeats
    is_repeated_passage boolean not null,  -- repeats an earlier paragraph of the same file
    repeat_of_index integer
);

create table if not exists staging.sentences (
    sentence_id varchar primary key,       -- md5(file_version_id || paragraph_index || sentence_index)
    paragraph_id varchar not null,
    file_version_id varchar not null,
    source_file varchar not null,
    paragraph_index integer not null,
    sentence_index integer not null,
    char_start integer not null,
    char_end integer not null,
    text varchar not null
);

create table if not exists staging.figure_mentions (
    mention_id varchar primary key,        -- md5(file_version_id || char_start || char_end || value)
    file_version_id varchar not null,
    source_file varchar not null,
    article_id varchar not null,
    paragraph_index integer not null,
    sentence_index integer not null,
    char_start integer not null,
    char_end integer not null,
    quote varchar not null,
    sentence varchar not null,
    value double not null,
    unit varchar not null,
    counter varchar,
    qualifier varchar not null,
    value_kind varchar not null,
    region_code varchar,
    region_name varchar,
    subject varchar,
    period varchar,
    period_source varchar not null,
    indicator_code varchar,
    indicator_name varchar,
    is_repeated_passage boolean not null,
    published_on date,                     -- the article's publication date, for the impossible-period check
    is_revision boolean not null default false,  -- `已修订为2.16%`: revises an earlier release of the statistic
    in_list boolean not null default false       -- one item of a `分别` list (never the same figure as another item)
);
-- warehouses made before these columns existed: added at the end, where new tables have them too
alter table staging.figure_mentions add column if not exists is_revision boolean default false;
alter table staging.figure_mentions add column if not exists in_list boolean default false;

-- Analysts' decisions on conflicts: a copy of adjudications.jsonl beside the warehouse, replaced by
-- every run's ingest step (orchestration/adjudications.py), read by dbt (int_conflict_decisions).
create table if not exists staging.adjudications (
    decision_id varchar,
    action varchar,                        -- accept, resolve, both, rule, withdraw
    status varchar,                        -- what it makes of the conflicts it covers: resolved, accepted
    conflict_id varchar,
    region_code varchar,
    subject varchar,
    indicator_code varchar,
    period varchar,
    value_kind varchar,
    figure_ids varchar[],                  -- the figures competing when the analyst decided
    accepted_value double,
    prefer varchar,                        -- a rule's preference: latest, source
    prefer_source varchar,
    scope_indicator varchar,
    scope_region varchar,
    scope_file varchar,
    withdraws varchar,                     -- the decision a withdraw cancels
    decided_by varchar,
    decided_at timestamp,
    note varchar,
    decision_order integer                 -- its line in the log
);
