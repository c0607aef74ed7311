import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PoolClient } from 'pg';
import { SEED_IDS } from '../src/seed/seed-data';
import { startTestApp, type TestApp } from './support/test-app';

/** figure_month as kept by the triggers, and as counted again from quantity: both must agree. */
const KEPT = `SELECT measure_id, month::text, kind, figures, low::text, high::text FROM figure_month WHERE figures > 0 ORDER BY 1, 2, 3`;
const RECOUNTED = `
  SELECT measure_id, date_trunc('month', stated_on)::date::text AS month, kind, count(*)::int AS figures, min(per_day_low)::text AS low, max(per_day_high)::text AS high
  FROM quantity WHERE deleted_at IS NULL AND statement_live AND per_day IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

/** The spreads by kind, counted figure by figure over the comparison's date range. */
const EXACT = `
  SELECT kind, count(*)::int AS count, min(per_day_low)::float8 AS low, max(per_day_high)::float8 AS high FROM quantity
  WHERE measure_id = $1 AND deleted_at IS NULL AND statement_live AND per_day IS NOT NULL
    AND ($2::date IS NULL OR stated_until >= $2::date) AND ($3::date IS NULL OR stated_on <= $3::date)
  GROUP BY kind ORDER BY kind`;

const SPREADS = `query ($from: LocalDate, $to: LocalDate) {
  compareFigures(measure: "russian-military-deaths", per: DAY, from: $from, to: $to) { spreads { kind count lowest highest } figures { totalCount } }
}`;

describe('figure_month, the counts per month that comparisons read', () => {
  let api: TestApp;
  const sql = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await api.app.database.pool.query<T>(text, values)).rows;
  const assertKept = async (step: string) => assert.deepEqual(await sql(KEPT), await sql(RECOUNTED), step);

  before(async () => {
    api = await startTestApp({ seed: true });
  });
  after(() => api.close());

  it('stays equal to a count of quantity through every kind of write', async () => {
    await assertKept('seeded');
    const statement = SEED_IDS.statement(8);
    await sql(`UPDATE statement SET stated_on = '2025-11-20', stated_precision = 'DAY' WHERE id = $1`, [statement]);
    await assertKept('statement moved to another month');
    await sql(
      `INSERT INTO quantity (statement_id, measure_id, position, value, lower, upper, unit, period, kind)
       VALUES ($1, $2, 20, 1000, NULL, NULL, 'soldiers', 'DAY', 'ESTIMATE'), ($1, $2, 21, NULL, 10, 90, 'soldiers', 'WEEK', 'TARGET'), ($1, $2, 22, 5, NULL, NULL, 'soldiers', 'YEAR', 'ESTIMATE')`,
      [statement, SEED_IDS.deaths],
    );
    await assertKept('three figures inserted in one statement');
    await sql(`UPDATE quantity SET value = 1 WHERE statement_id = $1 AND position = 20`, [statement]);
    await assertKept("a figure's value lowered");
    await sql(`UPDATE quantity SET kind = 'PROJECTION' WHERE statement_id = $1 AND position = 22`, [statement]);
    await assertKept("a figure's kind changed");
    await sql(`UPDATE statement SET deleted_at = now() WHERE id = $1`, [statement]);
    await assertKept('statement deleted');
    await sql(`UPDATE statement SET deleted_at = NULL WHERE id = $1`, [statement]);
    await assertKept('statement restored');
    await sql(`UPDATE quantity SET deleted_at = now() WHERE statement_id = $1 AND position = 21`, [statement]);
    await assertKept('a figure deleted');
    await sql(`DELETE FROM quantity WHERE statement_id = $1 AND position IN (20, 22)`, [statement]);
    await assertKept('figures removed for good');
    await sql(`UPDATE quantity SET unit = 'people' WHERE statement_id = $1`, [statement]);
    await assertKept('a change that moves no figure');
  });

  it('loses no figure to concurrent writers of one month', async () => {
    const [first, second] = [await api.app.database.pool.connect(), await api.app.database.pool.connect()];
    const month = `SELECT f.figures FROM figure_month f JOIN statement s ON date_trunc('month', s.stated_on) = f.month
      WHERE s.id = $1 AND f.measure_id = $2 AND f.kind = 'ESTIMATE'`;
    const estimatesInMonth = async () => (await sql<{ figures: number }>(month, [SEED_IDS.statement(5), SEED_IDS.deaths]))[0].figures;
    const insert = (client: PoolClient, position: number, value: number) =>
      client.query(
        `INSERT INTO quantity (statement_id, measure_id, position, value, unit, period, kind) VALUES ($1, $2, $3, $4, 'soldiers', 'MONTH', 'ESTIMATE')`,
        [SEED_IDS.statement(5), SEED_IDS.deaths, position, value],
      );
    const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
    try {
      // Two writers adding to one month: the second one's upsert waits for the first one's.
      const before = await estimatesInMonth();
      await first.query('BEGIN');
      await second.query('BEGIN');
      await insert(first, 30, 1);
      const adding = insert(second, 31, 99_000_000);
      await pause();
      await first.query('COMMIT');
      await adding;
      await second.query('COMMIT');
      await assertKept('two writers adding to one month');
      assert.equal(await estimatesInMonth(), before + 2);

      // A writer removing a figure counts its month again. Here the other writer holds the month
      // (as its own trigger would) before the count starts, and adds a figure before it commits:
      // the count must wait for that commit, or it would miss the figure added.
      await second.query('BEGIN');
      await second.query(`${month} FOR UPDATE OF f`, [SEED_IDS.statement(5), SEED_IDS.deaths]);
      await first.query('BEGIN');
      const removing = first.query('UPDATE quantity SET deleted_at = now() WHERE statement_id = $1 AND position = 30', [SEED_IDS.statement(5)]);
      await pause();
      await insert(second, 32, 5);
      await second.query('COMMIT');
      await removing;
      await first.query('COMMIT');
      await assertKept('one writer removing, one adding');
      assert.equal(await estimatesInMonth(), before + 2);
    } finally {
      first.release();
      second.release();
    }
  });

  it('gives the spreads a count figure by figure gives, for whole months, parts of months and open ends', async () => {
    // Figures on days that sit on and around month ends, and a week and a month that straddle them.
    const dates: Array<[number, string, string]> = [
      [5, '2025-10-31', 'DAY'], [6, '2025-11-01', 'DAY'], [7, '2025-12-29', 'WEEK'], [8, '2026-02-01', 'MONTH'],
    ];
    for (const [n, day, precision] of dates) await sql(`UPDATE statement SET stated_on = $2, stated_precision = $3 WHERE id = $1`, [SEED_IDS.statement(n), day, precision]);
    await assertKept('dates spread over months');
    const ranges: Array<[string | null, string | null]> = [
      [null, null], ['2025-11-01', null], [null, '2025-11-30'], ['2025-11-01', '2025-11-30'], ['2025-11-02', '2025-11-29'],
      ['2025-10-31', '2025-12-01'], ['2025-12-01', '2026-01-31'], ['2025-12-02', '2026-02-28'], ['2024-01-01', '2026-12-31'], ['2026-01-01', '2026-01-31'], ['2026-02-15', '2026-02-15'],
    ];
    for (const [from, to] of ranges) {
      const response = await api.gql(SPREADS, { from, to });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      const exact = await sql<{ kind: string; count: number; low: number | null; high: number | null }>(EXACT, [SEED_IDS.deaths, from, to]);
      const round = (n: number | null) => (n === null ? null : Number(n.toPrecision(12)));
      const expected = exact
        .map(({ kind, count, low, high }) => ({ kind, count, lowest: round(low), highest: round(high) }))
        .sort((a, b) => ['ESTIMATE', 'TARGET', 'HISTORICAL', 'PROJECTION'].indexOf(a.kind) - ['ESTIMATE', 'TARGET', 'HISTORICAL', 'PROJECTION'].indexOf(b.kind));
      assert.deepEqual(response.data.compareFigures.spreads, expected, `${from}..${to}`);
      assert.equal(response.data.compareFigures.figures.totalCount, exact.reduce((sum, row) => sum + row.count, 0), `${from}..${to}`);
    }
  });

  it('is emptied with quantity', async () => {
    await sql('TRUNCATE quantity');
    assert.deepEqual(await sql('SELECT * FROM figure_month'), []);
  });
});
