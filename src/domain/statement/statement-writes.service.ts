import type { Transactions } from '../../db/sql-session';
import type { Actor } from '../api-key/api-key.service';
import { spanStart } from '../common/partial-date.input';
import { updateRow, type WritableTable } from '../common/entity-writes.service';
import type { UpdateStatementInput } from './record-statement.inputs';

export const STATEMENT_TABLE: WritableTable = { table: 'statement', entityType: 'Statement' };

/** Applies the given fields of `input`, recording what changed; CONFLICT when expectedVersion is stale. */
export function updateStatement(db: Transactions, actor: Actor, id: string, input: UpdateStatementInput): Promise<void> {
  return updateRow(db, actor, STATEMENT_TABLE, id, {
    text: input.text, mode: input.mode, status: input.status, language: input.language,
    stated_on: input.stated ? spanStart(input.stated) : undefined, stated_precision: input.stated?.precision,
  }, input.expectedVersion);
}
