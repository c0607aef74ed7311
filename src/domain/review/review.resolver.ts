import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, FieldResolver, Info, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { readBack } from '../../graphql/writes-resolver.factory';
import { ApiRole } from '../api-key/api-key.service';
import { importClaimReview } from './claim-review-import';
import { claimReviewSql, toClaimReview, type ClaimReviewRow } from './claim-review';
import type { Context } from '../../graphql/context';
import { declareFieldColumns } from '../../graphql/field-columns';
import { declareReferences } from '../../graphql/reference-joins';
import { Speaker } from '../speaker/speaker.entity';
import { Statement } from '../statement/statement.entity';
import { Review } from './review.entity';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateReviewInput, UpdateReviewInput, reviewRow } from './review.inputs';

@ObjectType({ description: 'What importClaimReview did.' })
class ImportClaimReviewPayload {
  @Field(() => Review, { description: 'The review, stored or found.' })
  review: Review;

  @Field(() => Statement, { description: 'The statement it reviews.' })
  statement: Statement;

  @Field({ description: 'True when the claim\'s author was new and a speaker was created.' })
  speakerCreated: boolean;

  @Field({ description: 'True when a review with the same URL and claim was already stored; nothing was written.' })
  replayed: boolean;
}

declareReferences(Review, { statement: [Statement, 'statementId'], reviewer: [Speaker, 'reviewerId'] });
// claimReview reads its own statement by the review's id.
declareFieldColumns(Review, { claimReview: [] });

@Resolver(() => Review)
export class ReviewResolver {
  @Authorized(ApiRole.EDITOR)
  @Mutation(() => ImportClaimReviewPayload, {
    description: "Imports a schema.org ClaimReview (JSON-LD) as a statement by the claim's author, its source, and a review by the author organization, in one transaction; importing the same review again writes nothing. Needs an EDITOR key.",
  })
  async importClaimReview(
    @Arg('document', () => GraphQLJSONObject, { description: 'One ClaimReview object, as found in a page\'s application/ld+json script.' }) document: Record<string, unknown>,
    @Ctx() context: Context,
  ): Promise<ImportClaimReviewPayload> {
    const imported = await importClaimReview(context.sql, context.actor!, document);
    return {
      speakerCreated: imported.speakerCreated,
      replayed: imported.replayed,
      review: await readBack(context, Review, imported.reviewId),
      statement: await readBack(context, Statement, imported.statementId),
    };
  }

  @FieldResolver(() => Statement, { description: 'The statement reviewed.' })
  statement(@Root() review: Review, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Statement | Promise<Statement> {
    return context.loaders.referenced(Statement, review.statementId, info) as Statement | Promise<Statement>;
  }

  @FieldResolver(() => Speaker, { description: 'The fact-checking organization.' })
  reviewer(@Root() review: Review, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Speaker | Promise<Speaker> {
    return context.loaders.referenced(Speaker, review.reviewerId, info) as Speaker | Promise<Speaker>;
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description: 'This review as schema.org ClaimReview JSON-LD, ready for a <script type="application/ld+json"> tag: claimReviewed, reviewRating (alternateName and the numeric scale), url, author, datePublished, and itemReviewed as a Claim with its author, date and appearances.',
  })
  async claimReview(@Root() review: Review, @Ctx() context: Context): Promise<Record<string, unknown>> {
    const loader = context.loaders.get('claimReview', () =>
      new DataLoader<string, ClaimReviewRow | undefined>(async (ids) => {
        const rows = await context.sql.query<ClaimReviewRow>(claimReviewSql('r.id = ANY($1::uuid[])'), [ids]);
        return ids.map((id) => rows.find((row) => row.id === id));
      }),
    );
    return toClaimReview((await loader.load(review.id))!);
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
