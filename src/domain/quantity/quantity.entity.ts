import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { declareFieldColumns } from '../../graphql/field-columns';
import { Node, VersionedNode } from '../../graphql/node';
import { DAYS_IN, TimeUnit } from './time-unit';

export enum QuantityPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  TOTAL = 'TOTAL',
}

registerEnumType(QuantityPeriod, {
  name: 'QuantityPeriod',
  description: 'What a figure is given per: a rate per unit of time, or a TOTAL over a stated span.',
  valuesConfig: {
    DAY: { description: 'Per day.' },
    WEEK: { description: 'Per week.' },
    MONTH: { description: 'Per month.' },
    YEAR: { description: 'Per year.' },
    TOTAL: { description: 'A total over the span given by spanLength and spanUnit, e.g. 15,000 over 9 years.' },
  },
});

export enum QuantityKind {
  ESTIMATE = 'ESTIMATE',
  TARGET = 'TARGET',
  HISTORICAL = 'HISTORICAL',
  PROJECTION = 'PROJECTION',
}

registerEnumType(QuantityKind, {
  name: 'QuantityKind',
  description: 'What sort of figure it is; estimates and targets must not be compared as if alike.',
  valuesConfig: {
    ESTIMATE: { description: 'A claim about what is happening now.' },
    TARGET: { description: 'A goal someone wants to reach.' },
    HISTORICAL: { description: 'A figure about the past, often given for comparison.' },
    PROJECTION: { description: 'A forecast of what will happen.' },
  },
});

@ObjectType({ description: 'A figure converted to another period: central value and bounds.' })
export class Rate {
  @Field(() => TimeUnit, { description: 'The period the figures are per.' })
  per: TimeUnit;

  @Field(() => Float, { nullable: true, description: 'The central figure: the value given, or the midpoint of the range.' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound (the value itself when no range was given).' })
  lower: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound (the value itself when no range was given).' })
  upper: number | null;
}

@ObjectType({ implements: [Node, VersionedNode], description: 'A number inside a statement: a value or a range, per a period, on a measure.' })
@Entity('quantity')
export class Quantity extends VersionedNode {
  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Column({ name: 'measure_id', type: 'uuid' })
  measureId: string;

  @Field(() => Int, { description: 'Order of this figure within its statement, from 1.' })
  @Column({ type: 'integer' })
  position: number;

  @Field(() => Float, { nullable: true, description: 'The figure, when a single number was given.' })
  @Column({ type: 'numeric', nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound, when a range or a minimum was given.' })
  @Column({ type: 'numeric', nullable: true })
  lower: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound, when a range or a maximum was given.' })
  @Column({ type: 'numeric', nullable: true })
  upper: number | null;

  @Field({ description: 'True when the figure was hedged: "about", "some", "nearly".' })
  @Column({ type: 'boolean', default: false })
  approximate: boolean;

  @Field({ description: 'Unit as stated, e.g. "soldiers killed".' })
  @Column({ type: 'text' })
  unit: string;

  @Field(() => QuantityPeriod, { description: 'What the figure is per: a unit of time, or a total over a span.' })
  @Column({ type: 'text' })
  period: QuantityPeriod;

  @Field(() => Float, { nullable: true, description: 'For a TOTAL: how many spanUnits it covers, e.g. 9.' })
  @Column({ name: 'span_length', type: 'numeric', nullable: true })
  spanLength: number | null;

  @Field(() => TimeUnit, { nullable: true, description: 'For a TOTAL: the unit of its span, e.g. YEAR.' })
  @Column({ name: 'span_unit', type: 'text', nullable: true })
  spanUnit: TimeUnit | null;

  @Field(() => QuantityKind, { description: 'Estimate, target, historical figure or projection.' })
  @Column({ type: 'text' })
  kind: QuantityKind;

  /** Derived in the database from the figure and its period; never written. */
  @Column({ name: 'per_day', type: 'numeric', nullable: true, insert: false, update: false })
  perDay: number | null;

  @Column({ name: 'per_day_low', type: 'numeric', nullable: true, insert: false, update: false })
  perDayLow: number | null;

  @Column({ name: 'per_day_high', type: 'numeric', nullable: true, insert: false, update: false })
  perDayHigh: number | null;

  @Field(() => Float, { nullable: true, description: 'The central figure per day, derived; null for a TOTAL with no span.' })
  get ratePerDay(): number | null {
    return this.perDay;
  }

  /**
   * A per-day rate times `days`, to 12 significant digits: the per-day rate is a rounded
   * quotient, so 20,000 a month would otherwise come back as 19,999.999999999996.
   */
  static scale(perDay: number | null, days: number): number | null {
    return perDay === null ? null : Number((perDay * days).toPrecision(12));
  }

  /** The figure converted to a rate per `per`: the database's per-day rate times the days in `per`. */
  rateIn(per: TimeUnit): Rate {
    const days = DAYS_IN[per];
    return Object.assign(new Rate(), {
      per,
      value: Quantity.scale(this.perDay, days),
      lower: Quantity.scale(this.perDayLow, days),
      upper: Quantity.scale(this.perDayHigh, days),
    });
  }
}

declareFieldColumns(Quantity, { ratePerDay: ['perDay'] });
