import type { GraphQLResolveInfo } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { SqlParams } from '../../db/sql-session';
import { spanEndsOnOrAfter } from '../common/partial-date';
import { selectsField, type ConnectionArgs, type ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { fieldPlan } from '../../graphql/field-plans';
import { children, rowSelections } from '../../graphql/reference-joins';
import type { NestedRead, WrappedRows } from '../../graphql/row-plans';
import { assertGlobalIdOf, parseGlobalId } from '../../graphql/global-id';
import { hydrate, selectList } from '../../db/entity-rows';
import { Measure } from '../measure/measure.entity';
import { Quantity, QuantityKind } from '../quantity/quantity.entity';
import { figuresOnMeasure, planFiguresUnderMeasure } from '../quantity/quantity.service';
import { DAYS_IN } from '../quantity/time-unit';
import { CompareFiguresArgs, ComparedFigure, FigureComparison, FigureSpread } from './figure-comparison.types';

/** Conditions on quantity `q` (t by default) for the comparison's date range (its copy of the statement's dates) and kinds. */
function comparisonConditions(comparison: FigureComparison, params: SqlParams, q = 't'): string[] {
  const conditions = [`${q}.per_day IS NOT NULL`];
  if (comparison.from) conditions.push(...spanEndsOnOrAfter(q, params.add(comparison.from, 'date')));
  if (comparison.to) conditions.push(`${q}.stated_on <= ${params.add(comparison.to, 'date')}`);
  if (comparison.kinds) conditions.push(params.oneOf(`${q}.kind`, comparison.kinds, 'text'));
  return conditions;
}

const filterOf = (comparison: FigureComparison) => ({
  key: JSON.stringify(['compare', comparison.from, comparison.to, comparison.kinds]),
  conditions: (params: SqlParams) => comparisonConditions(comparison, params),
});

const figureOf = (comparison: FigureComparison, quantity: Quantity): ComparedFigure => Object.assign(new ComparedFigure(), { quantity, per: comparison.per });

/** The comparison's figures, newest statement first, paged like any connection. */
export async function comparedFigures(context: Context, comparison: FigureComparison, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<ComparedFigure>> {
  // The spreads count every figure of the comparison by kind: their sum is the total.
  const total = comparison.spreads?.reduce((sum, spread) => sum + spread.count, 0);
  const page = await figuresOnMeasure(context, comparison.measure.id, args, info, filterOf(comparison), total, FIGURE_ROWS);
  return page.map((quantity) => figureOf(comparison, quantity));
}

/** A compared figure's fields that are its statement's, or hang on it. */
const ON_STATEMENT = new Set(['statement', 'speaker', 'speakerRole', 'status', 'stated']);

/**
 * What a compared figure's selections ask of its quantity, so that the page reads the figures'
 * statements, speakers and roles in its own statement (see reference-joins): the figure's own
 * selections (which read the quantity whole, since the figure exposes it), and the quantity's
 * statement with what the figure selects on it or takes from it. A selection that does not
 * match what a resolver then needs only costs that resolver a read of its own.
 */
const FIGURE_ROWS: WrappedRows = {
  name: 'ComparedFigure',
  selections(figures) {
    const onStatement: Record<string, ResolveTree> = {};
    for (const [name, trees] of children(figures)) {
      if (!ON_STATEMENT.has(name)) continue;
      for (const tree of trees) {
        if (name === 'statement') Object.assign(onStatement, ...Object.values(tree.fieldsByTypeName));
        else onStatement[tree.alias] = tree;
      }
    }
    if (!Object.keys(onStatement).length) return figures;
    const statement: ResolveTree = { name: 'statement', alias: 'statement', args: {}, fieldsByTypeName: { Statement: onStatement } };
    return [...figures, { name: 'figure', alias: 'figure', args: {}, fieldsByTypeName: { Quantity: { statement } } }];
  },
};

const KIND_ORDER = Object.values(QuantityKind);

interface SpreadRow {
  kind: QuantityKind;
  count: number;
  low: number;
  high: number;
  /** The figures that give the bounds, whole, so selecting them costs no round trip of its own; read when selected. */
  lowest?: Record<string, unknown>;
  highest?: Record<string, unknown>;
}

/** Whether a request selects the figures that give a spread's bounds (lowestFigure, highestFigure). */
export const selectsBoundFigures = (info: GraphQLResolveInfo, ...spreads: string[]) =>
  selectsField(info, ...spreads, 'lowestFigure') || selectsField(info, ...spreads, 'highestFigure');

/**
 * One row per kind over every figure of the comparison (not just a page): count, lowest
 * lower bound and highest upper bound per day, with (`boundFigures`) the figures that give
 * them, as JSON. `measure` is the SQL expression of the measure's id. The counts add up
 * whole months and the figures at the range's ends (countsByKind); the figure giving a bound
 * is looked up by the bound (newest statement first, then by id), or, for a kind whose figures
 * all lack that bound, the newest of them.
 */
function spreadsSql(context: Context, comparison: FigureComparison, params: SqlParams, measure: string, boundFigures: boolean): string {
  const figures = `quantity q WHERE q.deleted_at IS NULL AND q.statement_live AND q.measure_id = ${measure} AND ${comparisonConditions(comparison, params, 'q').join(' AND ')}`;
  const giving = (bound: 'per_day_low' | 'per_day_high', value: string) => `coalesce(
        (SELECT q.id FROM ${figures} AND q.kind = g.kind AND q.${bound} = ${value} ORDER BY q.stated_on DESC, q.id LIMIT 1),
        (SELECT q.id FROM ${figures} AND q.kind = g.kind AND ${value} IS NULL AND q.${bound} IS NULL ORDER BY q.stated_on DESC, q.id LIMIT 1))`;
  const quantity = (id: string) => `(SELECT row_to_json(q) FROM (SELECT ${selectList(context.loaders.dataSource, Quantity, 'b')} FROM quantity b WHERE b.id = ${id}) q)`;
  const spreads = countsByKind(comparison, params, measure, figures);
  if (!boundFigures) return `(SELECT coalesce(json_agg(json_build_object('kind', g.kind, 'count', g.count, 'low', g.low, 'high', g.high)), '[]') FROM (${spreads}) g)`;
  return `(SELECT coalesce(json_agg(json_build_object(
        'kind', k.kind, 'count', k.count, 'low', k.low, 'high', k.high, 'lowest', ${quantity('k.lowest')}, 'highest', ${quantity('k.highest')})), '[]')
    FROM (
      SELECT g.kind, g.count, g.low, g.high, ${giving('per_day_low', 'g.low')} AS lowest, ${giving('per_day_high', 'g.high')} AS highest
      FROM (${spreads}) g) k)`;
}

/**
 * The months wholly inside from..to (either end open): from the first day of the first of them
 * (null: unbounded) to the first day of the month after the last (null: unbounded). Null when
 * no month is whole. Dates are YYYY-MM-DD.
 */
export function wholeMonths(from: string | null, to: string | null): { start: string | null; end: string | null } | null {
  const firstOfMonth = (day: string, monthsLater: number) => {
    const date = new Date(0);
    date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + monthsLater, 1);
    return date.toISOString().slice(0, 10);
  };
  const start = from === null || from.endsWith('-01') ? from : firstOfMonth(from, 1);
  const end = to === null ? null : firstOfMonth(new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10), 0);
  return start !== null && end !== null && start >= end ? null : { start, end };
}

