import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import { StatementMode, VerificationStatus } from './statement.entity';

@InputType({ description: 'Narrows a list of statements. All given conditions must hold.' })
export class StatementFilter {
  @Field(() => ID, { nullable: true, description: 'Only statements by this speaker.' })
  speaker?: string;

  @Field(() => ID, { nullable: true, description: 'Only statements by people who held a role in this organization on the date stated, or by the organization itself.' })
  organization?: string;

  @Field(() => ID, { nullable: true, description: 'Only statements made at this event.' })
  event?: string;

  @Field(() => ID, { nullable: true, description: 'Only statements carried by this source.' })
  source?: string;

  @Field(() => ID, { nullable: true, description: 'Only statements tagged with this topic.' })
  topic?: string;

  @Field(() => ID, { nullable: true, description: 'Only statements with a figure on this measure.' })
  measure?: string;

  @Field(() => [VerificationStatus], { nullable: true, description: 'Only statements with one of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(6)
  status?: VerificationStatus[];

  @Field(() => StatementMode, { nullable: true, description: 'Only direct quotes, or only paraphrases.' })
  mode?: StatementMode;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only statements whose date span ends on or after this day; "December 2025" matches statedFrom 2025-12-20.' })
  statedFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only statements whose date span starts on or before this day.' })
  statedTo?: string;
}

export enum StatementOrderField {
  STATED_ON = 'STATED_ON',
}

registerEnumType(StatementOrderField, {
  name: 'StatementOrderField',
  description: 'What statements can be ordered by.',
  valuesConfig: { STATED_ON: { description: 'The first day of the date stated; ties broken by id.' } },
});

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Oldest or smallest first.' }, DESC: { description: 'Newest or largest first.' } },
});

@InputType({ description: 'The order of a statement list.' })
export class StatementOrder {
  @Field(() => StatementOrderField, { defaultValue: StatementOrderField.STATED_ON, description: 'The field to sort by.' })
  field: StatementOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'The direction; newest first by default.' })
  direction: OrderDirection;
}

@ArgsType()
export class StatementConnectionArgs extends ConnectionArgs {
  @Field(() => StatementFilter, { nullable: true, description: 'Conditions the statements must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: StatementFilter;

  @Field(() => StatementOrder, { nullable: true, description: 'Order of the list; by date stated, newest first, by default.' })
  orderBy?: StatementOrder;
}
