import { ArrayMaxSize, IsOptional } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { EventKind } from './event.entity';

@InputType({ description: 'Narrows a list of events.' })
export class EventFilter {
  @Field(() => [EventKind], { nullable: true, description: 'Only events of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(8)
  kind?: EventKind[];

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only events whose date span ends on or after this day.' })
  from?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only events whose date span starts on or before this day.' })
  to?: string;
}
