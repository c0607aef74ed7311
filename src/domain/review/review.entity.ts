import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Node, VersionedNode } from '../../graphql/node';

@ObjectType({ implements: [Node, VersionedNode], description: "A fact-checker's verdict on a statement (schema.org ClaimReview)." })
@Entity('review')
export class Review extends VersionedNode {
  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Field({ description: 'The verdict as the reviewer words it, e.g. "Mostly false".' })
  @Column({ name: 'rating_text', type: 'text' })
  ratingText: string;

  @Field(() => Float, { nullable: true, description: 'The verdict on the numeric scale, when the reviewer uses one.' })
  @Column({ name: 'rating_value', type: 'numeric', nullable: true })
  ratingValue: number | null;

  @Field(() => Float, { nullable: true, description: 'Best value of the numeric scale.' })
  @Column({ name: 'best_rating', type: 'numeric', nullable: true })
  bestRating: number | null;

  @Field(() => Float, { nullable: true, description: 'Worst value of the numeric scale.' })
  @Column({ name: 'worst_rating', type: 'numeric', nullable: true })
  worstRating: number | null;

  @Field(() => String, { nullable: true, description: 'The reasoning, in brief.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true, description: 'Where the review is published.' })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Field(() => GraphQLLocalDate, { description: 'When the review was published.' })
  @Column({ name: 'reviewed_on', type: 'date' })
  reviewedOn: string;
}
