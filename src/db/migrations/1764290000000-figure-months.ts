import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A comparison's spreads count every figure of a measure in its date range by kind, with the
 * lowest and highest bound per day: 4,037 figures for the benchmark's busiest measure in a
 * year, about 70 % of compare-figures' PostgreSQL time. `figure_month` keeps that count and
 * those bounds per measure, kind and month of the statement's first day, over the figures a
 * comparison sees (not deleted, statement live, a rate); a comparison reads the months wholly
 * inside its range from it, and counts only the figures of the months at its ends
 * (figure-comparison.service.ts).
 *
 * - Triggers on quantity keep it, once per statement (COPY and imports too). New figures are
 *   added to their months' counts and bounds in one upsert, which concurrent writers apply in
 *   turn; a month never has to be read again to add to it. A figure updated or deleted may
 *   have been its month's lowest or highest, so the months it leaves and enters are locked in
 *   one order, then counted again from quantity: under READ COMMITTED each count is taken after
 *   the lock, so it sees every write committed before it. Every change to a figure's statement
 *   (its dates, its deletion) reaches quantity through the triggers of 1764240000000 and
 *   1764250000000, so it is seen here as an update of quantity.
 * - A month whose figures are all gone keeps its row, with 0 figures: a row is never deleted
 *   under a concurrent writer. TRUNCATE of quantity empties it.
 * - It is derived data: never written by the application, not exported, rebuilt by this
 *   migration from quantity.
 */
export class FigureMonths1764290000000 implements MigrationInterface {
  name = 'FigureMonths1764290000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE figure_month (
        measure_id uuid NOT NULL,
        month date NOT NULL,
        kind text NOT NULL,
        figures integer NOT NULL,
        low numeric,
        high numeric,
        PRIMARY KEY (measure_id, month, kind)
      );
      COMMENT ON TABLE figure_month IS 'Derived from quantity by triggers (migration 1764290000000): per measure, month of stated_on and kind, the live rates and their lowest and highest bound per day.';

      INSERT INTO figure_month (measure_id, month, kind, figures, low, high)
        SELECT q.measure_id, date_trunc('month', q.stated_on)::date, q.kind, count(*), min(q.per_day_low), max(q.per_day_high)
        FROM quantity q WHERE q.deleted_at IS NULL AND q.statement_live AND q.per_day IS NOT NULL
        GROUP BY 1, 2, 3;

      CREATE FUNCTION claimgraph_figure_months_count(measures uuid[], months date[], kinds text[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO figure_month (measure_id, month, kind, figures)
          SELECT b.measure_id, b.month, b.kind, 0 FROM unnest(measures, months, kinds) AS b(measure_id, month, kind)
          ORDER BY 1, 2, 3
          ON CONFLICT DO NOTHING;
        PERFORM 1 FROM figure_month f JOIN unnest(measures, months, kinds) AS b(measure_id, month, kind) USING (measure_id, month, kind)
          ORDER BY f.measure_id, f.month, f.kind
          FOR UPDATE OF f;
        UPDATE figure_month f SET figures = c.figures, low = c.low, high = c.high
          FROM unnest(measures, months, kinds) AS b(measure_id, month, kind)
          CROSS JOIN LATERAL (
            SELECT count(*)::integer AS figures, min(q.per_day_low) AS low, max(q.per_day_high) AS high
            FROM quantity q
            WHERE q.measure_id = b.measure_id AND q.kind = b.kind AND q.stated_on >= b.month AND q.stated_on < (b.month + interval '1 month')::date
              AND q.deleted_at IS NULL AND q.statement_live AND q.per_day IS NOT NULL) c
          WHERE f.measure_id = b.measure_id AND f.month = b.month AND f.kind = b.kind;
      END $$;

      CREATE FUNCTION claimgraph_figure_months_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        measures uuid[];
        months date[];
        kinds text[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- New figures only add to their months: one upsert, whoever else is adding to them.
          INSERT INTO figure_month AS f (measure_id, month, kind, figures, low, high)
            SELECT n.measure_id, date_trunc('month', n.stated_on)::date, n.kind, count(*), min(n.per_day_low), max(n.per_day_high)
            FROM new_figures n WHERE n.deleted_at IS NULL AND n.statement_live AND n.per_day IS NOT NULL
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (measure_id, month, kind) DO UPDATE
              SET figures = f.figures + excluded.figures, low = least(f.low, excluded.low), high = greatest(f.high, excluded.high);
          RETURN NULL;
        END IF;
        IF TG_OP = 'DELETE' THEN
          SELECT array_agg(b.measure_id), array_agg(b.month), array_agg(b.kind) INTO measures, months, kinds
          FROM (SELECT DISTINCT o.measure_id, date_trunc('month', o.stated_on)::date AS month, o.kind FROM old_figures o
            WHERE o.deleted_at IS NULL AND o.statement_live AND o.per_day IS NOT NULL) b;
        ELSE
          -- The old and new months of the figures whose place or values in them changed.
          WITH changed AS (
            SELECT o.measure_id AS old_measure, date_trunc('month', o.stated_on)::date AS old_month, o.kind AS old_kind,
              n.measure_id AS new_measure, date_trunc('month', n.stated_on)::date AS new_month, n.kind AS new_kind
            FROM old_figures o JOIN new_figures n USING (id)
            WHERE ROW(o.measure_id, o.stated_on, o.kind, o.deleted_at IS NULL AND o.statement_live AND o.per_day IS NOT NULL, o.per_day_low, o.per_day_high)
              IS DISTINCT FROM ROW(n.measure_id, n.stated_on, n.kind, n.deleted_at IS NULL AND n.statement_live AND n.per_day IS NOT NULL, n.per_day_low, n.per_day_high))
          SELECT array_agg(b.measure_id), array_agg(b.month), array_agg(b.kind) INTO measures, months, kinds
          FROM (SELECT old_measure, old_month, old_kind FROM changed UNION SELECT new_measure, new_month, new_kind FROM changed) AS b(measure_id, month, kind);
        END IF;
        -- A figure gone may have been its month's lowest or highest: those months are counted again.
        IF measures IS NOT NULL THEN PERFORM claimgraph_figure_months_count(measures, months, kinds); END IF;
        RETURN NULL;
      END $$;

      CREATE TRIGGER figure_months_inserted AFTER INSERT ON quantity REFERENCING NEW TABLE AS new_figures
        FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_figure_months_changed();
      CREATE TRIGGER figure_months_updated AFTER UPDATE ON quantity REFERENCING OLD TABLE AS old_figures NEW TABLE AS new_figures
        FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_figure_months_changed();
      CREATE TRIGGER figure_months_deleted AFTER DELETE ON quantity REFERENCING OLD TABLE AS old_figures
        FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_figure_months_changed();

      CREATE FUNCTION claimgraph_figure_months_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM figure_month;
        RETURN NULL;
      END $$;
      CREATE TRIGGER figure_months_truncated AFTER TRUNCATE ON quantity
        FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_figure_months_truncated();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER figure_months_truncated ON quantity;
      DROP TRIGGER figure_months_deleted ON quantity;
      DROP TRIGGER figure_months_updated ON quantity;
      DROP TRIGGER figure_months_inserted ON quantity;
      DROP FUNCTION claimgraph_figure_months_truncated(), claimgraph_figure_months_changed(), claimgraph_figure_months_count(uuid[], date[], text[]);
      DROP TABLE figure_month;
    `);
  }
}
