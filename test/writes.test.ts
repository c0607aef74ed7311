import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../src/db/database';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { assertGlobalIdOf, encodeGlobalId } from '../src/graphql/global-id';
import { SEED_IDS } from '../src/seed/seed-data';
import { tableCounts } from './support/table-counts';
import { startTestApp, type TestApp } from './support/test-app';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordStatementInput!, $key: String) {
    recordStatement(input: $input, idempotencyKey: $key) {
      speakerCreated sourceCreated replayed
      statement {
        id text mode status version
        stated { label precision }
        speaker { name }
        speakerRole { title }
        event { title date { label } }
        appearances { nodes { excerpt startOffset endOffset source { url title } } }
        quantities { nodes { position value lower upper kind rate(per: MONTH) { value } measure { slug } } }
        topics { nodes { slug } }
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `mutation Update($id: ID!, $input: UpdateStatementInput!) { updateStatement(id: $id, input: $input) { text status version } }`;
const DELETE = /* GraphQL */ `mutation Delete($id: ID!, $version: Int) { deleteStatement(id: $id, expectedVersion: $version) { id } }`;
const RESTORE = /* GraphQL */ `mutation Restore($id: ID!) { restoreStatement(id: $id) { text version } }`;
const READ = /* GraphQL */ `query Read($id: ID!) { statement(id: $id) { text version revisions { totalCount nodes { version action actor changes } } } }`;
const COUNT = /* GraphQL */ `query Count { statements { totalCount } }`;

/** A valid input in the shape of the reference article's statement 5, with overrides. */
function statementInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    text: 'Russia loses about 20,000 to 25,000 soldiers a month.',
    mode: 'PARAPHRASE',
    speaker: { name: 'Mark Rutte' },
    stated: { date: '2026-02-03', precision: 'DAY' },
    event: { title: 'NATO press conference', kind: 'PRESS_BRIEFING', date: { date: '2026-02-03', precision: 'DAY' }, place: 'Brussels', countryCode: 'BE' },
    source: { url: 'HTTPS://News.Example.org/rutte-feb/?utm_source=feed', title: 'Rutte repeats losses estimate', excerpt: 'about 20,000 - 25,000', startOffset: 10, endOffset: 31 },
    quantities: [{ measure: 'russian-military-deaths', lower: 20000, upper: 25000, approximate: true, unit: 'soldiers killed', period: 'MONTH', kind: 'ESTIMATE' }],
    topics: ['russian-military-losses'],
    ...overrides,
  };
}

/** The reference article's source, stored by the seed. */
const STORED_SOURCE = { url: 'https://claimgraph.example/reference/russian-losses-per-month', title: 'ignored', excerpt: 'x' };

const REFUSE_THIRD = "IF NEW.position = 3 THEN RAISE EXCEPTION 'injected failure on the third quantity'; END IF; RETURN NEW;";

/** Runs `work` with a BEFORE INSERT trigger on quantity whose PL/pgSQL body is `body`, dropped after. */
async function withQuantityTrigger(database: Database, body: string, work: () => Promise<void>): Promise<void> {
  await database.dataSource.query(`
    CREATE FUNCTION test_quantity_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$;
    CREATE TRIGGER test_quantity_trigger BEFORE INSERT ON quantity FOR EACH ROW EXECUTE FUNCTION test_quantity_trigger();`);
  try {
    await work();
  } finally {
    await database.dataSource.query('DROP TRIGGER test_quantity_trigger ON quantity; DROP FUNCTION test_quantity_trigger()');
  }
}

describe('writes', () => {
  let api: TestApp;
  const keys: Record<string, string> = {};
  before(async () => {
    api = await startTestApp({ seed: true });
    for (const role of Object.values(ApiRole)) keys[role] = (await createApiKey(api.app.database.pool, `${role.toLowerCase()}-key`, role)).secret;
  });
  after(() => api.close());

  it('recordStatement reuses the speaker by name, creates event and source, and reads back whole', async () => {
    const { data, errors } = await api.gql(RECORD, { input: statementInput() }, { key: keys.EDITOR });
    assert.equal(errors, undefined, JSON.stringify(errors));
    const recorded = data.recordStatement;
    assert.deepEqual([recorded.speakerCreated, recorded.sourceCreated, recorded.replayed], [false, true, false]);
    const statement = recorded.statement;
    assert.equal(statement.speaker.name, 'Mark Rutte');
    assert.equal(statement.speakerRole.title, 'Secretary General');
    assert.deepEqual(statement.stated, { label: '2026-02-03', precision: 'DAY' });
    assert.equal(statement.status, 'UNVERIFIED');
    assert.equal(statement.version, 1);
    assert.deepEqual(statement.event, { title: 'NATO press conference', date: { label: '2026-02-03' } });
    assert.deepEqual(statement.appearances.nodes, [
      { excerpt: 'about 20,000 - 25,000', startOffset: 10, endOffset: 31, source: { url: 'https://news.example.org/rutte-feb', title: 'Rutte repeats losses estimate' } },
    ]);
    assert.deepEqual(statement.quantities.nodes, [
      { position: 1, value: null, lower: 20000, upper: 25000, kind: 'ESTIMATE', rate: { value: 22500 }, measure: { slug: 'russian-military-deaths' } },
    ]);
    assert.deepEqual(statement.topics.nodes, [{ slug: 'russian-military-losses' }]);
    const history = await api.gql(READ, { id: statement.id });
    assert.deepEqual(history.data.statement.revisions.nodes.map((r: any) => [r.version, r.action, r.actor]), [[1, 'CREATE', 'editor-key']]);
    assert.equal(history.data.statement.revisions.nodes[0].changes.text.after, 'Russia loses about 20,000 to 25,000 soldiers a month.');
    // The rows inserted with the statement have their CREATE revisions too, naming it.
    const statementId = assertGlobalIdOf('Statement', statement.id, 'id');
    const children = await api.app.database.dataSource.query(
      `SELECT r.entity_type, r.version, r.action, r.actor, r.changes->'statement_id'->>'after' AS statement_id FROM revision r
       WHERE r.entity_id IN (SELECT id FROM appearance WHERE statement_id = $1 UNION ALL SELECT id FROM quantity WHERE statement_id = $1)
       ORDER BY r.entity_type`,
      [statementId],
    );
    assert.deepEqual(children, [
      { entity_type: 'Appearance', version: 1, action: 'CREATE', actor: 'editor-key', statement_id: statementId },
      { entity_type: 'Quantity', version: 1, action: 'CREATE', actor: 'editor-key', statement_id: statementId },
    ]);
  });

  it('records the ids a one-statement write looked up in its CREATE revisions', async () => {
    // Speaker, source, measure and topic all stored: looked up in the INSERT itself.
    const source = { ...STORED_SOURCE, excerpt: 'Looked up in the insert.' };
    // A key of its own, so that the statements the call runs are known.
    const { secret } = await createApiKey(api.app.database.pool, 'looked-up-key', ApiRole.EDITOR);
    const response = await api.gql(RECORD, { input: statementInput({ text: 'Looked up in the insert.', event: null, source }) }, { key: secret });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    // The key check, the look-ups with the INSERT, and RECORD's selection read back (three): the
    // revisions below are the one-statement path's. Had the INSERT's condition not held, the
    // transaction it falls back to would make it eight.
    assert.equal(response.extensions!.sql!.statements, 5);
    assert.deepEqual([response.data.recordStatement.speakerCreated, response.data.recordStatement.sourceCreated], [false, false]);
    const statementId = assertGlobalIdOf('Statement', response.data.recordStatement.statement.id, 'id');
    const [{ source_id: sourceId, measure_id: measureId }] = await api.app.database.dataSource.query(
      "SELECT (SELECT id FROM source WHERE url = $1) AS source_id, (SELECT id FROM measure WHERE slug = 'russian-military-deaths') AS measure_id", [source.url]);
    const revisions = await api.app.database.dataSource.query(
      `SELECT r.entity_type, r.changes FROM revision r
       WHERE r.entity_id IN (SELECT $1::uuid UNION ALL SELECT id FROM appearance WHERE statement_id = $1 UNION ALL SELECT id FROM quantity WHERE statement_id = $1)
       ORDER BY r.entity_type`,
      [statementId],
    );
    const changes = Object.fromEntries(revisions.map((revision: { entity_type: string; changes: object }) => [revision.entity_type, revision.changes]));
    assert.deepEqual(Object.keys(changes), ['Appearance', 'Quantity', 'Statement']);
    assert.deepEqual(changes.Statement.speaker_id, { before: null, after: SEED_IDS.rutte });
    assert.deepEqual(changes.Statement.event_id, { before: null, after: null });
    assert.deepEqual(changes.Statement.text, { before: null, after: 'Looked up in the insert.' });
    assert.deepEqual(changes.Appearance.source_id, { before: null, after: sourceId });
    assert.deepEqual(changes.Appearance.statement_id, { before: null, after: statementId });
    assert.deepEqual(changes.Quantity.measure_id, { before: null, after: measureId });
    assert.deepEqual(changes.Quantity.lower, { before: null, after: 20000 });
    const { rows } = await api.app.database.pool.query('SELECT t.slug FROM statement_topic st JOIN topic t ON t.id = st.topic_id WHERE st.statement_id = $1', [statementId]);
    assert.deepEqual(rows, [{ slug: 'russian-military-losses' }]);
  });

  it("counts a write's statements with the request's reads", async () => {
    // A key of its own, so that its first request looks it up (later ones find it kept).
    const { secret } = await createApiKey(api.app.database.pool, 'counted-key', ApiRole.EDITOR);
    const minimal = { text: 'Counted.', mode: 'PARAPHRASE', speaker: { name: 'Mark Rutte' }, stated: { date: '2026-02-03', precision: 'DAY' } };
    const response = await api.gql(`mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { statement { text } } }`, { input: minimal }, { key: secret });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.equal(response.data.recordStatement.statement.text, 'Counted.');
    // The API key check; the speaker found by name key in the INSERT of the statement with its
    // revision, one SQL statement with no transaction around it since nothing had to be created;
    // the statement read back.
    assert.equal(response.extensions!.sql!.statements, 3);
    // Its speaker selected too: read back with the statement; the key kept since: two.
    const withSpeaker = await api.gql(`mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { statement { text speaker { name } } } }`, { input: minimal }, { key: secret });
    assert.equal(withSpeaker.errors, undefined, JSON.stringify(withSpeaker.errors));
    assert.deepEqual(withSpeaker.data.recordStatement.statement, { text: 'Counted.', speaker: { name: 'Mark Rutte' } });
    assert.equal(withSpeaker.extensions!.sql!.statements, 2);
    // With the reference article's source, found by its URL in the same look-up, and the appearance
    // inserted with the statement, and the statement not selected (so not read back): one.
    const source = { ...STORED_SOURCE, excerpt: 'Counted.' };
    const withSource = await api.gql(`mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { sourceCreated } }`, { input: { ...minimal, source } }, { key: secret });
    assert.equal(withSource.errors, undefined, JSON.stringify(withSource.errors));
    assert.equal(withSource.data.recordStatement.sourceCreated, false);
    assert.equal(withSource.extensions!.sql!.statements, 1);
    // A new speaker to create: a transaction around it and the insert.
    const withNewSpeaker = await api.gql(`mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { speakerCreated } }`,
      { input: { ...minimal, speaker: { name: 'Counted Newcomer' } } }, { key: secret });
    assert.deepEqual(withNewSpeaker.data.recordStatement, { speakerCreated: true });
    // Look-up (which inserts nothing: the speaker is missing); START TRANSACTION; the closest
    // spelling (none close enough); the speaker; its name key; its revision; the insert; COMMIT.
    assert.equal(withNewSpeaker.extensions!.sql!.statements, 8);
    // A read with a key looked up counts its key check too; with the key kept, nothing more.
    const { secret: reader } = await createApiKey(api.app.database.pool, 'counted-reader', ApiRole.READER);
    const anonymous = await api.gql(COUNT, {});
    const firstWithKey = await api.gql(COUNT, {}, { key: reader });
    const againWithKey = await api.gql(COUNT, {}, { key: reader });
    assert.equal(firstWithKey.data.statements.totalCount, anonymous.data.statements.totalCount);
    assert.equal(againWithKey.data.statements.totalCount, anonymous.data.statements.totalCount);
    assert.equal(firstWithKey.extensions!.sql!.statements, anonymous.extensions!.sql!.statements + 1);
    assert.equal(againWithKey.extensions!.sql!.statements, anonymous.extensions!.sql!.statements);
  });

  it('matches a speaker by an alias, ignoring case and accents, and snaps a partial date to its span', async () => {
    const { data, errors } = await api.gql(
      RECORD,
      { input: statementInput({ speaker: { name: 'SÍRSKY' }, stated: { date: '2025-12-17', precision: 'MONTH' }, event: null, source: null, quantities: [], topics: [] }) },
      { key: keys.EDITOR },
    );
    assert.equal(errors, undefined, JSON.stringify(errors));
    // "Sirsky" is a recorded alias of Oleksandr Syrskyi; case and accents are folded.
    assert.equal(data.recordStatement.speakerCreated, false);
    assert.equal(data.recordStatement.statement.speaker.name, 'Oleksandr Syrskyi');
    assert.deepEqual(data.recordStatement.statement.stated, { label: '2025-12', precision: 'MONTH' });
  });

  it('refuses each class of bad input with BAD_USER_INPUT naming every field, and writes nothing', async () => {
    const before = await tableCounts(api.app.database);
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['bounds', { quantities: [{ measure: 'russian-military-deaths', value: 10, lower: 20, upper: 15, unit: 'u', period: 'MONTH' }] }, ['quantities.0.value', 'quantities.0.upper']],
      ['span', { quantities: [{ measure: 'russian-military-deaths', value: 10, unit: 'u', period: 'MONTH', spanLength: 9 }] }, ['quantities.0.spanLength']],
      ['empty figure', { quantities: [{ measure: 'russian-military-deaths', unit: 'u', period: 'DAY' }] }, ['quantities.0.value']],
      ['lengths and formats', { text: '', language: 'English', source: { url: 'ftp://x.example/a', title: 't', excerpt: 'e' } }, ['text', 'language', 'source.url']],
      ['speaker', { speaker: { id: encodeGlobalId('Speaker', SEED_IDS.rutte), name: 'Mark Rutte' } }, ['speaker.name']],
      ['unknown slugs', { quantities: [{ measure: 'no-such-measure', value: 1, unit: 'u', period: 'DAY' }], topics: ['no-such-topic'] }, ['quantities.0.measure', 'topics.0']],
      ['unknown event', { event: { id: encodeGlobalId('Event', '00000000-0000-4000-8000-000000000000') } }, ['event.id']],
      // Speaker and source stored, no event: the look-ups run in the INSERT, which must not go in.
      ['unknown measure, all else stored', { event: null, source: STORED_SOURCE, quantities: [{ measure: 'no-such-measure', value: 1, unit: 'u', period: 'DAY' }] }, ['quantities.0.measure']],
      ['unknown topic, all else stored', { event: null, source: STORED_SOURCE, topics: ['russian-military-losses', 'no-such-topic'] }, ['topics.1']],
      [
        'every unknown reference at once',
        {
          speaker: { id: encodeGlobalId('Speaker', '00000000-0000-4000-8000-000000000000') }, event: { id: encodeGlobalId('Event', '00000000-0000-4000-8000-000000000000') },
          quantities: [{ measure: 'no-such-measure', value: 1, unit: 'u', period: 'DAY' }], topics: ['no-such-topic'],
        },
        ['speaker.id', 'event.id', 'quantities.0.measure', 'topics.0'],
      ],
    ];
    for (const [name, overrides, fields] of cases) {
      const { errors } = await api.gql(RECORD, { input: statementInput(overrides) }, { key: keys.EDITOR });
      assert.equal(errors?.[0].extensions?.code, 'BAD_USER_INPUT', name);
      assert.deepEqual([...new Set(errors![0].extensions!.fields!.map((problem) => problem.field))].sort(), [...fields].sort(), name);
    }
    const invalidDate = await api.gql(RECORD, { input: statementInput({ stated: { date: '2025-02-30', precision: 'DAY' } }) }, { key: keys.EDITOR });
    assert.equal(invalidDate.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    const invalidEnum = await api.gql(RECORD, { input: statementInput({ mode: 'SHOUTED' }) }, { key: keys.EDITOR });
    assert.equal(invalidEnum.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(await tableCounts(api.app.database), before);
  });

  it('rolls back everything when the third figure fails inside the transaction', async () => {
    const database = api.app.database;
    await withQuantityTrigger(database, REFUSE_THIRD, async () => {
      const before = await tableCounts(database);
      const figure = { measure: 'russian-military-deaths', value: 1000, unit: 'soldiers killed', period: 'DAY' };
      const { errors } = await api.gql(
        RECORD,
        { input: statementInput({ speaker: { name: 'Rollback Person' }, source: { url: 'https://rollback.example/x', title: 'x', excerpt: 'x' }, quantities: [figure, figure, figure] }) },
        { key: keys.EDITOR },
      );
      assert.equal(errors?.[0].extensions?.code, 'INTERNAL_SERVER_ERROR');
      assert.deepEqual(await tableCounts(database), before);
    });
  });

  it('leaves nothing behind when a write that is one INSERT (everything it names is stored) fails in it', async () => {
    const database = api.app.database;
    // The reference article's speaker and source, no event: nothing to create, so no transaction.
    const stored = { speaker: { name: 'Mark Rutte' }, event: null, source: STORED_SOURCE };
    const figure = { measure: 'russian-military-deaths', value: 1000, unit: 'soldiers killed', period: 'DAY' };
    // A key of its own, so that the statements each attempt runs are known: the key check once,
    // then the references' look-up with the INSERT, with no START TRANSACTION or ROLLBACK.
    const { secret } = await createApiKey(database.pool, 'one-insert', ApiRole.EDITOR);
    const attempt = (quantities: unknown[]) => api.gql(RECORD, { input: statementInput({ ...stored, text: 'Never stored.', quantities }) }, { key: secret });
    await withQuantityTrigger(database, REFUSE_THIRD, async () => {
      const before = await tableCounts(database);
      const refused = await attempt([figure, figure, figure]);
      assert.equal(refused.errors?.[0].extensions?.code, 'INTERNAL_SERVER_ERROR');
      assert.equal(refused.extensions!.sql!.statements, 2, 'the key check, and the look-up with the one INSERT');
      assert.deepEqual(await tableCounts(database), before);
    });
    // A trigger that skips a row (rather than failing) leaves the rows after it nothing to follow:
    // the INSERT checks that its last row was written, and fails whole.
    await withQuantityTrigger(database, 'IF NEW.position = 2 THEN RETURN NULL; END IF; RETURN NEW;', async () => {
      const before = await tableCounts(database);
      const skipped = await attempt([figure, figure]);
      assert.equal(skipped.errors?.[0].extensions?.code, 'INTERNAL_SERVER_ERROR');
      assert.equal(skipped.extensions!.sql!.statements, 1, 'the key kept; the look-up with the one INSERT');
      assert.deepEqual(await tableCounts(database), before);
      const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM statement WHERE text = 'Never stored.'");
      assert.deepEqual(rows, [{ n: 0 }]);
    });
  });

  it('50 concurrent calls naming the same new speaker and source create exactly one of each', async () => {
    const input = statementInput({ speaker: { name: 'Jane Concurrent', aliases: ['J. Concurrent'] }, source: { url: 'https://concurrent.example/story', title: 'Story', excerpt: 'e' }, event: null });
    const results = await Promise.all(Array.from({ length: 50 }, () => api.gql(RECORD, { input }, { key: keys.EDITOR })));
    assert.deepEqual(results.filter((result) => result.errors), []);
    assert.equal(results.filter((result) => result.data.recordStatement.speakerCreated).length, 1);
    assert.equal(results.filter((result) => result.data.recordStatement.sourceCreated).length, 1);
    const [counts] = await api.app.database.dataSource.query(`
      SELECT (SELECT count(*)::int FROM speaker WHERE name = 'Jane Concurrent') AS speakers,
             (SELECT count(*)::int FROM source WHERE url = 'https://concurrent.example/story') AS sources,
             (SELECT count(*)::int FROM statement s JOIN speaker p ON p.id = s.speaker_id WHERE p.name = 'Jane Concurrent') AS statements`);
    assert.deepEqual(counts, { speakers: 1, sources: 1, statements: 50 });
  });

  it('an idempotency key makes a retry return the first result without writing again', async () => {
    const input = statementInput({ text: 'Idempotent claim.', source: null });
    const first = await api.gql(RECORD, { input, key: 'retry-1' }, { key: keys.EDITOR });
    const countAfterFirst = await tableCounts(api.app.database);
    const second = await api.gql(RECORD, { input, key: 'retry-1' }, { key: keys.EDITOR });
    assert.equal(first.data.recordStatement.replayed, false);
    assert.equal(second.data.recordStatement.replayed, true);
    assert.equal(second.data.recordStatement.statement.id, first.data.recordStatement.statement.id);
    assert.deepEqual(await tableCounts(api.app.database), countAfterFirst);
  });

  it('keeps a revision trail through create, update, delete and restore, and refuses a stale version', async () => {
    const created = await api.gql(RECORD, { input: statementInput({ text: 'Before.', source: null }) }, { key: keys.EDITOR });
    const id = created.data.recordStatement.statement.id;
    const updated = await api.gql(UPDATE, { id, input: { text: 'After.', status: 'DISPUTED', expectedVersion: 1 } }, { key: keys.EDITOR });
    assert.deepEqual(updated.data.updateStatement, { text: 'After.', status: 'DISPUTED', version: 2 });
    const stale = await api.gql(UPDATE, { id, input: { text: 'Lost update.', expectedVersion: 1 } }, { key: keys.EDITOR });
    assert.equal(stale.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(stale.errors![0].message, /version 2, not 1/);
    const deleted = await api.gql(DELETE, { id, version: 2 }, { key: keys.EDITOR });
    assert.deepEqual(deleted.data.deleteStatement, { id });
    assert.equal((await api.gql(READ, { id })).data.statement, null, 'a deleted statement is hidden');
    const restored = await api.gql(RESTORE, { id }, { key: keys.ADMIN });
    assert.deepEqual(restored.data.restoreStatement, { text: 'After.', version: 4 });
    const { data } = await api.gql(READ, { id });
    assert.deepEqual(
      data.statement.revisions.nodes.map((revision: any) => [revision.version, revision.action, revision.actor]),
      [[1, 'CREATE', 'editor-key'], [2, 'UPDATE', 'editor-key'], [3, 'DELETE', 'editor-key'], [4, 'RESTORE', 'admin-key']],
    );
    assert.deepEqual(data.statement.revisions.nodes[1].changes, { text: { before: 'Before.', after: 'After.' }, status: { before: 'UNVERIFIED', after: 'DISPUTED' } });
  });

  it('enforces the auth matrix: no key, reader, editor, admin against read, write and admin operations', async () => {
    const deletedId = (await api.gql(RECORD, { input: statementInput({ text: 'To delete.', source: null }) }, { key: keys.EDITOR })).data.recordStatement.statement.id;
    await api.gql(DELETE, { id: deletedId }, { key: keys.EDITOR });
    const outcome = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0].extensions?.code ?? 'OK';
    const matrix: Record<string, string[]> = {};
    for (const [who, key] of [['none', undefined], ['reader', keys.READER], ['editor', keys.EDITOR], ['admin', keys.ADMIN]] as const) {
      const before = await tableCounts(api.app.database);
      const read = outcome(await api.gql(COUNT, {}, { key }));
      const write = outcome(await api.gql(RECORD, { input: statementInput({ text: `Written by ${who}.`, source: null }) }, { key }));
      const wrote = (await tableCounts(api.app.database)).statement - before.statement;
      const admin = outcome(await api.gql(RESTORE, { id: deletedId }, { key }));
      if (admin === 'OK') await api.gql(DELETE, { id: deletedId }, { key: keys.EDITOR });
      matrix[who] = [read, write, String(wrote), admin];
    }
    assert.deepEqual(matrix, {
      none: ['OK', 'UNAUTHENTICATED', '0', 'UNAUTHENTICATED'],
      reader: ['OK', 'FORBIDDEN', '0', 'FORBIDDEN'],
      editor: ['OK', 'OK', '1', 'FORBIDDEN'],
      admin: ['OK', 'OK', '1', 'OK'],
    });
    const badKey = await api.gql(COUNT, {}, { key: 'cg_not-a-key' });
    assert.equal(badKey.status, 401);
    assert.equal(badKey.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
  });
});

describe('reads that require a key', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false, readsRequireKey: true });
  });
  after(() => api.close());

  it('refuse an anonymous query with 401 and accept a reader key', async () => {
    const anonymous = await api.gql(COUNT);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
    const { secret } = await createApiKey(api.app.database.pool, 'reader', ApiRole.READER);
    const reader = await api.gql(COUNT, {}, { key: secret });
    assert.equal(reader.data.statements.totalCount, 0);
  });
});

describe('production mode', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true, production: true });
  });
  after(() => api.close());

  it('sends no stack trace, SQL or internal message to the client', async () => {
    const { secret } = await createApiKey(api.app.database.pool, 'editor', ApiRole.EDITOR);
    await api.app.database.dataSource.query(`
      CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'secret internal detail'; END $$;
      CREATE TRIGGER test_fail BEFORE INSERT ON statement FOR EACH ROW EXECUTE FUNCTION test_fail();`);
    const result = await api.gql(RECORD, { input: statementInput({ source: null }) }, { key: secret });
    const body = JSON.stringify(result);
    assert.equal(result.errors?.[0].message, 'Internal server error');
    assert.equal(result.errors?.[0].extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.doesNotMatch(body, /secret internal detail|INSERT INTO|stacktrace|at .*\.js/);
    assert.equal(result.extensions, undefined, 'no SQL statistics in production');
  });
});
