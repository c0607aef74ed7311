import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { NestedList } from '../../graphql/nested-lists';
import { oneOfFilter, type ListDefinition } from '../../graphql/lists';
import { Statement } from '../statement/statement.entity';
import { RelationDirection, RelationType, StatementRelation } from './statement-relation.entity';

const MATCH: Record<RelationDirection, string> = {
  [RelationDirection.OUTGOING]: 't.from_id = k.id',
  [RelationDirection.INCOMING]: 't.to_id = k.id',
  [RelationDirection.BOTH]: '(t.from_id = k.id OR t.to_id = k.id)',
};

function listFor(direction: RelationDirection): ListDefinition<StatementRelation> {
  return {
    name: `Statement.relations.${direction}`,
    entity: StatementRelation,
    order: [
      { expr: 't.type', type: 'text' },
      { expr: 't.id', type: 'uuid' },
    ],
    descending: false,
    parentMatch: MATCH[direction],
  };
}

/** The relations at one or both ends of a statement, optionally of some types. */
export function relationList(direction: RelationDirection, types: RelationType[] | null | undefined): Required<NestedList<StatementRelation>> {
  return { list: listFor(direction), filter: oneOfFilter('t.type', types) };
}

/** A page of the relations `relationList` chooses. */
export function relationsOfStatement(
  context: Context,
  statementId: string,
  direction: RelationDirection,
  types: RelationType[] | undefined,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
): Promise<ConnectionValue<StatementRelation>> {
  const { list, filter } = relationList(direction, types);
  return context.loaders.connection(list, args, statementId, info, filter);
}

/** A relation seen from one of its statements: the statement at the other end, and which way it points. */
export interface RelatedStatementValue {
  cursor: string;
  node: Statement;
  relation: StatementRelation;
  direction: RelationDirection;
}

/** The statements at the other end of a statement's relations, each with its relation. */
export async function relatedStatements(
  context: Context,
  statementId: string,
  direction: RelationDirection,
  types: RelationType[] | undefined,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
): Promise<Omit<ConnectionValue<Statement>, 'edges'> & { edges: RelatedStatementValue[] }> {
  const page = await relationsOfStatement(context, statementId, direction, types, args, info);
  const statements = context.loaders.byId(Statement);
  const edges = await Promise.all(
    page.edges.map(async ({ cursor, node: relation }) => {
      const outgoing = relation.fromId === statementId;
      return {
        cursor,
        relation,
        direction: outgoing ? RelationDirection.OUTGOING : RelationDirection.INCOMING,
        node: (await statements.load(outgoing ? relation.toId : relation.fromId))!,
      };
    }),
  );
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo, totalCount: page.totalCount };
}