/**
 * The count, lowest bound and highest bound per kind of the comparison's figures (`figures`,
 * the FROM and WHERE of them as quantity q): the months wholly inside its range as kept in
 * figure_month (migration 1764290000000), the figures before and after them counted one by one.
 */
function countsByKind(comparison: FigureComparison, params: SqlParams, measure: string, figures: string): string {
  const months = wholeMonths(comparison.from, comparison.to);
  if (!months) return `SELECT q.kind, count(*)::int AS count, min(q.per_day_low) AS low, max(q.per_day_high) AS high FROM ${figures} GROUP BY q.kind`;
  const start = months.start && params.add(months.start, 'date');
  const end = months.end && params.add(months.end, 'date');
  const inMonths = [`f.measure_id = ${measure}`, 'f.figures > 0'];
  if (start) inMonths.push(`f.month >= ${start}`);
  if (end) inMonths.push(`f.month < ${end}`);
  if (comparison.kinds) inMonths.push(params.oneOf('f.kind', comparison.kinds, 'text'));
  const parts = [`SELECT f.kind, f.figures, f.low, f.high FROM figure_month f WHERE ${inMonths.join(' AND ')}`];
  if (start) parts.push(`SELECT q.kind, 1, q.per_day_low, q.per_day_high FROM ${figures} AND q.stated_on < ${start}`);
  if (end) parts.push(`SELECT q.kind, 1, q.per_day_low, q.per_day_high FROM ${figures} AND q.stated_on >= ${end}`);
  return `SELECT c.kind, sum(c.figures)::int AS count, min(c.low) AS low, max(c.high) AS high FROM (${parts.join(' UNION ALL ')}) c GROUP BY c.kind`;
}

