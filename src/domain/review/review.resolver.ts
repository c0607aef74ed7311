import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Speaker } from '../speaker/speaker.entity';
import { Statement } from '../statement/statement.entity';
import { Review } from './review.entity';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateReviewInput, UpdateReviewInput, reviewRow } from './review.inputs';

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Statement, { description: 'The statement reviewed.' })
  async statement(@Root() review: Review, @Ctx() context: Context): Promise<Statement> {
    return (await context.loaders.byId(Statement).load(review.statementId))!;
  }

  @FieldResolver(() => Speaker, { description: 'The fact-checking organization.' })
  async reviewer(@Root() review: Review, @Ctx() context: Context): Promise<Speaker> {
    return (await context.loaders.byId(Speaker).load(review.reviewerId))!;
  }
}

/** createReview, updateReview, deleteReview and restoreReview. */
export const ReviewWritesResolver = createWritesResolver({
  entity: Review,
  target: { table: 'review', entityType: 'Review' },
  createInput: CreateReviewInput,
  updateInput: UpdateReviewInput,
  toRow: reviewRow,
});
