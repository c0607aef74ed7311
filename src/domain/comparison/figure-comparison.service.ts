import type { GraphQLResolveInfo } from 'graphql';
import { SqlParams } from '../../db/sql-session';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { parseGlobalId } from '../../graphql/global-id';
import { findByGlobalId } from '../../graphql/node.resolver';
import type { ListDefinition } from '../../graphql/request-loaders';
import { Measure } from '../measure/measure.entity';
import { findMeasureBySlug } from '../measure/measure.service';
import { Quantity, QuantityKind } from '../quantity/quantity.entity';
import { DAYS_IN } from '../quantity/time-unit';
import { ComparedFigure, FigureComparison, FigureSpread } from './figure-comparison.types';

/** The measure named by slug or global id; null when there is none. */
export function findMeasure(context: Context, measure: string): Promise<Measure | null> {
  return parseGlobalId(measure)?.typeName === 'Measure' ? findByGlobalId(context, Measure, measure, 'measure') : findMeasureBySlug(context, measure);
}

const COMPARED: ListDefinition<Quantity> = {
  name: 'FigureComparison.figures',
  entity: Quantity,
  from: 'quantity t JOIN statement s ON s.id = t.statement_id AND s.deleted_at IS NULL',
  order: [
    { expr: 's.stated_on', type: 'date' },
    { expr: 't.id', type: 'uuid' },
  ],
  descending: true,
  parentMatch: 't.measure_id = k.id',
};

/** Conditions on quantity t and its statement s for the comparison's date range and kinds. */
function comparisonConditions(comparison: FigureComparison, params: SqlParams): string[] {
  const conditions = ['t.per_day IS NOT NULL'];
  if (comparison.from) conditions.push(`s.stated_until >= ${params.add(comparison.from, 'date')}`);
  if (comparison.to) conditions.push(`s.stated_on <= ${params.add(comparison.to, 'date')}`);
  if (comparison.kinds) conditions.push(`t.kind = ANY(${params.add(comparison.kinds, 'text[]')})`);
  return conditions;
}

const filterOf = (comparison: FigureComparison) => ({
  key: JSON.stringify([comparison.from, comparison.to, comparison.kinds]),
  conditions: (params: SqlParams) => comparisonConditions(comparison, params),
});

const figureOf = (comparison: FigureComparison, quantity: Quantity): ComparedFigure => Object.assign(new ComparedFigure(), { quantity, per: comparison.per });

/** The comparison's figures, newest statement first, paged like any connection. */
export async function comparedFigures(context: Context, comparison: FigureComparison, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<ComparedFigure>> {
  const page = await context.loaders.connection(COMPARED, args, comparison.measure.id, info, filterOf(comparison));
  const nodes = page.nodes.map((quantity) => figureOf(comparison, quantity));
  return { ...page, nodes, edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: nodes[index] })) };
}

const KIND_ORDER = Object.values(QuantityKind);

/**
 * One spread per kind over every figure of the comparison (not just a page), in one
 * statement: count, lowest lower bound and highest upper bound with the figures that give them.
 */
export async function figureSpreads(context: Context, comparison: FigureComparison): Promise<FigureSpread[]> {
  const params = new SqlParams();
  const conditions = comparisonConditions(comparison, params);
  const measure = params.add(comparison.measure.id, 'uuid');
  const rows = await context.sql.query<{ kind: QuantityKind; count: number; low: number; high: number; lowest: string; highest: string }>(
    `SELECT t.kind, count(*)::int AS count, min(t.per_day_low) AS low, max(t.per_day_high) AS high,
       (array_agg(t.id ORDER BY t.per_day_low, s.stated_on DESC, t.id))[1] AS lowest,
       (array_agg(t.id ORDER BY t.per_day_high DESC, s.stated_on DESC, t.id))[1] AS highest
     FROM quantity t JOIN statement s ON s.id = t.statement_id AND s.deleted_at IS NULL
     WHERE t.deleted_at IS NULL AND t.measure_id = ${measure} AND ${conditions.join(' AND ')}
     GROUP BY t.kind`,
    params.values,
  );
  const quantities = context.loaders.byId(Quantity);
  const days = DAYS_IN[comparison.per];
  const spreads = await Promise.all(
    rows.map(async (row) => {
      const [lowest, highest] = await Promise.all([quantities.load(row.lowest), quantities.load(row.highest)]);
      const low = Quantity.scale(row.low, days)!;
      const high = Quantity.scale(row.high, days)!;
      return Object.assign(new FigureSpread(), {
        kind: row.kind, count: row.count, lowest: low, highest: high,
        ratio: low > 0 ? Number((high / low).toPrecision(12)) : null,
        lowestFigure: figureOf(comparison, lowest!), highestFigure: figureOf(comparison, highest!),
      });
    }),
  );
  return spreads.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
