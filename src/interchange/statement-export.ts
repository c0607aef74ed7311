import type { Pool } from 'pg';
import { claimReviewSql, toClaimReview, type ClaimReviewRow } from '../domain/review/claim-review';

const partialDate = (day: string, precision: string) => `json_build_object('date', ${day}, 'precision', ${precision})`;

/** A speaker (alias `a`) as the line format writes it; `withRoles` adds its roles and their organizations. */
function speakerJson(a: string, withRoles: boolean): string {
  const roles = () => `'roles', coalesce((
      SELECT json_agg(json_build_object('id', r.id, 'title', r.title, 'startedOn', r.started_on, 'endedOn', r.ended_on, 'organization', ${speakerJson('o', false)}) ORDER BY r.id)
      FROM role r JOIN speaker o ON o.id = r.organization_id
      WHERE r.speaker_id = ${a}.id AND r.deleted_at IS NULL), '[]')`;
  return `json_build_object('id', ${a}.id, 'kind', ${a}.kind, 'name', ${a}.name, 'aliases', ${a}.aliases, 'description', ${a}.description,
    'wikidataId', ${a}.wikidata_id${withRoles ? `, ${roles()}` : ''})`;
}

/** One statement line per row, in id order after `$1`, `$2` at a time: the format of docs/import-export.md. */
const LINES_SQL = `
  SELECT s.id, json_build_object(
    'id', s.id, 'text', s.text, 'mode', s.mode, 'status', s.status, 'language', s.language,
    'stated', ${partialDate('s.stated_on', 's.stated_precision')},
    'speaker', (SELECT ${speakerJson('sp', true)} FROM speaker sp WHERE sp.id = s.speaker_id),
    'event', (SELECT json_build_object('id', e.id, 'kind', e.kind, 'title', e.title, 'date', ${partialDate('e.occurred_on', 'e.occurred_precision')},
        'place', e.place, 'countryCode', e.country_code, 'description', e.description)
      FROM event e WHERE e.id = s.event_id),
    'appearances', coalesce((
      SELECT json_agg(json_build_object('id', a.id, 'excerpt', a.excerpt, 'startOffset', a.start_offset, 'endOffset', a.end_offset,
        'source', json_build_object('id', so.id, 'url', so.url, 'title', so.title, 'publisher', so.publisher,
          'published', CASE WHEN so.published_on IS NULL THEN NULL ELSE ${partialDate('so.published_on', 'so.published_precision')} END, 'language', so.language)) ORDER BY a.id)
      FROM appearance a JOIN source so ON so.id = a.source_id
      WHERE a.statement_id = s.id AND a.deleted_at IS NULL), '[]'),
    'quantities', coalesce((
      SELECT json_agg(json_build_object('id', q.id, 'position', q.position, 'value', q.value, 'lower', q.lower, 'upper', q.upper,
        'approximate', q.approximate, 'unit', q.unit, 'period', q.period, 'spanLength', q.span_length, 'spanUnit', q.span_unit, 'kind', q.kind,
        'measure', json_build_object('id', m.id, 'slug', m.slug, 'label', m.label, 'unit', m.unit, 'description', m.description)) ORDER BY q.position, q.id)
      FROM quantity q JOIN measure m ON m.id = q.measure_id
      WHERE q.statement_id = s.id AND q.deleted_at IS NULL), '[]'),
    'topics', coalesce((
      SELECT json_agg(json_build_object('id', t.id, 'slug', t.slug, 'label', t.label, 'description', t.description) ORDER BY t.slug)
      FROM statement_topic st JOIN topic t ON t.id = st.topic_id AND t.deleted_at IS NULL
      WHERE st.statement_id = s.id), '[]'),
    'relations', coalesce((
      SELECT json_agg(json_build_object('id', rl.id, 'to', rl.to_id, 'type', rl.type, 'note', rl.note) ORDER BY rl.id)
      FROM statement_relation rl JOIN statement target ON target.id = rl.to_id AND target.deleted_at IS NULL
      WHERE rl.from_id = s.id AND rl.deleted_at IS NULL), '[]'),
    'reviews', coalesce((
      SELECT json_agg(json_build_object('id', rv.id, 'ratingText', rv.rating_text, 'ratingValue', rv.rating_value, 'bestRating', rv.best_rating,
        'worstRating', rv.worst_rating, 'summary', rv.summary, 'url', rv.url, 'reviewedOn', rv.reviewed_on, 'reviewer', ${speakerJson('ch', false)}) ORDER BY rv.id)
      FROM review rv JOIN speaker ch ON ch.id = rv.reviewer_id
      WHERE rv.statement_id = s.id AND rv.deleted_at IS NULL), '[]')
  ) AS line
  FROM statement s
  WHERE s.deleted_at IS NULL AND s.id > $1::uuid
  ORDER BY s.id
  LIMIT $2`;

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const BATCH = 500;

/**
 * Every live statement as one JSON line, in id order, read `BATCH` statements per query so
 * memory stays flat however large the database. Soft-deleted rows and revisions are not
 * exported; neither are speakers, events or sources no statement refers to.
 */
export async function* exportStatementLines(pool: Pool): AsyncGenerator<string> {
  let after = FIRST_ID;
  for (;;) {
    // The line arrives as json, parsed by pg, and is written compact with its keys in order.
    const { rows } = await pool.query<{ id: string; line: object }>(LINES_SQL, [after, BATCH]);
    for (const row of rows) yield JSON.stringify(row.line);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/** Every live review as one ClaimReview JSON-LD line, in id order. */
export async function* exportClaimReviewLines(pool: Pool): AsyncGenerator<string> {
  let after = FIRST_ID;
  for (;;) {
    const { rows } = await pool.query<ClaimReviewRow>(`${claimReviewSql('r.id > $1::uuid')} LIMIT ${BATCH}`, [after]);
    for (const row of rows) yield JSON.stringify(toClaimReview(row));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}
