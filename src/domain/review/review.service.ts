import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { NestedList } from '../../graphql/nested-lists';
import type { ListDefinition } from '../../graphql/lists';
import { Review } from './review.entity';

const NEWEST_FIRST = [
  { expr: 't.reviewed_on', type: 'date' as const },
  { expr: 't.id', type: 'uuid' as const },
];

const OF_STATEMENT: ListDefinition<Review> = { name: 'Statement.reviews', entity: Review, order: NEWEST_FIRST, descending: true, parentMatch: 't.statement_id = k.id' };
const BY_REVIEWER: ListDefinition<Review> = { name: 'Speaker.reviewsWritten', entity: Review, order: NEWEST_FIRST, descending: true, parentMatch: 't.reviewer_id = k.id' };

/** The fact-checks of a statement, as a nested list. */
export const statementReviews = (): NestedList<Review> => ({ list: OF_STATEMENT });

/** Fact-checks of a statement, newest first. */
export function reviewsOfStatement(context: Context, statementId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Review>> {
  return context.loaders.connection(OF_STATEMENT, args, statementId, info);
}

/** Fact-checks an organization published, newest first. */
export function reviewsByReviewer(context: Context, reviewerId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Review>> {
  return context.loaders.connection(BY_REVIEWER, args, reviewerId, info);
}
