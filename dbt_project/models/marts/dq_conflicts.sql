-- One row per disputed figure key (region, subject, indicator, period, value kind, unit): every
-- competing statement with its qualifier, quote, file and publication date, what kind of
-- disagreement it is (see dq_conflict_pairs), which value holds and why.
--
-- conflict_id is a hash of the key, so it is the same on every run whatever the sources add.
-- severity WARN (a contradiction, or a bound that excludes a value) alerts; INFO (a revision, an
-- estimate or preliminary release superseded by the final figure) is a note.
-- value_a / quote_a / source_file_a is the value that holds (the revised, final or best supported
-- one), value_b ... the statement that disagrees with it most (a WARN one first).
-- Analysts' decisions (int_conflict_decisions: `indicators adjudicate`, and the older seed) apply by
-- conflict_id or by the key; the latest one wins (rules over many are applied where they name the key).

with

pairs as (

    select * from {{ ref('dq_conflict_pairs') }}

),

statements as (

    select * from {{ ref('int_figure_statements') }}

),

decisions as (

    select * from {{ ref('int_conflict_decisions') }}
    where status is not null

),

-- both sides of every pair, each with the pair's verdict on it
sides as (

    select conflict_id, figure_key, statement_id_a as statement_id, severity, disagreement,
        prevailing_statement_id is not null and prevailing_statement_id <> statement_id_a as is_superseded
    from pairs

    union all

    select conflict_id, figure_key, statement_id_b as statement_id, severity, disagreement,
        prevailing_statement_id is not null and prevailing_statement_id <> statement_id_b as is_superseded
    from pairs

),

participants as (

    select
        sides.conflict_id,
        sides.statement_id,
        bool_or(sides.is_superseded) as is_superseded,
        bool_or(sides.severity = 'WARN') as in_warn_pair,
        any_value(statements.qualifier) as qualifier,
        any_value(statements.source_count) as source_count,
        any_value(statements.last_published_on) as last_published_on

    from sides
    inner join statements on sides.statement_id = statements.statement_id
    group by sides.conflict_id, sides.statement_id

),

keys as (

    select
        conflict_id,
        any_value(figure_key) as figure_key,
        case when bool_or(severity = 'WARN') then 'WARN' else 'INFO' end as severity,
        case
            when bool_or(disagreement = 'contradiction') then 'contradiction'
            when bool_or(disagreement = 'bound') then 'bound'
            when bool_or(disagreement = 'revision') then 'revision'
            when bool_or(disagreement = 'estimate') then 'estimate'
            else 'later_release'
        end as disagreement,
        count(*) as pair_count

    from pairs
    group by conflict_id

),

-- the value that holds: never one a revision, a final figure or a later release superseded;
-- then exact over approx over bounds, more sources, the latest publication
chosen as (

    select
        conflict_id,
        first(statement_id order by
            is_superseded,
            case qualifier when 'exact' then 1 when 'approx' then 2 else 3 end,
            source_count desc,
            last_published_on desc nulls last,
            statement_id
        ) as statement_id

    from participants
    group by conflict_id

),

-- the statement that disagrees with the chosen one most: a WARN pair first, then the best supported
competitor as (

    select
        pairs.conflict_id,
        first(
            case when pairs.statement_id_a = chosen.statement_id then pairs.statement_id_b else pairs.statement_id_a end
            order by
                pairs.severity = 'WARN' desc,
                case when pairs.statement_id_a = chosen.statement_id then competitor_b.source_count
                     else competitor_a.source_count end desc,
                pairs.pair_id
        ) as statement_id,
        first(pairs.disagreement order by
            pairs.severity = 'WARN' desc,
            case when pairs.statement_id_a = chosen.statement_id then competitor_b.source_count
                 else competitor_a.source_count end desc,
            pairs.pair_id
        ) as disagreement

    from pairs
    inner join chosen
        on pairs.conflict_id = chosen.conflict_id
        and chosen.statement_id in (pairs.statement_id_a, pairs.statement_id_b)
    inner join statements as competitor_a on pairs.statement_id_a = competitor_a.statement_id
    inner join statements as competitor_b on pairs.statement_id_b = competitor_b.statement_id
    group by pairs.conflict_id

),

listed as (

    select
        participants.conflict_id,
        list({
            'value': statements.value,
            'qualifier': statements.qualifier,
            'quote': statements.quote,
            'source_file': statements.source_file,
            'source_files': statements.source_files,
            'published_on': statements.first_published_on,
            'is_revision': statements.is_revision,
            'is_estimate': statements.is_estimate,
            'role': case
                when participants.statement_id = chosen.statement_id then 'holds'
                when participants.is_superseded then 'superseded'
                else 'disputes'
            end
        } order by participants.statement_id = chosen.statement_id desc, statements.value, statements.statement_id)
            as statements,
        list(distinct statements.figure_id order by statements.figure_id) as figure_ids,
        list(distinct statements.figure_id order by statements.figure_id)
            filter (where participants.is_superseded and participants.statement_id <> chosen.statement_id)
            as superseded_figure_ids,
        count(*) as value_count,
        len(list_distinct(flatten(list(statements.source_files)))) as source_count

    from participants
    inner join statements on participants.statement_id = statements.statement_id
    inner join chosen on participants.conflict_id = chosen.conflict_id
    group by participants.conflict_id

),

