import type { PoolClient } from 'pg';

export type Row = Record<string, unknown>;

/** A table the importer writes: its columns with their SQL types, and the GraphQL type its revisions name (null: no revisions). */
export interface ImportTable {
  table: string;
  entityType: string | null;
  columns: Array<[name: string, type: string]>;
}

const sqlCache = new Map<ImportTable, string>();

function insertSql(target: ImportTable): string {
  let sql = sqlCache.get(target);
  if (!sql) {
    const names = target.columns.map(([name]) => name).join(', ');
    const input = `SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${target.columns.map(([name, type]) => `${name} ${type}`).join(', ')})`;
    sql = target.entityType
      ? `WITH created AS (INSERT INTO ${target.table} (${names}) ${input} ON CONFLICT DO NOTHING RETURNING version, ${names}),
           revisions AS (
             INSERT INTO revision (entity_type, entity_id, version, action, changes, actor)
             SELECT $2, c.id, c.version, 'CREATE',
               (SELECT jsonb_object_agg(e.key, jsonb_build_object('before', NULL, 'after', e.value)) FROM jsonb_each(to_jsonb(c) - 'id' - 'version') e), $3
             FROM created c)
         SELECT id FROM created`
      : `INSERT INTO ${target.table} (${names}) ${input} ON CONFLICT DO NOTHING RETURNING 1 AS id`;
    sqlCache.set(target, sql);
  }
  return sql;
}

/**
 * Inserts `rows` in one statement, skipping any that conflict with a row already stored
 * (same id or the same natural key), and records a CREATE revision for each row created,
 * as the API's writes do. Returns the ids created.
 */
export async function insertRows(client: PoolClient, target: ImportTable, rows: Row[], actor: string): Promise<string[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [JSON.stringify(rows)];
  if (target.entityType) params.push(target.entityType, actor);
  const result = await client.query<{ id: string }>(insertSql(target), params);
  return result.rows.map((row) => row.id);
}

export const TABLES = {
  speaker: { table: 'speaker', entityType: 'Speaker', columns: [['id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['aliases', 'text[]'], ['description', 'text'], ['wikidata_id', 'text']] },
  speakerNameKey: { table: 'speaker_name_key', entityType: null, columns: [['key', 'text'], ['speaker_id', 'uuid']] },
  role: { table: 'role', entityType: 'Role', columns: [['id', 'uuid'], ['speaker_id', 'uuid'], ['organization_id', 'uuid'], ['title', 'text'], ['started_on', 'date'], ['ended_on', 'date']] },
  event: {
    table: 'event', entityType: 'Event',
    columns: [['id', 'uuid'], ['kind', 'text'], ['title', 'text'], ['occurred_on', 'date'], ['occurred_precision', 'text'], ['place', 'text'], ['country_code', 'text'], ['description', 'text']],
  },
  source: {
    table: 'source', entityType: 'Source',
    columns: [['id', 'uuid'], ['url', 'text'], ['title', 'text'], ['publisher', 'text'], ['published_on', 'date'], ['published_precision', 'text'], ['language', 'text']],
  },
  measure: { table: 'measure', entityType: 'Measure', columns: [['id', 'uuid'], ['slug', 'text'], ['label', 'text'], ['unit', 'text'], ['description', 'text']] },
  topic: { table: 'topic', entityType: 'Topic', columns: [['id', 'uuid'], ['slug', 'text'], ['label', 'text'], ['description', 'text']] },
  statement: {
    table: 'statement', entityType: 'Statement',
    columns: [['id', 'uuid'], ['text', 'text'], ['mode', 'text'], ['speaker_id', 'uuid'], ['event_id', 'uuid'], ['stated_on', 'date'], ['stated_precision', 'text'], ['language', 'text'], ['status', 'text']],
  },
  appearance: {
    table: 'appearance', entityType: 'Appearance',
    columns: [['id', 'uuid'], ['statement_id', 'uuid'], ['source_id', 'uuid'], ['excerpt', 'text'], ['start_offset', 'integer'], ['end_offset', 'integer']],
  },
  quantity: {
    table: 'quantity', entityType: 'Quantity',
    columns: [
      ['id', 'uuid'], ['statement_id', 'uuid'], ['measure_id', 'uuid'], ['position', 'integer'], ['value', 'numeric'], ['lower', 'numeric'], ['upper', 'numeric'],
      ['approximate', 'boolean'], ['unit', 'text'], ['period', 'text'], ['span_length', 'numeric'], ['span_unit', 'text'], ['kind', 'text'],
    ],
  },
  statementTopic: { table: 'statement_topic', entityType: null, columns: [['statement_id', 'uuid'], ['topic_id', 'uuid']] },
  relation: { table: 'statement_relation', entityType: 'StatementRelation', columns: [['id', 'uuid'], ['from_id', 'uuid'], ['to_id', 'uuid'], ['type', 'text'], ['note', 'text']] },
  review: {
    table: 'review', entityType: 'Review',
    columns: [
      ['id', 'uuid'], ['statement_id', 'uuid'], ['reviewer_id', 'uuid'], ['rating_text', 'text'], ['rating_value', 'numeric'], ['best_rating', 'numeric'],
      ['worst_rating', 'numeric'], ['summary', 'text'], ['url', 'text'], ['reviewed_on', 'date'],
    ],
  },
} satisfies Record<string, ImportTable>;
