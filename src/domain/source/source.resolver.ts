import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import { AppearanceConnection, SourceConnection, StatementConnection } from '../../graphql/connection-types';
import type { Context } from '../../graphql/context';
import { DomainError } from '../../graphql/errors';
import { findByGlobalId } from '../../graphql/node.resolver';
import { appearancesInSource } from '../appearance/appearance.service';
import { StatementConnectionArgs } from '../statement/statement.inputs';
import { statementConnection, statementList } from '../statement/statement.service';
import { declareNestedLists } from '../../graphql/nested-lists';
import { sourceAppearances } from '../appearance/appearance.service';

import { Source } from './source.entity';
import { findSourceByUrl, sourceConnection } from './source.service';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateSourceInput, UpdateSourceInput, sourceRow } from './source.inputs';

declareNestedLists(Source, { statements: (args: StatementConnectionArgs) => statementList('Source', args), appearances: sourceAppearances });

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'A source by id or by URL (any spelling that normalizes to the stored one); null when there is none.' })
  source(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'The global id of a Source.' }) id?: string,
    @Arg('url', () => String, { nullable: true, description: 'The URL of the report.' }) url?: string,
  ): Promise<Source | null> {
    if ((id == null) === (url == null)) throw DomainError.badInput('id', 'pass exactly one of id and url');
    return id != null ? findByGlobalId(context, Source, id, 'id', info) : findSourceByUrl(context, url!);
  }

  @Query(() => SourceConnection, { description: 'All sources, newest first.' })
  sources(@Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return sourceConnection(context, args, info);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements this source carries, newest first unless ordered otherwise.' })
  statements(@Root() source: Source, @Args() args: StatementConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return statementConnection(context, 'Source', source.id, args, info);
  }

  @FieldResolver(() => AppearanceConnection, { description: 'The excerpts of this source that carry statements, in print order.' })
  appearances(@Root() source: Source, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return appearancesInSource(context, source.id, args, info);
  }
}

/** createSource, updateSource, deleteSource and restoreSource. */
export const SourceWritesResolver = createWritesResolver({
  entity: Source,
  target: { table: 'source', entityType: 'Source' },
  createInput: CreateSourceInput,
  updateInput: UpdateSourceInput,
  toRow: sourceRow,
});
