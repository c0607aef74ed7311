import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SqlParams, type Transactions } from '../../db/sql-session';
import { DomainError, ErrorCode } from '../../graphql/errors';
import type { Actor } from '../api-key/api-key.service';
import { RevisionActionType } from '../revision/revision.entity';
import { creation, difference, recordRevision, REVISION_INSERT } from '../revision/revision.service';

/**
 * What runs a write's statements: its transaction's EntityManager, or, for a write that is
 * one statement and so atomic alone, the request's SqlSession (pinned to the primary).
 */
export interface Statements {
  query(text: string, params?: unknown[]): Promise<any[]>;
}

/** A table that the generic writes handle, and the GraphQL type its rows are. */
export interface WritableTable {
  table: string;
  entityType: string;
}

export type Row = Record<string, unknown>;

/**
 * INSERTs the defined columns of `row`, returning the new id and version; with `onConflict`
 * (e.g. "(url) DO NOTHING") it returns null when the conflict clause swallowed the row.
 */
export async function insertReturning(manager: EntityManager, table: string, row: Row, onConflict?: string): Promise<{ id: string; version: number } | null> {
  const columns = Object.keys(row).filter((column) => row[column] !== undefined);
  const rows = await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})
     ${onConflict ? `ON CONFLICT ${onConflict}` : ''} RETURNING id, version`,
    columns.map((column) => row[column]),
  );
  return rows[0] ?? null;
}

/** Records the CREATE revision of a row just inserted, with its defined columns as the changes. */
export function recordCreation(manager: EntityManager, actor: Actor, target: WritableTable, created: { id: string; version: number }, row: Row): Promise<void> {
  return recordRevision(manager, { entityType: target.entityType, entityId: created.id, version: created.version, action: RevisionActionType.CREATE, changes: creation(row), actor });
}

/** A row to create: in a table that keeps revisions, or in a link table that has neither ids nor revisions. */
export interface RowToInsert {
  target: WritableTable | { table: string; entityType: null };
  row: Row;
}

/** A column's value that the inserting statement looks up itself (see insertRowsWhere): SQL over its one row `refs`. */
export class LookedUp {
  constructor(readonly sql: string) {}
}

/** The look-ups an insert makes in its own statement: one row, as a SELECT, and the condition on it (over `refs`) for the rows to go in. */
export interface InsertLookups {
  params: SqlParams;
  select: string;
  when: string;
}

/**
 * The INSERTs of insertRows (i0, i1, … and their revisions), the first reading `first`, each
 * later one the one before it and `refs` when given; and the statement's check of the last.
 */
function insertSteps(params: SqlParams, actor: Actor, inserts: RowToInsert[], first: string, refs: string) {
  const value = (value: unknown) => (value instanceof LookedUp ? value.sql : params.add(value));
  const ids = inserts.map(({ target, row }) => (target.entityType ? ((row.id as string | undefined) ?? randomUUID()) : null));
  const steps = inserts.map(({ target, row }, index) => {
    const stored: Row = ids[index] ? { ...row, id: ids[index] } : row;
    const columns = Object.keys(stored).filter((column) => stored[column] !== undefined);
    const from = index > 0 ? ` FROM i${index - 1}${refs}` : first;
    return `i${index} AS (INSERT INTO ${target.table} (${columns.join(', ')}) SELECT ${columns.map((column) => value(stored[column])).join(', ')}${from}
      RETURNING ${target.entityType ? 'id, version' : '1'})`;
  });
  const actorName = params.add(actor.name, 'text');
  const revisions = inserts.flatMap(({ target, row }, index) => {
    if (!target.entityType) return [];
    const { id: _, ...fields } = row;
    const given = Object.fromEntries(Object.entries(fields).filter(([, field]) => !(field instanceof LookedUp)));
    const lookedUp = Object.entries(fields).flatMap(([name, field]) =>
      field instanceof LookedUp ? [` || jsonb_build_object('${name}', jsonb_build_object('before', NULL, 'after', ${field.sql}))`] : []);
    const changes = `${params.add(JSON.stringify(creation(given)), 'jsonb')}${lookedUp.join('')}`;
    return [`SELECT ${params.add(target.entityType, 'text')}, id, version, '${RevisionActionType.CREATE}', ${changes}, ${actorName} FROM i${index}${refs}`];
  });
  if (revisions.length) steps.push(`revisions AS (${REVISION_INSERT} ${revisions.join(' UNION ALL ')})`);
  // A row a trigger skipped would leave every INSERT after it without its one row to read: the
  // statement checks that the last one has it, and fails whole (migration 1764280000000).
  const failure = params.add(`insertRows: ${inserts.map(({ target }) => target.table).join(', ')} did not all insert`, 'text');
  return { ids, steps, inserted: `(SELECT count(*) = 1 FROM i${inserts.length - 1})`, failure };
}

/**
 * Inserts rows in one statement (of the caller's transaction, or alone), in the order given,
 * each with its CREATE revision (as recordCreation would) unless its table is a link table;
 * returns their ids (null for link rows). Ids are assigned here, as the column default would,
 * so that revisions and later rows can name them. Each INSERT reads the one before it, which
 * makes it run after it: a row's triggers see the rows before it (a quantity copies its
 * statement's dates).
 */
export async function insertRows(statements: Statements, actor: Actor, inserts: RowToInsert[]): Promise<Array<string | null>> {
  const params = new SqlParams();
  const { ids, steps, inserted, failure } = insertSteps(params, actor, inserts, '', '');
  await statements.query(`WITH ${steps.join(',\n')} SELECT claimgraph_check(${inserted}, ${failure})`, params.values);
  return ids;
}

/**
 * insertRows with the look-ups the rows need made in the same statement, saving a round trip:
 * the rows go in when `lookups.when` holds, and take LookedUp values from its row. Returns the
 * looked-up row and whether the rows went in, so that the caller can say what was missing or
 * create it.
 */
export async function insertRowsWhere(
  statements: Statements, actor: Actor, inserts: RowToInsert[], lookups: InsertLookups,
): Promise<{ refs: Row; inserted: boolean }> {
  const { params } = lookups;
  const { steps, inserted, failure } = insertSteps(params, actor, inserts, ` FROM refs WHERE ${lookups.when}`, ', refs');
  const [row] = await statements.query(
    `WITH refs AS (${lookups.select}), ${steps.join(',\n')}
     SELECT refs.*, ${inserted} AS "__inserted", claimgraph_check(NOT (${lookups.when}) OR ${inserted}, ${failure}) FROM refs`,
    params.values,
  );
  const { __inserted, claimgraph_check: _, ...refs } = row;
  return { refs, inserted: __inserted };
}

/** Inserts a row with its CREATE revision in one statement of the caller's transaction; returns the new id. */
export async function insertRow(manager: EntityManager, actor: Actor, target: WritableTable, row: Row): Promise<string> {
  const [id] = await insertRows(manager, actor, [{ target, row }]);
  return id!;
}

/** Locks a row for this transaction: NOT_FOUND unless it exists and its deletion state is `deleted`. */
async function lockRow(manager: EntityManager, target: WritableTable, id: string, deleted: boolean): Promise<Row & { version: number }> {
  const rows = await manager.query(`SELECT *, deleted_at IS NOT NULL AS deleted FROM ${target.table} WHERE id = $1 FOR UPDATE`, [id]);
  if (rows.length === 0 || rows[0].deleted !== deleted) {
    throw DomainError.notFound(`${deleted ? 'A deleted' : 'A'} ${target.entityType} with this id`);
  }
  return rows[0];
}

function assertVersion(target: WritableTable, current: { version: number }, expected: number | undefined | null): void {
  if (expected != null && expected !== current.version) {
    throw new DomainError(ErrorCode.CONFLICT, `the ${target.entityType} is at version ${current.version}, not ${expected}: read it again and reapply the change`);
  }
}

async function bumpVersion(manager: EntityManager, target: WritableTable, id: string, assignments: string[], values: unknown[]): Promise<number> {
  const touched = target.table === 'speaker' || target.table === 'statement' ? ['updated_at = now()'] : [];
  // Wrapped in a SELECT: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
  const [row] = await manager.query(
    `WITH changed AS (UPDATE ${target.table} SET ${[...assignments, 'version = version + 1', ...touched].join(', ')} WHERE id = $1 RETURNING version)
     SELECT version FROM changed`,
    [id, ...values],
  );
  return row.version;
}

/**
 * Applies the columns of `patch` that differ from the stored row and records them as an
 * UPDATE revision; CONFLICT when `expectedVersion` is stale. `afterWrite` runs in the same
 * transaction (for derived rows such as speaker name keys).
 */
export function updateRow(
  db: Transactions,
  actor: Actor,
  target: WritableTable,
  id: string,
  patch: Row,
  expectedVersion?: number | null,
  afterWrite?: (manager: EntityManager, current: Row) => Promise<void>,
): Promise<void> {
  return db.transaction(async (manager) => {
    const current = await lockRow(manager, target, id, false);
    assertVersion(target, current, expectedVersion);
    const changes = difference(current, patch);
    const columns = Object.keys(changes);
    if (columns.length === 0) return;
    const version = await bumpVersion(manager, target, id, columns.map((column, index) => `${column} = $${index + 2}`), columns.map((column) => changes[column].after));
    await recordRevision(manager, { entityType: target.entityType, entityId: id, version, action: RevisionActionType.UPDATE, changes, actor });
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await afterWrite?.(manager, { ...current, ...defined });
  });
}

/** Soft-deletes (hides from reads) or restores a row, recording a DELETE or RESTORE revision. */
export function setDeleted(db: Transactions, actor: Actor, target: WritableTable, id: string, deleted: boolean, expectedVersion?: number | null): Promise<void> {
  return db.transaction(async (manager) => {
    const current = await lockRow(manager, target, id, !deleted);
    assertVersion(target, current, expectedVersion);
    const version = await bumpVersion(manager, target, id, [deleted ? 'deleted_at = now()' : 'deleted_at = NULL'], []);
    await recordRevision(manager, {
      entityType: target.entityType, entityId: id, version, action: deleted ? RevisionActionType.DELETE : RevisionActionType.RESTORE,
      changes: { deleted: { before: !deleted, after: deleted } }, actor,
    });
  });
}
