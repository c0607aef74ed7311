import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** How much of a date is known: news often says "in December 2025" or "earlier this week". */
export enum DatePrecision {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How much of a date is known. A partial date covers a span, and date filters match any overlap with it.',
  valuesConfig: {
    DAY: { description: 'The exact day.' },
    WEEK: { description: 'The ISO week (Monday to Sunday) that starts on the given date.' },
    MONTH: { description: 'The calendar month; the date is its first day.' },
    YEAR: { description: 'The calendar year; the date is its 1 January.' },
  },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD into a UTC date, or null when it is not a real calendar day. */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date : null;
}

function isoWeekLabel(start: Date): string {
  // The ISO week-numbering year is the year of the week's Thursday.
  const thursday = new Date(start.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The human label of a partial date: 2026-01-16, 2026-W03, 2025-12 or 2025. */
export function partialDateLabel(start: string, precision: DatePrecision): string {
  switch (precision) {
    case DatePrecision.DAY:
      return start;
    case DatePrecision.WEEK:
      return isoWeekLabel(parseIsoDate(start) ?? new Date(start));
    case DatePrecision.MONTH:
      return start.slice(0, 7);
    case DatePrecision.YEAR:
      return start.slice(0, 4);
    default: {
      const unreachable: never = precision;
      return unreachable;
    }
  }
}

@ObjectType({ description: 'A date known to some precision, and the span of days it covers.' })
export class PartialDate {
  @Field(() => GraphQLLocalDate, { description: 'First day of the span, as YYYY-MM-DD.' })
  start: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the span, as YYYY-MM-DD (equal to start for DAY precision).' })
  end: string;

  @Field(() => DatePrecision, { description: 'How much of the date is known.' })
  precision: DatePrecision;

  @Field({ description: 'The date as people write it at its precision: 2026-01-16, 2026-W03, 2025-12 or 2025.' })
  get label(): string {
    return partialDateLabel(this.start, this.precision);
  }

  static of(start: string, end: string, precision: DatePrecision): PartialDate {
    return Object.assign(new PartialDate(), { start, end, precision });
  }
}

/**
 * SQL conditions for "the span of `alias`.stated_on..stated_until ends on or after `day`"
 * (a placeholder or SQL date). The second is implied by the first but bounds stated_on from
 * below, so an index on stated_on reads a range, not everything before the end of the filter.
 * Spans start where their unit does (claimgraph_is_span_start), so one that ends on or after
 * `day` starts no earlier than 1 January of its year (a YEAR or MONTH) or six days before it
 * (a WEEK): a range of at most a year, and of a week when `day` is a 1 January.
 */
export function spanEndsOnOrAfter(alias: string, day: string): string[] {
  return [`${alias}.stated_until >= ${day}`, `${alias}.stated_on >= least(make_date(extract(year FROM ${day})::integer, 1, 1), ${day} - 6)`];
}

/**
 * The SQL condition "the span of `alias`.stated_on..stated_until overlaps from..to" (placeholders
 * or SQL dates; either may be NULL for an open end), in the form the statements' span-and-words
 * index searches (migration 1764260000000). Where statements are read in date order, the
 * stated_on conditions above serve better.
 */
export function statementSpanOverlaps(alias: string, from: string, to: string): string {
  return `daterange(${alias}.stated_on, ${alias}.stated_until, '[]') && daterange(${from}, ${to}, '[]')`;
}
