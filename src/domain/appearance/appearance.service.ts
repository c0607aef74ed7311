import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { NestedList } from '../../graphql/nested-lists';
import type { ListDefinition } from '../../graphql/lists';
import { Appearance } from './appearance.entity';

const BY_SOURCE_DATE = [
  { expr: "coalesce(src.published_on, '0001-01-01'::date)", type: 'date' as const },
  { expr: 't.id', type: 'uuid' as const },
];

const OF_STATEMENT: ListDefinition<Appearance> = {
  name: 'Statement.appearances',
  entity: Appearance,
  from: 'appearance t JOIN source src ON src.id = t.source_id AND src.deleted_at IS NULL',
  order: BY_SOURCE_DATE,
  descending: false,
  parentMatch: 't.statement_id = k.id',
};

const IN_SOURCE: ListDefinition<Appearance> = {
  name: 'Source.appearances',
  entity: Appearance,
  from: 'appearance t',
  order: [
    { expr: "coalesce(t.start_offset, 0)", type: 'integer' },
    { expr: 't.id', type: 'uuid' },
  ],
  descending: false,
  parentMatch: 't.source_id = k.id',
};

/** A statement's appearances and a source's, as nested lists. */
export const statementAppearances = (): NestedList<Appearance> => ({ list: OF_STATEMENT });
export const sourceAppearances = (): NestedList<Appearance> => ({ list: IN_SOURCE });

/** Where a statement was reported, earliest source first. */
export function appearancesOfStatement(context: Context, statementId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Appearance>> {
  return context.loaders.connection(OF_STATEMENT, args, statementId, info);
}

/** The excerpts a source carries, in the order they are printed. */
export function appearancesInSource(context: Context, sourceId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Appearance>> {
  return context.loaders.connection(IN_SOURCE, args, sourceId, info);
}
