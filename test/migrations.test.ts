import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrations } from '../src/db/data-source';
import { DAYS_IN, TimeUnit } from '../src/domain/quantity/time-unit';
import { Client } from 'pg';
import { withDatabase } from '../src/db/admin';
import { adminUrl, createTestDatabase } from './support/test-database';

describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  it('go down, one by one, to an empty schema and up again to the same one', async () => {
    const tables = async () =>
      (await database.dataSource.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).map(
        (row: { table_name: string }) => row.table_name,
      );
    const columns = async () => (await database.dataSource.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public'"))[0].n;
    const indexes = async () => (await database.dataSource.query("SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'public'"))[0].n;
    const migrated = { tables: await tables(), columns: await columns(), indexes: await indexes() };
    assert.ok(migrated.tables.includes('statement') && migrated.tables.includes('revision'));
    for (let step = 0; step < migrations.length; step += 1) await database.dataSource.undoLastMigration();
    assert.deepEqual(await tables(), ['migrations']);
    await database.dataSource.runMigrations();
    assert.deepEqual({ tables: await tables(), columns: await columns(), indexes: await indexes() }, migrated);
  });

  it('run without the statement timeout that bounds requests', async () => {
    // A 10 ms limit cancels the first migration if it applies to them (checked: it does when the
    // migrations' connection takes the limit), yet not the connection's own start-up queries,
    // as 1 ms could on a busy machine; requests on the same database are still cancelled.
    const limited = await createTestDatabase({ statementTimeoutMs: 10 });
    try {
      // Counted on a connection of its own: under the limit even this count may be cancelled.
      const unlimited = new Client({ connectionString: withDatabase(adminUrl(), limited.name) });
      await unlimited.connect();
      try {
        const { rows: [applied] } = await unlimited.query('SELECT count(*)::int AS n FROM migrations');
        assert.equal(applied.n, migrations.length);
      } finally {
        await unlimited.end();
      }
      await assert.rejects(limited.pool.query('SELECT pg_sleep(0.05)'), /statement timeout/);
    } finally {
      await limited.drop();
    }
  });

  it('let pg_restore create the tables: SQL functions name the schema of what they use', async () => {
    // pg_restore runs with an empty search_path and inlines the SQL functions of a generated
    // column as it creates the table, as here the speaker table's.
    const [{ schema }] = await database.dataSource.query('SELECT quote_ident(current_schema()) AS schema');
    const restoring = new Client({ connectionString: withDatabase(adminUrl(), database.name) });
    await restoring.connect();
    try {
      await restoring.query("SELECT pg_catalog.set_config('search_path', '', false)");
      await restoring.query(
        `CREATE TEMP TABLE restored (name text, aliases text[], name_search text GENERATED ALWAYS AS (${schema}.claimgraph_speaker_names(name, aliases)) STORED)`,
      );
      await restoring.query("INSERT INTO pg_temp.restored (name, aliases) VALUES ('Oleksandr Syrskyi', ARRAY['Sirsky', 'Сирський'])");
      const { rows: [row] } = await restoring.query('SELECT name_search FROM pg_temp.restored');
      assert.equal(row.name_search, 'oleksandr syrskyi sirsky сирський');
      const { rows: [document] } = await restoring.query(`SELECT ${schema}.claimgraph_statement_document(NULL, 'Ceasefire talks', 'en')::text AS words`);
      assert.equal(document.words, "'ceasefir':1A 'talk':2A");
    } finally {
      await restoring.end();
    }
    const unqualified = await database.dataSource.query(
      `SELECT p.proname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
       WHERE l.lanname = 'sql' AND p.pronamespace = current_schema()::regnamespace AND p.prosrc ~ '(^|[^.[:alnum:]_])(claimgraph_|appearance|statement |speaker |quantity )'`,
    );
    assert.deepEqual(unqualified, []);
  });

  it('the database counts the same days in a unit as the code', async () => {
    for (const unit of Object.values(TimeUnit)) {
      const [row] = await database.dataSource.query('SELECT claimgraph_days_in($1)::float AS days', [unit]);
      assert.equal(row.days, DAYS_IN[unit], unit);
    }
  });

  it('put a plain index behind every foreign key', async () => {
    // An index leading with the key's first column serves it: the composite keys that pin a
    // role's or review's organization add only its constant kind.
    const unindexed = await database.dataSource.query(`
      SELECT c.conrelid::regclass::text AS "table", c.conname AS "constraint"
      FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND NOT EXISTS (
        SELECT 1 FROM pg_index i
        WHERE i.indrelid = c.conrelid AND i.indpred IS NULL
          AND (i.indkey::int2[])[0] = c.conkey[1])
      ORDER BY 1, 2`);
    assert.deepEqual(unindexed, []);
  });

  it('refuse rows that break the rules', async () => {
    const refused = async (sql: string) => assert.rejects(database.dataSource.query(sql));
    await database.dataSource.query("INSERT INTO speaker (id, kind, name) VALUES ('00000000-0000-4000-8000-000000000001', 'PERSON', 'P'), ('00000000-0000-4000-8000-000000000002', 'ORGANIZATION', 'O')");
    // A role must be held in an ORGANIZATION.
    await refused("INSERT INTO role (speaker_id, organization_id, title) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'x')");
    await database.dataSource.query("INSERT INTO role (speaker_id, organization_id, title) VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'x')");
    // A MONTH date must be the first of its month.
    await refused("INSERT INTO statement (text, mode, speaker_id, stated_on, stated_precision) VALUES ('t', 'PARAPHRASE', '00000000-0000-4000-8000-000000000001', '2025-12-05', 'MONTH')");
    await refused("INSERT INTO statement (text, mode, speaker_id, stated_on, stated_precision) VALUES ('t', 'SHOUTED', '00000000-0000-4000-8000-000000000001', '2025-12-05', 'DAY')");
    await database.dataSource.query("INSERT INTO statement (id, text, mode, speaker_id, stated_on, stated_precision) VALUES ('00000000-0000-4000-8000-000000000003', 't', 'PARAPHRASE', '00000000-0000-4000-8000-000000000001', '2025-12-01', 'MONTH')");
    const [statement] = await database.dataSource.query("SELECT stated_until FROM statement WHERE id = '00000000-0000-4000-8000-000000000003'");
    assert.equal(statement.stated_until, '2025-12-31');
    await database.dataSource.query("INSERT INTO measure (id, slug, label, unit) VALUES ('00000000-0000-4000-8000-000000000004', 'm', 'M', 'u')");
    const quantity = (columns: string, values: string) =>
      `INSERT INTO quantity (statement_id, measure_id, position, unit, kind, ${columns}) VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', 1, 'u', 'ESTIMATE', ${values})`;
    await refused(quantity('period, lower, upper', "'MONTH', 10, 5"));
    await refused(quantity('period, value, lower, upper', "'MONTH', 50, 10, 20"));
    await refused(quantity('period', "'MONTH'"));
    await refused(quantity('period, value, span_length, span_unit', "'MONTH', 5, 9, 'YEAR'"));
    await refused("INSERT INTO source (url, title) VALUES ('ftp://x', 't')");
  });
});
