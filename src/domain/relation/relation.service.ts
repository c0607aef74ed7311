import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { ListDefinition } from '../../graphql/request-loaders';
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

/** Relations at one or both ends of a statement, optionally of some types. */
export function relationsOfStatement(
  context: Context,
  statementId: string,
  direction: RelationDirection,
  types: RelationType[] | undefined,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
): Promise<ConnectionValue<StatementRelation>> {
  const chosen = types?.length ? [...types] : null;
  return context.loaders.connection(listFor(direction), args, statementId, info, {
    key: JSON.stringify(chosen),
    conditions: (params) => (chosen ? [`t.type = ANY(${params.add(chosen, 'text[]')})`] : []),
  });
}
