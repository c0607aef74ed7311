import type { ResolveTree } from 'graphql-parse-resolve-info';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { ColumnSet, EntityClass, selectList } from '../db/entity-rows';
import type { OrderKey, PageWindow } from '../db/keyset-page';
import { ConnectionArgs, MAX_PAGE_SIZE, pageWindow } from './connection';
import { DomainError } from './errors';
import { NO_FILTER, type ListDefinition, type ListFilter } from './lists';
import { nestedListChoice } from './nested-lists';
import { children, nodeSelections, planReferenceJoins, type ReferenceJoins, type SelectedRow } from './reference-joins';

/**
 * What a read of rows selects of them (the columns their fields need) and adds to read the
 * to-one fields selected on them, and which nested list it reads with them. Made from the
 * field's selections alone (no request state), so that every request of the operation shares
 * it (see field-plans); RequestLoaders.onRow hands each request's joined rows to its loaders.
 */
export interface RowReads {
  /** Tells plans apart in loader keys. */
  key: string;
  /** The rows' own columns (null: all), as `columns` selects them on alias t. */
  own: ColumnSet | null;
  /** Whether the field is a connection whose totalCount is selected. */
  selectsTotal: boolean;
  /** The entity's own columns (on alias t) plus the joined ones. */
  columns: string;
  joins?: string;
  /** How the joined rows come back. */
  references?: ReferenceJoins;
  /** A connection field selected on the rows (or on rows joined to them) whose pages are read with them. */
  nested?: NestedRead;
}

/** A nested list read in its parent's statement, and what reading it involves in turn. */
export interface NestedRead {
  list: ListDefinition<ObjectLiteral>;
  filter: ListFilter;
  window: PageWindow;
  reads: RowReads;
  /** The parent's column holding the key the pages hang on. */
  parentColumn: string;
}

/**
 * How many levels of nested lists one page reads in its statement. A row of a level comes back
 * once per row of the level below it, so the statement returns about as many rows as the
 * deepest level holds, each as wide as all levels together.
 */
export const MAX_NESTED_DEPTH = 3;

/**
 * For a connection whose nodes wrap its rows (a compared figure around its quantity): what the
 * selections made on the nodes ask of the rows, as selections on the rows' entity; `name` tells
 * its plans apart.
 */
export interface WrappedRows {
  name: string;
  selections(nodes: ResolveTree[]): ResolveTree[];
}

/**
 * The read of `entity` rows on which `selections` are made: the columns they need, the to-one
 * fields joined (see reference-joins) and, below `MAX_NESTED_DEPTH`, a nested list.
 * `depth`: how many nested levels are above these rows in the statement.
 */
export function planRowReads(dataSource: DataSource, entity: EntityClass, selections: ResolveTree[], selectsTotal: boolean, depth: number): RowReads {
  const { joins: references, rows: selectedRows } = planReferenceJoins(dataSource, entity, selections);
  const own = selectedRows[0].columns;
  const columns = selectList(dataSource, entity, 't', '', own);
  const nested = depth < MAX_NESTED_DEPTH ? planNestedRead(dataSource, selectedRows, depth) : undefined;
  if (!references) return { key: own?.key ?? '*', own, selectsTotal, columns, nested };
  return { key: references.key, own, selectsTotal, columns: `${columns}, ${references.columns}`, joins: references.from, references, nested };
}

/**
 * The page a connection field selected as `tree` asks for, when its resolver would accept its
 * arguments; undefined otherwise, so that it is not read with its parent and its resolver
 * reports them.
 */
export function nestedWindow(tree: ResolveTree, order: OrderKey[]): PageWindow | undefined {
  let window: PageWindow;
  try {
    window = pageWindow(tree.args as ConnectionArgs, order);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
  const size = window.first ?? window.last ?? 0;
  return size < 0 || size > MAX_PAGE_SIZE ? undefined : window;
}

/**
 * The first connection field selected once on one of `selectedRows` (the paged row, then the
 * joined ones) that was declared with declareNestedLists; only one, as two lists side by side
 * would come back multiplied. Its arguments are checked as its resolver checks them; one the
 * resolver would reject is not read here, so that the resolver reports it.
 */
function planNestedRead(dataSource: DataSource, selectedRows: SelectedRow[], depth: number): NestedRead | undefined {
  for (const row of selectedRows) {
    for (const [field, trees] of children(row.selections)) {
      const choose = nestedListChoice(row.entity, field);
      if (!choose || trees.length !== 1) continue;
      const [tree] = trees;
      let chosen: { list: ListDefinition<ObjectLiteral>; filter: ListFilter };
      try {
        const { list, filter = NO_FILTER } = choose(tree.args as never);
        chosen = { list, filter };
      } catch (error) {
        if (error instanceof DomainError) continue;
        throw error;
      }
      const window = nestedWindow(tree, chosen.list.order);
      if (!window) continue;
      const selectsTotal = children([tree]).has('totalCount');
      const reads = planRowReads(dataSource, chosen.list.entity, nodeSelections(tree), selectsTotal, depth + 1);
      return { ...chosen, window, reads, parentColumn: row.idColumn };
    }
  }
  return undefined;
}
