import Ajv from 'ajv';
import type { Pool, PoolClient } from 'pg';
import { DomainError } from '../graphql/errors';
import { LineError, writeBatch, type Counts, type ParsedLine, type PendingRelation } from './batch-writer';
import { insertRows, TABLES } from './row-insert';
import { STATEMENT_LINE_SCHEMA, type StatementLine } from './statement-line.schema';

export interface BadLine {
  line: number;
  reason: string;
}

export interface ImportReport {
  /** Non-blank lines read. */
  lines: number;
  /** Rows created, by table; rows already stored are not counted. */
  created: Counts;
  bad: BadLine[];
  /** False when --atomic found a bad line and rolled everything back. */
  committed: boolean;
}

export interface ImportOptions {
  /** All or nothing: one transaction, rolled back if any line is bad. */
  atomic: boolean;
  /** Written as the actor of every revision, e.g. "import:claims.jsonl". */
  actor: string;
  batchSize?: number;
  onProgress?: (linesRead: number) => void;
}

const validate = new Ajv({ allErrors: true, strict: false }).compile<StatementLine>(STATEMENT_LINE_SCHEMA);

function schemaProblem(): string {
  return (validate.errors ?? [])
    .slice(0, 3)
    .map((error) => {
      const where = error.instancePath || '/';
      if (error.keyword === 'additionalProperties') return `${where}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
      if (error.keyword === 'required') return `${where}: missing "${(error.params as { missingProperty: string }).missingProperty}"`;
      return `${where}: ${error.message}`;
    })
    .join('; ');
}

/** The line as a statement, or the reason it is not one. */
export function parseLine(text: string, number: number): ParsedLine | BadLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line: number, reason: `not JSON: ${(error as Error).message}` };
  }
  if (!validate(value)) return { line: number, reason: schemaProblem() };
  return { number, line: value };
}

/** Why writing a line failed, or a rethrow when the fault is not the line's (the database went away). */
function reasonOf(error: unknown): string {
  if (error instanceof LineError || error instanceof DomainError) return error.message;
  const code = (error as { code?: string }).code;
  // Classes 22 (data exception) and 23 (integrity constraint violation) are the line's fault.
  if (code && /^2[23]/.test(code)) {
    const detail = (error as { detail?: string }).detail;
    return `${(error as Error).message}${detail ? ` (${detail})` : ''}`;
  }
  throw error;
}

function addCounts(total: Counts, more: Counts): void {
  for (const [table, count] of Object.entries(more)) total[table] = (total[table] ?? 0) + count;
}

/**
 * Imports statement lines (docs/import-export.md) in batches of one transaction each, or
 * all in one with `atomic`. A batch that fails is retried line by line, so each bad line is
 * reported with its number and reason while the good ones are kept. Rows already stored are
 * kept as they are, so importing the same file twice changes nothing. Relations to
 * statements later in the file are held in a temporary table and written at the end.
 */
export async function importStatementLines(pool: Pool, lines: AsyncIterable<string>, options: ImportOptions): Promise<ImportReport> {
  // Taken before the first await: a readline interface reads on its own, and lines it
  // emits before anyone iterates are lost. Its iterator queues them and pauses the input.
  const iterator = lines[Symbol.asyncIterator]();
  const batchSize = options.batchSize ?? 500;
  const report: ImportReport = { lines: 0, created: {}, bad: [], committed: true };
  const client = await pool.connect();
  // Inside --atomic's transaction a batch is a savepoint; otherwise a transaction of its own.
  const begin = (name: string) => client.query(options.atomic ? `SAVEPOINT ${name}` : 'BEGIN');
  const commit = (name: string) => client.query(options.atomic ? `RELEASE SAVEPOINT ${name}` : 'COMMIT');
  const rollback = (name: string) => client.query(options.atomic ? `ROLLBACK TO SAVEPOINT ${name}` : 'ROLLBACK');

  const holdPending = (pending: PendingRelation[]) =>
    pending.length
      ? client.query('INSERT INTO pg_temp.pending_relation (line, relation) SELECT * FROM unnest($1::int[], $2::jsonb[])', [pending.map((item) => item.line), pending.map((item) => JSON.stringify(item.row))])
      : undefined;

  const write = async (batch: ParsedLine[]) => {
    await begin('batch');
    try {
      const { counts, pending } = await writeBatch(client, batch, options.actor);
      await holdPending(pending);
      await commit('batch');
      addCounts(report.created, counts);
      return;
    } catch (error) {
      await rollback('batch');
      if (batch.length === 1) {
        report.bad.push({ line: batch[0].number, reason: reasonOf(error) });
        return;
      }
    }
    for (const line of batch) await write([line]);
  };

  try {
    await client.query('CREATE TEMP TABLE IF NOT EXISTS pending_relation (line int NOT NULL, relation jsonb NOT NULL)');
    await client.query('TRUNCATE pg_temp.pending_relation');
    if (options.atomic) await client.query('BEGIN');
    let batch: ParsedLine[] = [];
    let number = 0;
    for await (const text of { [Symbol.asyncIterator]: () => iterator }) {
      number += 1;
      if (!text.trim()) continue;
      report.lines += 1;
      const parsed = parseLine(text, number);
      if ('reason' in parsed) report.bad.push(parsed);
      else batch.push(parsed);
      if (batch.length >= batchSize) {
        await write(batch);
        batch = [];
        options.onProgress?.(number);
      }
    }
    if (batch.length) await write(batch);
    options.onProgress?.(number);
    await writePendingRelations(client, options, report);
    if (options.atomic) {
      report.committed = report.bad.length === 0;
      await client.query(report.committed ? 'COMMIT' : 'ROLLBACK');
      if (!report.committed) report.created = {};
    }
    report.bad.sort((a, b) => a.line - b.line);
    return report;
  } catch (error) {
    if (options.atomic) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.query('DROP TABLE IF EXISTS pg_temp.pending_relation').catch(() => undefined);
    client.release();
  }
}

/** Relations whose target came later in the file: written now, or reported when the target never came. */
async function writePendingRelations(client: PoolClient, options: ImportOptions, report: ImportReport): Promise<void> {
  const { rows } = await client.query<{ line: number; relation: Record<string, unknown>; present: boolean }>(
    `SELECT p.line, p.relation, EXISTS (SELECT 1 FROM statement s WHERE s.id = (p.relation->>'to_id')::uuid) AS present
     FROM pg_temp.pending_relation p ORDER BY p.line`,
  );
  const ready = rows.filter((row) => row.present);
  for (const row of rows.filter((item) => !item.present)) {
    report.bad.push({ line: row.line, reason: `relation to statement ${row.relation.to_id as string}, which is neither stored nor in the file; the relation was skipped` });
  }
  if (!ready.length) return;
  await client.query(options.atomic ? 'SAVEPOINT relations' : 'BEGIN');
  const created = await insertRows(client, TABLES.relation, ready.map((row) => row.relation), options.actor);
  await client.query(options.atomic ? 'RELEASE SAVEPOINT relations' : 'COMMIT');
  addCounts(report.created, { statement_relation: created.length });
}
