import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import { RevisionConnection } from '../../graphql/connection-types';
import type { Context } from '../../graphql/context';
import { declareFieldColumns } from '../../graphql/field-columns';
import { VersionedNode } from '../../graphql/node';
import type { ListDefinition } from '../../graphql/lists';
import { Revision } from './revision.entity';

const HISTORY: ListDefinition<Revision> = {
  name: 'Versioned.revisions',
  entity: Revision,
  order: [
    { expr: 't.version', type: 'integer' },
    { expr: 't.id', type: 'integer' },
  ],
  descending: false,
  parentMatch: 't.entity_id = k.id',
  softDeletable: false,
};

declareFieldColumns(VersionedNode, { revisions: [] });

@Resolver(() => VersionedNode)
export class RevisionResolver {
  @FieldResolver(() => RevisionConnection, { description: 'Every recorded change of this object, oldest first.' })
  revisions(@Root() node: VersionedNode, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return context.loaders.connection(HISTORY, args, node.id, info);
  }
}