function toSpreads(comparison: FigureComparison, rows: SpreadRow[]): FigureSpread[] {
  const days = DAYS_IN[comparison.per];
  return rows
    .map((row) => {
      const low = Quantity.scale(row.low, days)!;
      const high = Quantity.scale(row.high, days)!;
      return Object.assign(new FigureSpread(), {
        kind: row.kind, count: row.count, lowest: low, highest: high,
        ratio: low > 0 ? Number((high / low).toPrecision(12)) : null,
        ...(row.lowest && { lowestFigure: figureOf(comparison, hydrate(Quantity, row.lowest)) }),
        ...(row.highest && { highestFigure: figureOf(comparison, hydrate(Quantity, row.highest)) }),
      });
    })
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/**
 * How the figures field selected once under compareFigures (`info`) is read in the measure's
 * statement; undefined when it is not selected once or its arguments are refused. Its total is
 * counted only when the spreads, whose counts add up to it, are not read (`spreadsRead`).
 */
function figuresWithMeasure(context: Context, info: GraphQLResolveInfo, spreadsRead: boolean): Omit<NestedRead, 'filter'> | undefined {
  return fieldPlan(info, `comparison-figures:${spreadsRead}`, () => {
    const trees = children(rowSelections(info, 'object')).get('figures');
    if (trees?.length !== 1) return undefined;
    const [tree] = trees;
    return planFiguresUnderMeasure(context.loaders.dataSource, tree, FIGURE_ROWS, !spreadsRead && children([tree]).has('totalCount'));
  });
}

/**
 * The comparison on the measure named by slug or global id, or null when there is none. What
 * `info` (compareFigures') selects of it is read in the same statement as the measure: the
 * spreads (with the figures giving their bounds when selected), and a page of figures selected
 * once, with their statements, speakers and roles.
 */
export async function openComparison(context: Context, args: CompareFiguresArgs, info: GraphQLResolveInfo): Promise<FigureComparison | null> {
  const comparison = Object.assign(new FigureComparison(), {
    per: args.per, from: args.from ?? null, to: args.to ?? null, kinds: args.kind?.length ? [...args.kind] : null,
  });
  const byId = parseGlobalId(args.measure)?.typeName === 'Measure';
  const key = byId ? assertGlobalIdOf('Measure', args.measure, 'measure') : args.measure;
  const spreads = selectsField(info, 'spreads') ? { boundFigures: selectsBoundFigures(info, 'spreads') } : null;
  const figures = figuresWithMeasure(context, info, spreads !== null);
  let spreadRows: SpreadRow[] = [];
  const measure = await context.loaders.lookupWith(
    Measure,
    byId ? 'id' : 'slug',
    key,
    {
      columns: (params) => (spreads ? `${spreadsSql(context, comparison, params, 't.id', spreads.boundFigures)} AS "__spreads"` : ''),
      see: (values) => {
        spreadRows = values.__spreads as SpreadRow[];
      },
    },
    figures && { ...figures, filter: filterOf(comparison) },
  );
  if (!measure) return null;
  comparison.measure = measure;
  if (spreads) comparison.spreads = toSpreads(comparison, spreadRows);
  return comparison;
}
