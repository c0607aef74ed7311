import { IsOptional, Length, Min } from 'class-validator';
import { VersionedUpdateInput } from '../common/versioned-update.input';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { Row } from '../common/entity-writes.service';
import { QuantityKind, QuantityPeriod } from './quantity.entity';
import { TimeUnit } from './time-unit';

@InputType({ description: 'A figure added to an existing statement.' })
export class CreateQuantityInput {
  @Field(() => ID, { description: 'The statement the figure is in.' })
  statement: string;

  @Field(() => ID, { description: 'The measure the figure counts.' })
  measure: string;

  @Field(() => Int, { description: "Its place among the statement's figures, from 1; must be free." })
  @Min(1)
  position: number;

  @Field(() => Float, { nullable: true, description: 'The figure, when one number was given.' })
  value?: number;

  @Field(() => Float, { nullable: true, description: 'Lower bound.' })
  lower?: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound.' })
  upper?: number;

  @Field({ defaultValue: false, description: 'True when hedged.' })
  approximate: boolean;

  @Field({ description: 'Unit as stated.' })
  @Length(1, 100)
  unit: string;

  @Field(() => QuantityPeriod, { description: 'What the figure is per.' })
  period: QuantityPeriod;

  @Field(() => Float, { nullable: true, description: 'For a TOTAL: how many spanUnits.' })
  spanLength?: number;

  @Field(() => TimeUnit, { nullable: true, description: 'For a TOTAL: the unit of its span.' })
  spanUnit?: TimeUnit;

  @Field(() => QuantityKind, { defaultValue: QuantityKind.ESTIMATE, description: 'Estimate, target, historical figure or projection.' })
  kind: QuantityKind;
}

@InputType({ description: 'Changes to a figure; fields left out stay as they are. The database checks the bounds of the result.' })
export class UpdateQuantityInput extends VersionedUpdateInput {
  @Field(() => ID, { nullable: true, description: 'New measure.' })
  measure?: string;

  @Field(() => Float, { nullable: true, description: 'New value.' })
  value?: number;

  @Field(() => Float, { nullable: true, description: 'New lower bound.' })
  lower?: number;

  @Field(() => Float, { nullable: true, description: 'New upper bound.' })
  upper?: number;

  @Field(() => Boolean, { nullable: true, description: 'New approximate flag.' })
  approximate?: boolean;

  @Field(() => String, { nullable: true, description: 'New unit.' })
  @IsOptional()
  @Length(1, 100)
  unit?: string;

  @Field(() => QuantityPeriod, { nullable: true, description: 'New period.' })
  period?: QuantityPeriod;

  @Field(() => Float, { nullable: true, description: 'New span length (TOTAL only).' })
  spanLength?: number;

  @Field(() => TimeUnit, { nullable: true, description: 'New span unit (TOTAL only).' })
  spanUnit?: TimeUnit;

  @Field(() => QuantityKind, { nullable: true, description: 'New kind.' })
  kind?: QuantityKind;
}

/** Columns of a figure; bounds and spans are checked by the database (BAD_USER_INPUT naming the rule). */
export function quantityRow(input: Partial<CreateQuantityInput> | UpdateQuantityInput): Row {
  const create = input as Partial<CreateQuantityInput>;
  return {
    statement_id: create.statement == null ? undefined : assertGlobalIdOf('Statement', create.statement, 'statement'),
    position: create.position,
    measure_id: input.measure == null ? undefined : assertGlobalIdOf('Measure', input.measure, 'measure'),
    value: input.value, lower: input.lower, upper: input.upper, approximate: input.approximate, unit: input.unit,
    period: input.period, span_length: input.spanLength, span_unit: input.spanUnit, kind: input.kind,
  };
}
