import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { types } from 'pg';
import { parseTimestamptz } from '../src/db/timestamp';
import { createTestDatabase } from './support/test-database';

const VALUES = [
  '2026-11-27 00:47:14.355123+00',
  '2026-11-27 00:47:14+00',
  '2025-01-01 10:00:00.5+00',
  '2024-02-29 23:59:59.999999+00',
  '1900-01-01 00:00:00+00',
  '0050-06-01 12:00:00+00',
  '0044-03-15 12:00:00+00 BC',
  '12026-01-01 00:00:00+00',
  'infinity',
  '-infinity',
];

/** The fast timestamptz parser agrees with PostgreSQL itself and with pg's own parser, in any session time zone. */
describe('timestamps as PostgreSQL writes them', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  for (const zone of ['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Europe/Amsterdam']) {
    it(`read in time zone ${zone}`, async () => {
      const client = await database.pool.connect();
      try {
        await client.query(`SET TimeZone = '${zone}'`);
        const { rows } = await client.query<{ text: string; millis: string }>(
          `SELECT v::timestamptz::text AS text, (extract(epoch FROM v::timestamptz) * 1000)::text AS millis FROM unnest($1::text[]) v`,
          [VALUES],
        );
        const pgParser = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date | number;
        for (const { text, millis } of rows) {
          const parsed = parseTimestamptz(text);
          const expected = millis === 'Infinity' || millis === '-Infinity' ? Number(millis) : Math.floor(Number(millis)); // a Date keeps whole milliseconds, dropping the rest
          assert.equal(parsed instanceof Date ? parsed.getTime() : parsed, expected, `${text} in ${zone}`);
          const theirs = pgParser(text);
          assert.equal(parsed instanceof Date ? parsed.getTime() : parsed, theirs instanceof Date ? theirs.getTime() : theirs, `${text}: as pg parses it`);
        }
        assert.equal(rows.length, VALUES.length);
      } finally {
        await client.query('RESET TimeZone');
        client.release();
      }
    });
  }
});
