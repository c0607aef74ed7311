import { IsOptional, IsUrl, Length } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, Float, ID, InputType } from 'type-graphql';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { Row } from '../common/entity-writes.service';

@InputType({ description: "A fact-checker's verdict on a statement." })
export class CreateReviewInput {
  @Field(() => ID, { description: 'The statement reviewed.' })
  statement: string;

  @Field(() => ID, { description: 'The fact-checking organization.' })
  reviewer: string;

  @Field({ description: 'The verdict as worded, e.g. "Mostly false".' })
  @Length(1, 300)
  ratingText: string;

  @Field(() => Float, { nullable: true, description: 'The verdict on a numeric scale (needs bestRating and worstRating).' })
  ratingValue?: number;

  @Field(() => Float, { nullable: true, description: 'Best value of the scale.' })
  bestRating?: number;

  @Field(() => Float, { nullable: true, description: 'Worst value of the scale.' })
  worstRating?: number;

  @Field(() => String, { nullable: true, description: 'The reasoning, in brief.' })
  @IsOptional()
  @Length(1, 5000)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Where the review is published.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http or https URL' })
  url?: string;

  @Field(() => GraphQLLocalDate, { description: 'When it was published.' })
  reviewedOn: string;
}

@InputType({ description: 'Changes to a review; fields left out stay as they are.' })
export class UpdateReviewInput extends VersionedUpdateInput {
  @Field(() => String, { nullable: true, description: 'New verdict text.' })
  @IsOptional()
  @Length(1, 300)
  ratingText?: string;

  @Field(() => Float, { nullable: true, description: 'New numeric verdict.' })
  ratingValue?: number;

  @Field(() => String, { nullable: true, description: 'New summary.' })
  @IsOptional()
  @Length(1, 5000)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'New URL.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http or https URL' })
  url?: string;
}

export function reviewRow(input: Partial<CreateReviewInput> | UpdateReviewInput): Row {
  const create = input as Partial<CreateReviewInput>;
  return {
    statement_id: create.statement == null ? undefined : assertGlobalIdOf('Statement', create.statement, 'statement'),
    reviewer_id: create.reviewer == null ? undefined : assertGlobalIdOf('Speaker', create.reviewer, 'reviewer'),
    rating_text: input.ratingText, rating_value: input.ratingValue, best_rating: create.bestRating, worst_rating: create.worstRating,
    summary: input.summary, url: input.url, reviewed_on: create.reviewedOn,
  };
}
