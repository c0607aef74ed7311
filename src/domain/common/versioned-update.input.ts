import { IsOptional, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

/** Base of every update input: the optimistic-concurrency check. */
@InputType()
export abstract class VersionedUpdateInput {
  @Field(() => Int, { nullable: true, description: 'The version you read; the update fails with CONFLICT if the object has changed since.' })
  @IsOptional()
  @Min(1)
  expectedVersion?: number;
}
