import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { DatePrecision, parseIsoDate } from './partial-date';

@InputType({ description: 'A date known to some precision. Any day inside the span may be given: 2025-12-15 at MONTH precision is stored as December 2025.' })
export class PartialDateInput {
  @Field(() => GraphQLLocalDate, { description: 'A day inside the span, as YYYY-MM-DD.' })
  date: string;

  @Field(() => DatePrecision, { description: 'How much of the date is known.' })
  precision: DatePrecision;
}

/** The first day of the span `input` falls in: the Monday of its week, the 1st of its month, 1 January of its year. */
export function spanStart(input: PartialDateInput): string {
  const day = parseIsoDate(input.date)!;
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  switch (input.precision) {
    case DatePrecision.DAY:
      return input.date;
    case DatePrecision.WEEK:
      return iso(new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000));
    case DatePrecision.MONTH:
      return iso(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)));
    case DatePrecision.YEAR:
      return iso(new Date(Date.UTC(day.getUTCFullYear(), 0, 1)));
    default: {
      const unreachable: never = input.precision;
      return unreachable;
    }
  }
}
