import { WRITE_TEXT } from '../operations';

/**
 * Like Claimgraph's reads, these skip soft-deleted statements (deleted_at IS NULL).
 *
 * The raw-SQL floor: each benchmark operation answered by one hand-written statement that
 * builds the whole JSON response in PostgreSQL. Parameters are database uuids. A date range's
 * lower bound on stated_on is the one spanEndsOnOrAfter gives (for a 1 January, six days before).
 */
const label = (alias: string) =>
  `CASE ${alias}.stated_precision WHEN 'DAY' THEN ${alias}.stated_on::text WHEN 'MONTH' THEN to_char(${alias}.stated_on, 'YYYY-MM')
     WHEN 'YEAR' THEN to_char(${alias}.stated_on, 'YYYY') ELSE to_char(${alias}.stated_on, 'IYYY-"W"IW') END`;

/** The figures of compare-figures: live ones with a rate, stated in 2025. */
const FIGURE_RANGE = `qq.deleted_at IS NULL AND qq.statement_live AND qq.per_day IS NOT NULL
  AND qq.stated_until >= '2025-01-01' AND qq.stated_on >= '2024-12-26' AND qq.stated_on <= '2025-12-31'`;

export const RAW_QUERIES: Record<string, string> = {
  Q1SpeakerEventCospeakers: `
    SELECT json_build_object('speaker', json_build_object('name', sp.name, 'statements', json_build_object('nodes', (
      SELECT coalesce(json_agg(json_build_object('text', s.text, 'stated', json_build_object('label', ${label('s')}),
        'event', (SELECT json_build_object('title', e.title, 'statements', json_build_object('nodes', (
          SELECT coalesce(json_agg(json_build_object('text', o.text, 'speaker', json_build_object('name', osp.name)) ORDER BY o.stated_on DESC, o.id DESC), '[]')
          FROM (SELECT * FROM statement WHERE event_id = e.id AND deleted_at IS NULL ORDER BY stated_on DESC, id DESC LIMIT 10) o JOIN speaker osp ON osp.id = o.speaker_id)))
          FROM event e WHERE e.id = s.event_id)) ORDER BY s.stated_on DESC, s.id DESC), '[]')
      FROM (SELECT * FROM statement WHERE speaker_id = sp.id AND deleted_at IS NULL ORDER BY stated_on DESC, id DESC LIMIT 10) s)))) AS data
    FROM speaker sp WHERE sp.id = $1`,

  Q2StatementSourceStatements: `
    SELECT json_build_object('statement', json_build_object('text', st.text, 'appearances', json_build_object('nodes', (
      SELECT coalesce(json_agg(json_build_object('excerpt', a.excerpt, 'source', json_build_object('title', src.title, 'statements', json_build_object(
        'totalCount', (SELECT count(*) FROM appearance ca WHERE ca.source_id = src.id),
        'nodes', (SELECT coalesce(json_agg(json_build_object('text', o.text, 'speaker', json_build_object('name', osp.name)) ORDER BY o.stated_on DESC, o.id DESC), '[]')
          FROM (SELECT s.* FROM statement s JOIN appearance oa ON oa.statement_id = s.id WHERE oa.source_id = src.id AND s.deleted_at IS NULL ORDER BY s.stated_on DESC, s.id DESC LIMIT 10) o
          JOIN speaker osp ON osp.id = o.speaker_id))))), '[]')
      FROM appearance a JOIN source src ON src.id = a.source_id WHERE a.statement_id = st.id)))) AS data
    FROM statement st WHERE st.id = $1`,

  Q3MeasureFiguresRoles: `
    SELECT json_build_object('measure', json_build_object('label', m.label, 'quantities', json_build_object('nodes', (
      SELECT coalesce(json_agg(json_build_object('kind', q.kind,
        'rate', json_build_object('value', q.per_day * 30.4375, 'lower', q.per_day_low * 30.4375, 'upper', q.per_day_high * 30.4375),
        'statement', json_build_object('stated', json_build_object('label', ${label('q')}), 'speaker', json_build_object('name', sp.name),
          'speakerRole', (SELECT json_build_object('title', r.title, 'organization', json_build_object('name', org.name))
            FROM role r JOIN speaker org ON org.id = r.organization_id
            WHERE r.speaker_id = q.speaker_id AND (r.started_on IS NULL OR r.started_on <= q.stated_until) AND (r.ended_on IS NULL OR r.ended_on >= q.stated_on)
            ORDER BY r.started_on DESC NULLS LAST, r.id LIMIT 1))) ORDER BY q.stated_on DESC, q.id DESC), '[]')
      FROM (SELECT qq.*, s.stated_precision, s.speaker_id FROM quantity qq JOIN statement s ON s.id = qq.statement_id AND s.deleted_at IS NULL
            WHERE qq.measure_id = m.id AND qq.deleted_at IS NULL ORDER BY qq.stated_on DESC, qq.id DESC LIMIT 20) q
      JOIN speaker sp ON sp.id = q.speaker_id)))) AS data
    FROM measure m WHERE m.slug = $1`,

  Q4RelationsReviews: `
    SELECT json_build_object('speaker', json_build_object('statements', json_build_object('nodes', (
      SELECT coalesce(json_agg(json_build_object('text', s.text, 'relations', json_build_object('nodes', (
        SELECT coalesce(json_agg(json_build_object('type', rel.type, 'to', json_build_object('text', t.text, 'reviews', json_build_object('nodes', (
          SELECT coalesce(json_agg(json_build_object('ratingText', rv.rating_text, 'reviewer', json_build_object('name', rs.name)) ORDER BY rv.reviewed_on DESC, rv.id DESC), '[]')
          FROM review rv JOIN speaker rs ON rs.id = rv.reviewer_id WHERE rv.statement_id = t.id)))) ORDER BY rel.type, rel.id), '[]')
        FROM statement_relation rel JOIN statement t ON t.id = rel.to_id WHERE rel.from_id = s.id))) ORDER BY s.stated_on DESC, s.id DESC), '[]')
      FROM (SELECT * FROM statement WHERE speaker_id = sp.id AND deleted_at IS NULL ORDER BY stated_on DESC, id DESC LIMIT 20) s)))) AS data
    FROM speaker sp WHERE sp.id = $1`,

  Q5FilteredList: `
    SELECT json_build_object('statements', json_build_object(
      'totalCount', (SELECT count(*) FROM statement WHERE speaker_id = $1 AND status = 'DISPUTED' AND deleted_at IS NULL),
      'nodes', (SELECT coalesce(json_agg(json_build_object('text', s.text, 'stated', json_build_object('label', ${label('s')}),
          'speaker', json_build_object('name', sp.name), 'event', (SELECT json_build_object('title', e.title) FROM event e WHERE e.id = s.event_id))
          ORDER BY s.stated_on DESC, s.id DESC), '[]')
        FROM (SELECT * FROM statement WHERE speaker_id = $1 AND status = 'DISPUTED' AND deleted_at IS NULL ORDER BY stated_on DESC, id DESC LIMIT 20) s
        JOIN speaker sp ON sp.id = s.speaker_id))) AS data`,

  NodeLookup: `
    SELECT json_build_object('node', json_build_object('text', s.text, 'status', s.status, 'stated', json_build_object('label', ${label('s')}))) AS data
    FROM statement s WHERE s.id = $1`,

  RangeFilter: `
    SELECT json_build_object('statements', json_build_object('nodes', (
      SELECT coalesce(json_agg(json_build_object('text', s.text, 'stated', json_build_object('label', ${label('s')}), 'speaker', json_build_object('name', sp.name),
        'speakerRole', (SELECT json_build_object('title', r.title) FROM role r
          WHERE r.speaker_id = s.speaker_id AND (r.started_on IS NULL OR r.started_on <= s.stated_until) AND (r.ended_on IS NULL OR r.ended_on >= s.stated_on)
          ORDER BY r.started_on DESC NULLS LAST, r.id LIMIT 1)) ORDER BY s.stated_on DESC, s.id DESC), '[]')
      FROM (SELECT * FROM statement t
            WHERE t.deleted_at IS NULL AND t.stated_until >= '2024-01-01' AND t.stated_on >= '2023-12-26' AND t.stated_on <= '2024-03-31'
              AND (t.speaker_id = $1 OR EXISTS (SELECT 1 FROM role fr WHERE fr.speaker_id = t.speaker_id AND fr.organization_id = $1
                AND (fr.started_on IS NULL OR fr.started_on <= t.stated_until) AND (fr.ended_on IS NULL OR fr.ended_on >= t.stated_on)))
            ORDER BY t.stated_on DESC, t.id DESC LIMIT 20) s
      JOIN speaker sp ON sp.id = s.speaker_id))) AS data`,

  // The hits by their words and span through the span-and-words index, counted while ranked.
  // The query is a row of its own (OFFSET 0), or a generic plan would parse it again for every row.
  Search: `
    WITH h AS (
      SELECT t.*, ts_rank(t.search_document, q.query) AS rank, count(*) OVER () AS total
      FROM statement t, (SELECT websearch_to_tsquery('english', $1) AS query OFFSET 0) q
      WHERE t.deleted_at IS NULL AND t.search_document @@ q.query
        AND daterange(t.stated_on, t.stated_until, '[]') && daterange('2024-01-01', '2024-03-31', '[]')
      ORDER BY rank DESC, t.id DESC LIMIT 10)
    SELECT json_build_object('searchStatements', json_build_object(
      'totalCount', coalesce((SELECT max(total) FROM h), 0),
      'edges', (SELECT coalesce(json_agg(json_build_object('rank', h.rank,
          'snippet', json_build_object('text', ts_headline('english', h.text, q.query, 'MaxWords=30, MinWords=12, MaxFragments=2')),
          'node', json_build_object('text', h.text, 'stated', json_build_object('label', ${label('h')}), 'speaker', json_build_object('name', sp.name)))
          ORDER BY h.rank DESC, h.id DESC), '[]')
        FROM h JOIN speaker sp ON sp.id = h.speaker_id,
          (SELECT websearch_to_tsquery('english', $1) AS query OFFSET 0) q))) AS data`,

  // The spreads add up the year's twelve whole months kept in figure_month, and the figures of
  // the days before it whose span reaches into it (through the covering date index), as
  // Claimgraph's do; their counts sum to the total. The page picks its 20 ids from the same
  // index, in order, and reads only those rows: asked for whole rows, the planner (which does not
  // know how many figures the measure has) reads all 4,037 through a bitmap and sorts them.
  CompareFigures: `
    WITH m AS (SELECT id FROM measure WHERE slug = $1 AND deleted_at IS NULL),
      k AS (SELECT c.kind, sum(c.n) AS n, min(c.low) * 30.4375 AS low, max(c.high) * 30.4375 AS high FROM (
          SELECT f.kind, f.figures AS n, f.low, f.high FROM figure_month f, m
          WHERE f.measure_id = m.id AND f.figures > 0 AND f.month >= '2025-01-01' AND f.month < '2026-01-01'
          UNION ALL
          SELECT qq.kind, 1, qq.per_day_low, qq.per_day_high FROM quantity qq, m WHERE qq.measure_id = m.id AND ${FIGURE_RANGE} AND qq.stated_on < '2025-01-01'
        ) c GROUP BY c.kind)
    SELECT json_build_object('compareFigures', json_build_object(
      'spreads', (SELECT coalesce(json_agg(json_build_object('kind', kind, 'count', n, 'lowest', low, 'highest', high, 'ratio', high / nullif(low, 0)) ORDER BY kind), '[]') FROM k),
      'figures', json_build_object('totalCount', (SELECT coalesce(sum(n), 0) FROM k), 'nodes', (
        SELECT coalesce(json_agg(json_build_object('kind', p.kind,
          'rate', json_build_object('value', p.per_day * 30.4375, 'lower', p.per_day_low * 30.4375, 'upper', p.per_day_high * 30.4375),
          'stated', json_build_object('label', ${label('s')}), 'speaker', json_build_object('name', sp.name),
          'speakerRole', (SELECT json_build_object('title', r.title) FROM role r
            WHERE r.speaker_id = s.speaker_id AND (r.started_on IS NULL OR r.started_on <= s.stated_until) AND (r.ended_on IS NULL OR r.ended_on >= s.stated_on)
            ORDER BY r.started_on DESC NULLS LAST, r.id LIMIT 1)) ORDER BY p.stated_on DESC, p.id DESC), '[]')
        FROM m CROSS JOIN LATERAL (SELECT qq.id FROM quantity qq WHERE qq.measure_id = m.id AND ${FIGURE_RANGE} ORDER BY qq.stated_on DESC, qq.id DESC LIMIT 20) pick
        JOIN quantity p ON p.id = pick.id JOIN statement s ON s.id = p.statement_id JOIN speaker sp ON sp.id = s.speaker_id)))) AS data`,

  // The same rows as recordStatement: the statement, its appearance and figure, a revision for
  // each; the speaker found by its name key, the source by its URL, the measure by its slug. As
  // recordStatement does, the appearance goes in before its statement, whose search document
  // then holds the excerpt from the start.
  RecordStatement: `
    WITH sp AS (SELECT speaker_id AS id FROM speaker_name_key WHERE key = lower($1)),
      src AS (SELECT id FROM source WHERE url = $2),
      m AS (SELECT id FROM measure WHERE slug = $3 AND deleted_at IS NULL),
      ap AS (INSERT INTO appearance (statement_id, source_id, excerpt)
        SELECT gen_random_uuid(), src.id, 'about 1,200 recruits a month' FROM src RETURNING *),
      st AS (INSERT INTO statement (id, text, mode, speaker_id, stated_on, stated_precision)
        SELECT ap.statement_id, '${WRITE_TEXT}', 'PARAPHRASE', sp.id, '2026-06-30', 'DAY' FROM ap, sp RETURNING *),
      qu AS (INSERT INTO quantity (statement_id, measure_id, position, value, approximate, unit, period, kind)
        SELECT st.id, m.id, 1, 1200, true, 'recruits', 'MONTH', 'ESTIMATE' FROM st, m RETURNING *),
      rev AS (INSERT INTO revision (entity_type, entity_id, version, action, changes, actor)
        SELECT 'Statement', st.id, 1, 'CREATE', to_jsonb(st), 'bench-raw' FROM st
        UNION ALL SELECT 'Appearance', ap.id, 1, 'CREATE', to_jsonb(ap), 'bench-raw' FROM ap
        UNION ALL SELECT 'Quantity', qu.id, 1, 'CREATE', to_jsonb(qu), 'bench-raw' FROM qu)
    SELECT json_build_object('recordStatement', json_build_object('speakerCreated', false, 'sourceCreated', false,
      'statement', json_build_object('id', st.id, 'text', st.text, 'stated', json_build_object('label', ${label('st')}), 'speaker', json_build_object('name', s.name)))) AS data
    FROM st JOIN speaker s ON s.id = st.speaker_id`,
};
