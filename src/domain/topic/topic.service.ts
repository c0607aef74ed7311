import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { NestedList } from '../../graphql/nested-lists';
import type { ListDefinition } from '../../graphql/lists';
import { Topic } from './topic.entity';

const BY_SLUG = [
  { expr: 't.slug', type: 'text' as const },
  { expr: 't.id', type: 'uuid' as const },
];

const TOPICS: ListDefinition<Topic> = { name: 'Query.topics', entity: Topic, order: BY_SLUG, descending: false };
const OF_STATEMENT: ListDefinition<Topic> = {
  name: 'Statement.topics',
  entity: Topic,
  from: 'topic t JOIN statement_topic st ON st.topic_id = t.id',
  order: BY_SLUG,
  descending: false,
  parentMatch: 'st.statement_id = k.id',
};

/** All topics by slug. */
export function topicConnection(context: Context, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Topic>> {
  return context.loaders.connection(TOPICS, args, null, info);
}

/** The topics of a statement, as a nested list. */
export const statementTopics = (): NestedList<Topic> => ({ list: OF_STATEMENT });

/** The topics a statement is tagged with, by slug. */
export function topicsOfStatement(context: Context, statementId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Topic>> {
  return context.loaders.connection(OF_STATEMENT, args, statementId, info);
}
