import type { GraphQLResolveInfo } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import type { DataSource, ObjectLiteral } from 'typeorm';
import type { ConnectionArgs, ConnectionValue, PageConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { NestedList } from '../../graphql/nested-lists';
import { oneOfFilter, type ListDefinition, type ListFilter } from '../../graphql/lists';
import { nodeSelections } from '../../graphql/reference-joins';
import { nestedWindow, planRowReads, type NestedRead, type WrappedRows } from '../../graphql/row-plans';
import { Quantity, QuantityKind } from './quantity.entity';

const IN_STATEMENT: ListDefinition<Quantity> = {
  name: 'Statement.quantities',
  entity: Quantity,
  order: [
    { expr: 't.position', type: 'integer' },
    { expr: 't.id', type: 'uuid' },
  ],
  descending: false,
  parentMatch: 't.statement_id = k.id',
};

const ON_MEASURE: ListDefinition<Quantity> = {
  name: 'Measure.quantities',
  entity: Quantity,
  // Figures of deleted statements are hidden; each figure knows whether its statement is live.
  conditions: ['t.statement_live'],
  // The figure's copy of its statement's date: the index on (measure, date) serves the order.
  order: [
    { expr: 't.stated_on', type: 'date' },
    { expr: 't.id', type: 'uuid' },
  ],
  descending: true,
  parentMatch: 't.measure_id = k.id',
  // A busy measure has thousands of figures; asked for a year of them (compareFigures), the
  // generic plan expects a handful and joined every one to its statement, speaker and role
  // before sorting (bench/NOTES.md).
  joinAfterLimit: true,
};

/** The figures of a statement, as a nested list. */
export const statementQuantities = (): NestedList<Quantity> => ({ list: IN_STATEMENT });

/** The figures of a statement, in the order they were given. */
export function quantitiesOfStatement(context: Context, statementId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Quantity>> {
  return context.loaders.connection(IN_STATEMENT, args, statementId, info);
}

/** The figures on a measure that meet `filter`, newest statement first; `knownTotal` spares the count, `wrapped` says what nodes wrapping them ask of them. */
export function figuresOnMeasure(
  context: Context,
  measureId: string,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  filter: ListFilter,
  knownTotal?: number,
  wrapped?: WrappedRows,
): Promise<PageConnection<Quantity>> {
  return context.loaders.connection(ON_MEASURE, args, measureId, info, filter, knownTotal, wrapped);
}

/**
 * A page of figuresOnMeasure read in the statement that reads its measure (RequestLoaders.lookupWith),
 * planned from the connection field's selections (`tree`, its nodes seen through `wrapped`): the
 * page figuresOnMeasure would read with these arguments, primed where it looks, so that it costs
 * no statement of its own. The filter is added per request (plans are shared). Undefined when
 * the field's arguments are refused: its resolver then reads, and reports them.
 */
export function planFiguresUnderMeasure(dataSource: DataSource, tree: ResolveTree, wrapped: WrappedRows, withTotal: boolean): Omit<NestedRead, 'filter'> | undefined {
  const window = nestedWindow(tree, ON_MEASURE.order);
  if (!window) return undefined;
  const reads = planRowReads(dataSource, Quantity, wrapped.selections(nodeSelections(tree)), withTotal, 1);
  return { list: ON_MEASURE as ListDefinition<ObjectLiteral>, window, reads, parentColumn: 'id' };
}

/** Every figure given on a measure, optionally of some kinds. */
export function measureQuantities(kinds: QuantityKind[] | null | undefined): Required<NestedList<Quantity>> {
  return { list: ON_MEASURE, filter: oneOfFilter('t.kind', kinds) };
}

/** A page of the figures `measureQuantities` chooses, newest statement first. */
export function quantitiesOnMeasure(
  context: Context,
  measureId: string,
  args: ConnectionArgs,
  kinds: QuantityKind[] | undefined,
  info: GraphQLResolveInfo,
): Promise<ConnectionValue<Quantity>> {
  return figuresOnMeasure(context, measureId, args, info, measureQuantities(kinds).filter);
}
