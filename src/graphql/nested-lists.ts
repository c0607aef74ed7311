import type { ObjectLiteral } from 'typeorm';
import type { EntityClass } from '../db/entity-rows';
import { declareFieldColumns } from './field-columns';
import type { ListDefinition, ListFilter } from './lists';

/** The list a connection field pages over under one parent row, and its filters, as the field's arguments choose them. */
export interface NestedList<T extends ObjectLiteral = ObjectLiteral> {
  list: ListDefinition<T>;
  filter?: ListFilter;
}

/**
 * Chooses a nested list from a connection field's argument values (as GraphQL coerced them,
 * which a field's args class describes; `never` lets each choice name its own class).
 */
export type NestedListChoice = (args: never) => NestedList;

const listsOf = new Map<EntityClass, Map<string, NestedListChoice>>();

/**
 * Declares connection fields of `entity` whose resolver pages, under the row's id, over the list
 * `lists[field](args)` chooses (through `loaders.connection`; the resolver must use the same
 * choice). A page of `entity` rows, or of rows joined to them, can then read one such field's
 * pages in its own statement (see RequestLoaders.connection).
 */
export function declareNestedLists(entity: EntityClass, lists: Record<string, NestedListChoice>): void {
  const known = listsOf.get(entity) ?? new Map<string, NestedListChoice>();
  for (const [field, choose] of Object.entries(lists)) {
    known.set(field, choose);
    // The resolver reads the row's id only.
    declareFieldColumns(entity, { [field]: [] });
  }
  listsOf.set(entity, known);
}

/** How `entity`'s connection field `field` chooses its list, if it was declared. */
export function nestedListChoice(entity: EntityClass, field: string): NestedListChoice | undefined {
  return listsOf.get(entity)?.get(field);
}
