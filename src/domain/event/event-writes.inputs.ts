import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, InputType } from 'type-graphql';
import { COUNTRY_CODE } from '../../graphql/validators';
import type { Row } from '../common/entity-writes.service';
import { PartialDateInput, spanStart } from '../common/partial-date.input';
import { EventKind } from './event.entity';

@InputType({ description: 'A new event.' })
export class CreateEventInput {
  @Field(() => EventKind, { description: 'What kind of occasion.' })
  kind: EventKind;

  @Field({ description: 'A short title.' })
  @Length(1, 500)
  title: string;

  @Field(() => PartialDateInput, { description: 'When it happened.' })
  @ValidateNested()
  date: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'Place name.' })
  @IsOptional()
  @Length(1, 200)
  place?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: 'countryCode must be two capital letters, e.g. BE' })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'What happened.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType({ description: 'Changes to an event; fields left out stay as they are.' })
export class UpdateEventInput extends VersionedUpdateInput {
  @Field(() => EventKind, { nullable: true, description: 'New kind.' })
  kind?: EventKind;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @Length(1, 500)
  title?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'New date.' })
  @IsOptional()
  @ValidateNested()
  date?: PartialDateInput;

  @Field(() => String, { nullable: true, description: 'New place.' })
  @IsOptional()
  @Length(1, 200)
  place?: string;

  @Field(() => String, { nullable: true, description: 'New country code.' })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: 'countryCode must be two capital letters, e.g. BE' })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

export function eventRow(input: Partial<CreateEventInput> | UpdateEventInput): Row {
  return {
    kind: input.kind, title: input.title, occurred_on: input.date ? spanStart(input.date) : undefined, occurred_precision: input.date?.precision,
    place: input.place, country_code: input.countryCode, description: input.description,
  };
}
