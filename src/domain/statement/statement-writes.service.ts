import type { DataSource } from 'typeorm';
import type { Actor } from '../api-key/api-key.service';
import { spanStart } from '../common/partial-date.input';
import { updateRow, type WritableTable } from '../common/entity-writes.service';
import type { UpdateStatementInput } from './record-statement.inputs';

export const STATEMENT_TABLE: WritableTable = { table: 'statement', entityType: 'Statement' };

/** Applies the given fields of `input`, recording what changed; CONFLICT when expectedVersion is stale. */
export function updateStatement(dataSource: DataSource, actor: Actor, id: string, input: UpdateStatementInput): Promise<void> {
  return updateRow(dataSource, actor, STATEMENT_TABLE, id, {
    text: input.text, mode: input.mode, status: input.status, language: input.language,
    stated_on: input.stated ? spanStart(input.stated) : undefined, stated_precision: input.stated?.precision,
  }, input.expectedVersion);
}