assembled as (

    select
        keys.conflict_id,
        a.region_code,
        a.region_name,
        a.region_level,
        a.subject,
        a.period,
        a.indicator_code,
        a.indicator_name,
        a.value_kind,
        a.unit,
        keys.severity,
        keys.disagreement,
        keys.pair_count,
        listed.value_count,
        listed.source_count,
        a.figure_id as figure_id_a,
        a.statement_id as statement_id_a,
        a.value as value_a,
        a.qualifier as qualifier_a,
        a.quote as quote_a,
        a.source_file as source_file_a,
        a.first_published_on as published_on_a,
        a.mention_count as mention_count_a,
        b.figure_id as figure_id_b,
        b.statement_id as statement_id_b,
        b.value as value_b,
        b.qualifier as qualifier_b,
        b.quote as quote_b,
        b.source_file as source_file_b,
        b.first_published_on as published_on_b,
        b.mention_count as mention_count_b,
        case keys.disagreement
            when 'revision' then '«' || a.quote || '» (' || a.source_file || ') is given as a revision of «'
                || b.quote || '» (' || b.source_file || '): the revised value holds'
            when 'estimate' then '«' || b.quote || '» (' || b.source_file || ', '
                || coalesce(cast(b.first_published_on as varchar), 'undated') || ') was an estimate; «'
                || a.quote || '» (' || a.source_file || ', ' || coalesce(cast(a.first_published_on as varchar), 'undated')
                || ') is the final figure'
            when 'later_release' then '«' || b.quote || '» (' || b.source_file || ', '
                || coalesce(cast(b.first_published_on as varchar), 'undated') || ') was a preliminary release; «'
                || a.quote || '» (' || a.source_file || ', ' || coalesce(cast(a.first_published_on as varchar), 'undated')
                || ') the final one'
            when 'bound' then 'a bound excludes the other value: «' || a.quote || '» (' || a.source_file
                || ') against «' || b.quote || '» (' || b.source_file || ')'
            else listed.value_count || ' values from ' || listed.source_count || ' files cannot all be true: «'
                || a.quote || '» (' || a.source_file || ') against «' || b.quote || '» (' || b.source_file || ')'
        end as explanation,
        listed.statements,
        listed.figure_ids,
        coalesce(listed.superseded_figure_ids, []) as superseded_figure_ids

    from keys
    inner join chosen on keys.conflict_id = chosen.conflict_id
    inner join competitor on keys.conflict_id = competitor.conflict_id
    inner join listed on keys.conflict_id = listed.conflict_id
    inner join statements as a on chosen.statement_id = a.statement_id
    inner join statements as b on competitor.statement_id = b.statement_id

),

files as (

    -- where each file was published, for rules that prefer a named source
    select source_file, any_value(source) as source
    from {{ ref('dim_article') }}
    group by source_file

),

-- the prevailing value (a) and the one that disagrees most (b), with their publishers
settled_sides as (

    select
        assembled.*,
        files_a.source as source_a,
        files_b.source as source_b

    from assembled
    left join files as files_a on assembled.source_file_a = files_a.source_file
    left join files as files_b on assembled.source_file_b = files_b.source_file

),

-- the latest decision that names the conflict: by its id, by its key (over the figures seen when
-- deciding), or by a rule whose scope holds it and that can name the winner
matched as (

    select
        settled_sides.conflict_id,
        decisions.status,
        decisions.decided_by,
        decisions.decided_at,
        decisions.note,
        decisions.decision_id,
        case
            when decisions.action <> 'rule' then decisions.accepted_value
            when decisions.prefer = 'latest' and settled_sides.published_on_a > settled_sides.published_on_b then settled_sides.value_a
            when decisions.prefer = 'latest' and settled_sides.published_on_b > settled_sides.published_on_a then settled_sides.value_b
            when decisions.prefer = 'source' and (settled_sides.source_file_a = decisions.prefer_source
                or settled_sides.source_a = decisions.prefer_source) then settled_sides.value_a
            when decisions.prefer = 'source' and (settled_sides.source_file_b = decisions.prefer_source
                or settled_sides.source_b = decisions.prefer_source) then settled_sides.value_b
        end as accepted_value,
        row_number() over (
            partition by settled_sides.conflict_id order by decisions.decided_at desc nulls last, decisions.decision_order desc
        ) as latest_first

    from settled_sides
    inner join decisions
        on decisions.conflict_id = settled_sides.conflict_id
        or (
            decisions.action in ('accept', 'resolve', 'both') and decisions.conflict_id is null
            and decisions.region_code is not distinct from settled_sides.region_code
            and decisions.subject is not distinct from settled_sides.subject
            and decisions.indicator_code is not distinct from settled_sides.indicator_code
            and decisions.period = settled_sides.period
            and decisions.value_kind = settled_sides.value_kind
            and (decisions.figure_ids is null
                 or list_has_all(decisions.figure_ids, [settled_sides.figure_id_a, settled_sides.figure_id_b]))
        )
        or (
            decisions.action = 'rule'
            and (decisions.scope_indicator is null or decisions.scope_indicator = settled_sides.indicator_code)
            and (decisions.scope_region is null or decisions.scope_region = settled_sides.region_code)
            and (decisions.scope_file is null or decisions.scope_file in (settled_sides.source_file_a, settled_sides.source_file_b))
            and (
                (decisions.prefer = 'latest' and settled_sides.published_on_a <> settled_sides.published_on_b)
                or (decisions.prefer = 'source' and (
                    coalesce(settled_sides.source_file_a = decisions.prefer_source or settled_sides.source_a = decisions.prefer_source,
                             false)
                    <> coalesce(settled_sides.source_file_b = decisions.prefer_source or settled_sides.source_b = decisions.prefer_source,
                                false)))
            )
        )

),

final as (

    select
        assembled.*,
        coalesce(matched.status, 'open') as status,
        matched.decided_by as resolved_by,
        cast(matched.decided_at as date) as resolved_on,
        matched.note,
        matched.accepted_value,
        matched.decision_id

    from assembled
    left join matched on assembled.conflict_id = matched.conflict_id and matched.latest_first = 1

)

select * from final
