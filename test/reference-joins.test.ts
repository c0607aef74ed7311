import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { encodeGlobalId } from '../src/graphql/global-id';
import { fixtureId, loadFixture } from './support/fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A page reads the to-one fields selected on its nodes (statement.speaker, quantity.statement
 * and so on) in its own statement, so they cost no round trip; and reads are prepared once
 * per connection.
 */
describe('to-one fields read with their page', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false });
    await loadFixture(api.app.database, 40);
  });
  after(() => api.close());

  const speaker3 = encodeGlobalId('Speaker', fixtureId(1, 3));

  it('reads speaker and event with the statements, in one statement', async () => {
    const result = await api.gql(
      `query ($speaker: ID) { statements(first: 3, filter: { speaker: $speaker }) { nodes { text speaker { name } event { title } } } }`,
      { speaker: speaker3 },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data.statements.nodes, [
      { text: 'Fixture statement 22', speaker: { name: 'Speaker 003' }, event: { title: 'Briefing 23' } },
      { text: 'Fixture statement 2', speaker: { name: 'Speaker 003' }, event: { title: 'Briefing 3' } },
    ]);
    assert.equal(result.extensions!.sql!.statements, 1);
  });

  it('follows fragments, aliases and edges, and chains of to-one fields', async () => {
    const result = await api.gql(`
      query {
        measure(slug: "measure-2") {
          quantities(first: 2) { edges { node { ...Figure } } }
        }
      }
      fragment Figure on Quantity { value claim: statement { text who: speaker { name } } }`);
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data.measure.quantities.edges, [
      { node: { value: 1040, claim: { text: 'Fixture statement 40', who: { name: 'Speaker 001' } } } },
      { node: { value: 1037, claim: { text: 'Fixture statement 37', who: { name: 'Speaker 018' } } } },
    ]);
    // The measure with its figures, their statements and speakers (see test/nested-lists.test.ts).
    assert.equal(result.extensions!.sql!.statements, 1);
  });

  it("reads the role held then with the organization it is in, in the page's statement", async () => {
    const result = await api.gql(`{
      measure(slug: "measure-2") { quantities(first: 2) { nodes { statement { speakerRole { title organization { name } } } } } }
    }`);
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data.measure.quantities.nodes, [
      { statement: { speakerRole: { title: 'Official 1', organization: { name: 'Fixture Ministry' } } } },
      { statement: { speakerRole: { title: 'Official 18', organization: { name: 'Fixture Ministry' } } } },
    ]);
    // The measure with its figures, their statements, the roles held then and their organizations.
    assert.equal(result.extensions!.sql!.statements, 1);
  });

  it('reads the role held then as it reads on its own: the latest-starting one, none before the first, none once deleted', async () => {
    const db = api.app.database.pool;
    // Speaker 5 took a second role on 2024-01-10, between its statements 4 (2024-01-05) and 24 (2024-01-25).
    await db.query("INSERT INTO role (id, speaker_id, organization_id, title, started_on) VALUES ($1, $2, $3, 'Minister 5', '2024-01-10')", [fixtureId(2, 105), fixtureId(1, 5), fixtureId(1, 0)]);
    await db.query("INSERT INTO role (id, speaker_id, organization_id, title, started_on, ended_on) VALUES ($1, $2, $3, 'Intern 6', '2019-01-01', '2019-12-31')", [fixtureId(2, 106), fixtureId(1, 6), fixtureId(1, 0)]);
    await db.query('UPDATE role SET deleted_at = now() WHERE id = $1', [fixtureId(2, 6)]);
    try {
      const speakers = [5, 6, 7].map((n) => encodeGlobalId('Speaker', fixtureId(1, n)));
      const listed = await api.gql(`query ($speakers: [ID!]!) { speakers: nodes(ids: $speakers) { ... on Speaker { statements(first: 2) { nodes { id speakerRole { title organization { name } } } } } } }`, { speakers });
      assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
      const nodes = listed.data.speakers.flatMap((speaker: { statements: { nodes: unknown[] } }) => speaker.statements.nodes);
      // The same statements looked up by global id through node(), whose role is read on its own.
      const alone = await api.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Statement { id speakerRole { title organization { name } } } } }`, {
        ids: nodes.map((node: { id: string }) => node.id),
      });
      assert.equal(alone.errors, undefined, JSON.stringify(alone.errors));
      assert.deepEqual(nodes, alone.data.nodes);
      const titles = nodes.map((node: { speakerRole: { title: string } | null }) => node.speakerRole?.title ?? null);
      assert.deepEqual(titles, ['Minister 5', 'Official 5', null, null, 'Official 7', 'Official 7']);
    } finally {
      await db.query('DELETE FROM role WHERE id = ANY($1::uuid[])', [[fixtureId(2, 105), fixtureId(2, 106)]]);
      await db.query('UPDATE role SET deleted_at = NULL WHERE id = $1', [fixtureId(2, 6)]);
    }
  });

  it('reports a soft-deleted speaker read with the page as a lookup by id reports it', async () => {
    const speaker = fixtureId(1, 9);
    await api.app.database.pool.query('UPDATE speaker SET deleted_at = now() WHERE id = $1', [speaker]);
    try {
      const statement = encodeGlobalId('Statement', fixtureId(6, 8));
      const listed = await api.gql(`query ($speaker: ID) { statements(first: 1, filter: { speaker: $speaker }) { nodes { id speaker { name } } } }`, {
        speaker: encodeGlobalId('Speaker', speaker),
      });
      const alone = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Statement { id speaker { name } } } }`, { id: statement });
      // The null runs up to the nearest nullable field: the root for the list, node() for the lookup.
      assert.equal(listed.data, null);
      assert.deepEqual(alone.data, { node: null });
      assert.equal(listed.errors?.[0]?.message, 'Cannot return null for non-nullable field Statement.speaker.');
      assert.equal(alone.errors?.[0]?.message, listed.errors?.[0]?.message);
    } finally {
      await api.app.database.pool.query('UPDATE speaker SET deleted_at = NULL WHERE id = $1', [speaker]);
    }
  });

  it('reads a soft-deleted event as null, as a lookup by id does', async () => {
    const statement = fixtureId(6, 5);
    await api.app.database.pool.query("UPDATE event SET deleted_at = now() WHERE id = (SELECT event_id FROM statement WHERE id = $1)", [statement]);
    try {
      const listed = await api.gql(`query ($speaker: ID) { statements(first: 40, filter: { speaker: $speaker }) { nodes { id event { title } } } }`, {
        speaker: encodeGlobalId('Speaker', fixtureId(1, 6)),
      });
      const alone = await api.gql(`query ($id: ID!) { statement(id: $id) { event { title } } }`, { id: encodeGlobalId('Statement', statement) });
      assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
      const node = listed.data.statements.nodes.find((each: { id: string }) => each.id === encodeGlobalId('Statement', statement));
      assert.deepEqual(node.event, null);
      assert.deepEqual(alone.data, { statement: { event: null } });
    } finally {
      await api.app.database.pool.query("UPDATE event SET deleted_at = NULL WHERE id = (SELECT event_id FROM statement WHERE id = $1)", [statement]);
    }
  });
});

