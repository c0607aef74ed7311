import type { ObjectLiteral } from 'typeorm';
import type { EntityClass } from '../db/entity-rows';
import type { OrderKey } from '../db/keyset-page';
import type { SqlParams } from '../db/sql-session';

/** A list that can be paged, at the root or under a parent. */
export interface ListDefinition<T extends ObjectLiteral> {
  /** Unique name of the list, e.g. "Speaker.statements"; loaders are cached under it. */
  name: string;
  entity: EntityClass<T>;
  /** FROM clause with the paged table aliased t; defaults to the entity's table. */
  from?: string;
  order: OrderKey[];
  descending: boolean;
  /** For a nested list: the condition tying a row to its parent key k.id. */
  parentMatch?: string;
  /** False for tables without deleted_at; soft-deleted rows are hidden otherwise. */
  softDeletable?: boolean;
  /** Conditions every row of the list meets besides not being soft-deleted, on the paged table t. */
  conditions?: string[];
  /** SQL type of the parent keys k.id; uuid unless said otherwise. */
  parentKeyType?: string;
  /**
   * Pick the page's rows first and join the to-one reads to them only (PageSpec.joinAfterLimit),
   * for a list whose parents can hold many rows that a filter of the caller's narrows in ways
   * the generic plan cannot see: it would otherwise join every matching row before sorting.
   */
  joinAfterLimit?: boolean;
}

/** Filters of one call: a stable key (loads with different filters never share a batch) and their SQL. */
export interface ListFilter {
  key: string;
  conditions(params: SqlParams): string[];
}

export const NO_FILTER: ListFilter = { key: '', conditions: () => [] };

/** Rows whose text column `expr` is one of `values`; no filter when there are none. */
export function oneOfFilter(expr: string, values: readonly string[] | null | undefined): ListFilter {
  const chosen = values?.length ? [...values] : null;
  return {
    key: JSON.stringify(chosen),
    conditions: (params) => (chosen ? [params.oneOf(expr, chosen, 'text')] : []),
  };
}
