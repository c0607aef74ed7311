import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { hydrate, selectList } from '../../db/entity-rows';
import type { Context } from '../../graphql/context';
import { Quantity } from '../quantity/quantity.entity';
import { FigureConflict } from './figure-comparison.types';

interface ConflictRow {
  parent: string;
  other: string;
  /** Both quantities come whole with the conflict, so reading them costs no round trip of its own. */
  figureRow: Record<string, unknown>;
  otherRow: Record<string, unknown>;
  otherStatementId: string;
  gap: number;
  linked: boolean;
}

/**
 * Candidate contradictions for many statements in one SQL statement: figures of other live
 * statements on the same measure and of the same kind (estimate against estimate, never
 * against a target), both rates rather than totals, stated within `withinDays` of each
 * other, whose per-day ranges do not overlap. Widest gap first.
 */
const conflictsSql = (dataSource: DataSource) => `
  SELECT k.id AS parent, c.*
  FROM unnest($1::uuid[]) AS k(id)
  CROSS JOIN LATERAL (
    SELECT theirs.id AS other, theirs.statement_id AS "otherStatementId",
      (SELECT row_to_json(q) FROM (SELECT ${selectList(dataSource, Quantity, 'mine')}) q) AS "figureRow",
      (SELECT row_to_json(q) FROM (SELECT ${selectList(dataSource, Quantity, 'theirs')}) q) AS "otherRow",
      greatest(mine.per_day_low / nullif(theirs.per_day_high, 0), theirs.per_day_low / nullif(mine.per_day_high, 0))::float8 AS gap,
      EXISTS (SELECT 1 FROM statement_relation r WHERE r.deleted_at IS NULL AND r.type = 'CONTRADICTS'
        AND ((r.from_id = me.id AND r.to_id = other.id) OR (r.from_id = other.id AND r.to_id = me.id))) AS linked
    FROM statement me
    JOIN quantity mine ON mine.statement_id = me.id AND mine.deleted_at IS NULL AND mine.period <> 'TOTAL'
    JOIN quantity theirs ON theirs.measure_id = mine.measure_id AND theirs.kind = mine.kind AND theirs.deleted_at IS NULL
      AND theirs.period <> 'TOTAL' AND theirs.statement_id <> me.id
      AND (theirs.per_day_low > mine.per_day_high OR theirs.per_day_high < mine.per_day_low)
      AND theirs.stated_on <= me.stated_until + $2::int AND theirs.stated_until >= me.stated_on - $2::int
      AND theirs.stated_on >= me.stated_on - $2::int - 366
    JOIN statement other ON other.id = theirs.statement_id AND other.deleted_at IS NULL
    WHERE me.id = k.id AND me.deleted_at IS NULL
    ORDER BY gap DESC NULLS LAST, theirs.id
    LIMIT $3::int) c
  ORDER BY k.id, c.gap DESC NULLS LAST, c.other`;

/** The figures that conflict with a statement's own, batched over the statements of a page. */
export async function conflictingFigures(context: Context, statementId: string, withinDays: number, first: number): Promise<FigureConflict[]> {
  const loader = context.loaders.get(`conflicts:${withinDays}:${first}`, () =>
    new DataLoader<string, ConflictRow[]>(async (ids) => {
      const rows = await context.sql.query<ConflictRow>(conflictsSql(context.loaders.dataSource), [ids, withinDays, first]);
      return ids.map((id) => rows.filter((row) => row.parent === id));
    }),
  );
  const rows = await loader.load(statementId);
  return rows.map((row) =>
    Object.assign(new FigureConflict(), {
      figure: hydrate(Quantity, row.figureRow), other: hydrate(Quantity, row.otherRow),
      gap: Number(row.gap.toPrecision(12)), linked: row.linked, otherStatementId: row.otherStatementId,
    }),
  );
}
