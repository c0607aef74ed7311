import { registerEnumType } from 'type-graphql';

/** A unit of time that figures are given per, or that a total spans. */
export enum TimeUnit {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(TimeUnit, {
  name: 'TimeUnit',
  description: 'A unit of time. A month counts as 30.4375 days and a year as 365.25, so rates convert exactly both ways.',
  valuesConfig: {
    DAY: { description: 'One day.' },
    WEEK: { description: 'Seven days.' },
    MONTH: { description: 'An average month: 30.4375 days.' },
    YEAR: { description: 'An average year: 365.25 days.' },
  },
});

/**
 * Days in each unit. The database's claimgraph_days_in() (initial migration) holds the
 * same numbers for the stored per-day rates; a test checks that both agree.
 */
export const DAYS_IN: Record<TimeUnit, number> = {
  [TimeUnit.DAY]: 1,
  [TimeUnit.WEEK]: 7,
  [TimeUnit.MONTH]: 30.4375,
  [TimeUnit.YEAR]: 365.25,
};
