import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import { StatementConnection, TopicConnection } from '../../graphql/connection-types';
import type { Context } from '../../graphql/context';
import { DomainError } from '../../graphql/errors';
import { findByGlobalId } from '../../graphql/node.resolver';
import { StatementConnectionArgs } from '../statement/statement.inputs';
import { statementConnection, statementList } from '../statement/statement.service';
import { declareNestedLists } from '../../graphql/nested-lists';

import { Topic } from './topic.entity';
import { topicConnection } from './topic.service';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateTopicInput, UpdateTopicInput, topicRow } from './topic.inputs';

declareNestedLists(Topic, { statements: (args: StatementConnectionArgs) => statementList('Topic', args) });

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { nullable: true, description: 'A topic by id or slug; null when there is none.' })
  topic(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'The global id of a Topic.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: 'The slug, e.g. "war-casualties".' }) slug?: string,
  ): Promise<Topic | null> {
    if ((id == null) === (slug == null)) throw DomainError.badInput('id', 'pass exactly one of id and slug');
    return id != null ? findByGlobalId(context, Topic, id, 'id', info) : context.loaders.lookup(Topic, 'slug', slug!, info);
  }

  @Query(() => TopicConnection, { description: 'All topics, by slug.' })
  topics(@Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return topicConnection(context, args, info);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements tagged with this topic, newest first unless ordered otherwise.' })
  statements(@Root() topic: Topic, @Args() args: StatementConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return statementConnection(context, 'Topic', topic.id, args, info);
  }
}

/** createTopic, updateTopic, deleteTopic and restoreTopic. */
export const TopicWritesResolver = createWritesResolver({
  entity: Topic,
  target: { table: 'topic', entityType: 'Topic' },
  createInput: CreateTopicInput,
  updateInput: UpdateTopicInput,
  toRow: topicRow,
});
