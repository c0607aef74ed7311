import type { Database } from '../../src/db/database';

const TABLES = ['speaker', 'speaker_name_key', 'role', 'event', 'source', 'statement', 'appearance', 'quantity', 'measure', 'topic', 'statement_topic', 'statement_relation', 'review', 'revision', 'idempotency_key'];

/** Row counts of every table, to show that a refused write changed nothing. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const [row] = await database.dataSource.query(`SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`);
  return row;
}