describe('prepared statements', () => {
  const query = `{ statements(first: 2) { nodes { text speaker { name } } } }`;
  const preparedTexts = async (api: TestApp) =>
    (await api.app.database.readPool.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'cg\\_%' ORDER BY name")).rows.map((row) => row.statement);
  const prepared = async (api: TestApp) => (await preparedTexts(api)).length;
  const planCacheMode = async (api: TestApp) => (await api.app.database.readPool.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0].plan_cache_mode;

  it('prepares each read once per connection, planned once (force_generic_plan)', async () => {
    const api = await startTestApp({ seed: true, database: { poolSize: 1 } });
    try {
      const first = await api.gql(query);
      const again = await api.gql(query);
      assert.deepEqual(again.data, first.data);
      assert.equal(first.data.statements.nodes.length, 2);
      assert.equal(await prepared(api), 1);
      assert.equal(await planCacheMode(api), 'force_generic_plan');
    } finally {
      await api.close();
    }
  });

  it('reads a search with its speakers in one statement, under the sessions\' generic plans', async () => {
    const api = await startTestApp({ seed: true, database: { poolSize: 1 } });
    try {
      const result = await api.gql(`{ searchStatements(query: "soldiers", first: 3) { edges { node { id speaker { name } } } } }`);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      assert.equal(result.extensions!.sql!.statements, 1);
      const hits: Array<{ node: { id: string; speaker: { name: string } } }> = result.data.searchStatements.edges;
      assert.equal(hits.length, 3);
      // Each hit's speaker is the one its statement names when looked up alone.
      for (const { node } of hits) {
        const alone = await api.gql(`query ($id: ID!) { statement(id: $id) { speaker { name } } }`, { id: node.id });
        assert.equal(node.speaker.name, alone.data.statement.speaker.name);
      }
      assert.equal(await planCacheMode(api), 'force_generic_plan');
    } finally {
      await api.close();
    }
  });

  it("prepares a write's statements and its key check once per connection too, and not BEGIN or COMMIT", async () => {
    const api = await startTestApp({ seed: true, database: { poolSize: 1 } });
    try {
      const { secret } = await createApiKey(api.app.database.pool, 'writer', ApiRole.EDITOR);
      const write = (text: string) => api.gql(
        `mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { statement { text speaker { name } } } }`,
        { input: { text, mode: 'PARAPHRASE', speaker: { name: 'Mark Rutte' }, stated: { date: '2026-02-03', precision: 'DAY' } } },
        { key: secret },
      );
      const first = await write('Prepared once.');
      assert.equal(first.errors, undefined, JSON.stringify(first.errors));
      assert.deepEqual(first.data.recordStatement.statement, { text: 'Prepared once.', speaker: { name: 'Mark Rutte' } });
      const afterFirst = await preparedTexts(api);
      const second = await write('Then only executed.');
      assert.deepEqual(second.data.recordStatement.statement, { text: 'Then only executed.', speaker: { name: 'Mark Rutte' } });
      // The key kept since the first: one statement fewer.
      assert.equal(second.extensions!.sql!.statements, first.extensions!.sql!.statements - 1);
      assert.deepEqual(await preparedTexts(api), afterFirst);
      // The key check, the references' look-up with the insert and its revisions, and the read-back.
      for (const start of ['SELECT name, role FROM api_key', 'WITH refs AS (SELECT (SELECT speaker_id FROM speaker_name_key', 'SELECT k.ord']) {
        assert.equal(afterFirst.filter((text) => text.startsWith(start)).length, 1, start);
      }
      assert.equal(afterFirst.length, 3, JSON.stringify(afterFirst));
      assert.equal(afterFirst.some((text) => /^(START TRANSACTION|BEGIN|COMMIT)/.test(text)), false);
      const { rows } = await api.app.database.pool.query('SELECT text FROM statement WHERE text = ANY($1) ORDER BY text', [['Prepared once.', 'Then only executed.']]);
      assert.deepEqual(rows.map((row) => row.text), ['Prepared once.', 'Then only executed.']);
    } finally {
      await api.close();
    }
  });

  it('prepares nothing with DB_PREPARED_STATEMENTS off, a write and its key check included', async () => {
    const api = await startTestApp({ seed: true, database: { poolSize: 1, preparedStatements: false } });
    try {
      const result = await api.gql(query);
      assert.equal(result.data.statements.nodes.length, 2);
      const { secret } = await createApiKey(api.app.database.pool, 'writer', ApiRole.EDITOR);
      const write = await api.gql(
        `mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { statement { text } } }`,
        { input: { text: 'Not prepared.', mode: 'PARAPHRASE', speaker: { name: 'Mark Rutte' }, stated: { date: '2026-02-03', precision: 'DAY' } } },
        { key: secret },
      );
      assert.deepEqual(write.data.recordStatement.statement, { text: 'Not prepared.' });
      assert.equal((await api.app.database.pool.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n, 0);
      assert.equal(await planCacheMode(api), 'auto');
    } finally {
      await api.close();
    }
  });
});
