import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Measure } from '../measure/measure.entity';
import { Quantity, QuantityKind, Rate } from '../quantity/quantity.entity';
import { TimeUnit } from '../quantity/time-unit';

/**
 * One figure in a comparison: a quantity seen through the chosen period. What it takes from
 * the quantity is read here (no resolver call per figure); what hangs on its statement
 * resolves in ComparedFigureResolver.
 */
@ObjectType({ description: 'A figure lined up in a comparison: its rate in the chosen period, who gave it, in what role, when, and how it stands.' })
export class ComparedFigure {
  @Field(() => Quantity, { description: 'The figure as recorded.' })
  quantity: Quantity;

  per: TimeUnit;

  @Field(() => Rate, { description: "The figure in the comparison's period: central value and bounds." })
  get rate(): Rate {
    return this.quantity.rateIn(this.per);
  }

  @Field(() => QuantityKind, { description: 'Estimate, target, historical figure or projection.' })
  get kind(): QuantityKind {
    return this.quantity.kind;
  }
}

@ObjectType({ description: 'How far apart the figures of one kind are, in the chosen period. Estimates, targets, historical figures and projections are never mixed.' })
export class FigureSpread {
  @Field(() => QuantityKind, { description: 'The kind of figure this spread covers.' })
  kind: QuantityKind;

  @Field(() => Int, { description: 'How many figures of this kind.' })
  count: number;

  @Field(() => Float, { description: 'The lowest bound any of them gives (the lower end of a range).' })
  lowest: number;

  @Field(() => Float, { description: 'The highest bound any of them gives (the upper end of a range).' })
  highest: number;

  @Field(() => Float, { nullable: true, description: 'highest / lowest: 1.75 means the highest figure is 75 % above the lowest; null when lowest is 0 or less.' })
  ratio: number | null;

  @Field(() => ComparedFigure, { description: 'The figure that gives the lowest bound.' })
  lowestFigure: ComparedFigure;

  @Field(() => ComparedFigure, { description: 'The figure that gives the highest bound.' })
  highestFigure: ComparedFigure;
}

/** What compareFigures resolves to; figures and spreads are read when selected. */
@ObjectType({ description: 'Every figure given on one measure, converted to one period, with the spread between them.' })
export class FigureComparison {
  @Field(() => Measure, { description: 'What the figures count.' })
  measure: Measure;

  @Field(() => TimeUnit, { description: 'The period every rate is given per.' })
  per: TimeUnit;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only statements whose date span ends on or after this day.' })
  from: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only statements whose date span starts on or before this day.' })
  to: string | null;

  kinds: QuantityKind[] | null;

  /** Read with the measure whenever selected (openComparison). */
  @Field(() => [FigureSpread], { description: 'One spread per kind of figure present (ESTIMATE, TARGET, HISTORICAL, PROJECTION, in that order), over all the figures, not just a page.' })
  spreads?: FigureSpread[];
}

@ArgsType()
export class CompareFiguresArgs {
  @Field({ description: 'The measure: its slug ("russian-military-deaths") or global id.' })
  @Length(1, 200)
  measure: string;

  @Field(() => TimeUnit, { defaultValue: TimeUnit.MONTH, description: 'The period to convert every figure to; a TOTAL is spread evenly over its span.' })
  per: TimeUnit;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only figures from statements whose date span ends on or after this day.' })
  from?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only figures from statements whose date span starts on or before this day.' })
  to?: string;

  @Field(() => [QuantityKind], { nullable: true, description: 'Only figures of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  kind?: QuantityKind[];
}

@ObjectType({ description: 'A figure of another statement that cannot be squared with one of this statement: same measure and kind, close in time, ranges that do not overlap.' })
export class FigureConflict {
  @Field(() => Quantity, { description: "This statement's figure." })
  figure: Quantity;

  @Field(() => Quantity, { description: 'The other figure.' })
  other: Quantity;

  @Field(() => Float, { description: 'How far apart the nearer ends of the two ranges are, as a ratio (1.4: the higher starts 40 % above where the lower ends).' })
  gap: number;

  @Field({ description: 'True when a CONTRADICTS relation already links the two statements.' })
  linked: boolean;

  otherStatementId: string;
}
