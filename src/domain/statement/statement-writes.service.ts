import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../graphql/errors';
import type { Actor } from '../api-key/api-key.service';
import { spanStart } from '../common/partial-date.input';
import { difference, recordRevision, type RevisionAction } from '../revision/revision.service';
import type { UpdateStatementInput } from './record-statement.inputs';

const EDITABLE = ['text', 'mode', 'status', 'stated_on', 'stated_precision', 'language'] as const;

interface Current extends Record<string, unknown> {
  version: number;
  deleted: boolean;
}

/** Locks the statement's row for this transaction; NOT_FOUND when there is none (or it is deleted and `deleted` is false). */
async function lockStatement(manager: EntityManager, id: string, deleted: boolean): Promise<Current> {
  const rows = await manager.query(
    `SELECT ${EDITABLE.join(', ')}, version, deleted_at IS NOT NULL AS deleted FROM statement WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (rows.length === 0 || rows[0].deleted !== deleted) throw DomainError.notFound(deleted ? 'A deleted statement with this id' : 'A statement with this id');
  return rows[0];
}

function assertVersion(current: Current, expected: number | undefined): void {
  if (expected != null && expected !== current.version) {
    throw new DomainError(ErrorCode.CONFLICT, `the statement is at version ${current.version}, not ${expected}: read it again and reapply the change`);
  }
}

async function bump(manager: EntityManager, id: string, set: string, values: unknown[]): Promise<number> {
  // Wrapped in a SELECT: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
  const [row] = await manager.query(
    `WITH changed AS (UPDATE statement SET ${set}${set ? ', ' : ''}version = version + 1, updated_at = now() WHERE id = $1 RETURNING version)
     SELECT version FROM changed`,
    [id, ...values],
  );
  return row.version;
}

/** Applies the given fields of `input`, recording what changed; CONFLICT when expectedVersion is stale. */
export function updateStatement(dataSource: DataSource, actor: Actor, id: string, input: UpdateStatementInput): Promise<void> {
  return dataSource.transaction(async (manager) => {
    const current = await lockStatement(manager, id, false);
    assertVersion(current, input.expectedVersion);
    const patch: Record<string, unknown> = {
      text: input.text, mode: input.mode, status: input.status, language: input.language,
      stated_on: input.stated ? spanStart(input.stated) : undefined, stated_precision: input.stated?.precision,
    };
    const changes = difference(current, patch);
    const fields = Object.keys(changes);
    if (fields.length === 0) return;
    const version = await bump(manager, id, fields.map((field, index) => `${field} = $${index + 2}`).join(', '), fields.map((field) => changes[field].after));
    await recordRevision(manager, { entityType: 'Statement', entityId: id, version, action: 'UPDATE', changes, actor });
  });
}

/** Soft-deletes (DELETE) or brings back (RESTORE) a statement, recording a revision. */
export function setStatementDeleted(dataSource: DataSource, actor: Actor, id: string, deleted: boolean, expectedVersion?: number): Promise<void> {
  return dataSource.transaction(async (manager) => {
    const current = await lockStatement(manager, id, !deleted);
    assertVersion(current, expectedVersion);
    const version = await bump(manager, id, deleted ? 'deleted_at = now()' : 'deleted_at = NULL', []);
    const action: RevisionAction = deleted ? 'DELETE' : 'RESTORE';
    await recordRevision(manager, { entityType: 'Statement', entityId: id, version, action, changes: { deleted: { before: !deleted, after: deleted } }, actor });
  });
}
