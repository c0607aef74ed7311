import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { API_KEY_CHANNEL } from '../src/domain/api-key/api-key-cache';
import { ApiRole, createApiKey, revokeApiKey } from '../src/domain/api-key/api-key.service';
import { startTestApp, type TestApp } from './support/test-app';

const COUNT = '{ statements(first: 1) { totalCount } }';

/** Statements a keyed read runs beyond the same read without a key: 1 when the key was looked up, 0 when kept. */
async function keyStatements(api: TestApp, key: string): Promise<number> {
  const anonymous = await api.gql(COUNT);
  const keyed = await api.gql(COUNT, {}, { key });
  assert.equal(keyed.status, 200, JSON.stringify(keyed.errors));
  assert.equal(keyed.data.statements.totalCount, anonymous.data.statements.totalCount);
  return keyed.extensions!.sql!.statements - anonymous.extensions!.sql!.statements;
}

/** Asks until `done` holds, for at most `ms`; returns how long it took. */
async function waitFor(done: () => Promise<boolean>, ms = 3000): Promise<number> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > ms) assert.fail(`not within ${ms} ms`);
    await sleep(20);
  }
  return Date.now() - started;
}

const refused = async (api: TestApp, key: string) => {
  const response = await api.gql(COUNT, {}, { key });
  return response.status === 401 && response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
};

describe('API keys kept between requests', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true });
  });
  after(() => api.close());

  it('looks a key up once, then answers from what it kept', async () => {
    const { secret } = await createApiKey(api.app.database.pool, 'kept', ApiRole.READER);
    assert.equal(await keyStatements(api, secret), 1);
    assert.equal(await keyStatements(api, secret), 0);
    assert.equal(await keyStatements(api, secret), 0);
  });

  it('never keeps an unknown key: each request with it is refused after a look-up', async () => {
    for (let i = 0; i < 2; i += 1) {
      const response = await api.gql(COUNT, {}, { key: 'cg_not-a-key' });
      assert.equal(response.status, 401);
      assert.equal(response.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      assert.equal(response.errors?.[0]?.message, 'the API key is unknown or revoked');
    }
  });

  it('refuses a kept key as soon as it is revoked elsewhere, by the command or by SQL', async () => {
    const byCommand = await createApiKey(api.app.database.pool, 'revoked-by-command', ApiRole.EDITOR);
    const bySql = await createApiKey(api.app.database.pool, 'deleted-by-sql', ApiRole.EDITOR);
    for (const key of [byCommand.secret, bySql.secret]) {
      await keyStatements(api, key);
      assert.equal(await keyStatements(api, key), 0);
    }
    // Far sooner than the 60 s a key is kept: the trigger's notification reached the server.
    assert.equal(await revokeApiKey(api.app.database.pool, byCommand.id), true);
    assert.ok((await waitFor(() => refused(api, byCommand.secret))) < 3000);
    await api.app.database.pool.query('DELETE FROM api_key WHERE id = $1', [bySql.id]);
    assert.ok((await waitFor(() => refused(api, bySql.secret))) < 3000);
  });

  it('keeps nothing while its listening connection is lost, and keeps keys again once it is back', async () => {
    const { secret, id } = await createApiKey(api.app.database.pool, 'while-deaf', ApiRole.READER);
    await keyStatements(api, secret);
    assert.equal(await keyStatements(api, secret), 0);
    const { rows } = await api.app.database.pool.query(
      "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND query = $1",
      [`LISTEN ${API_KEY_CHANNEL}`],
    );
    assert.deepEqual(rows, [{ ended: true }]);
    // Lost: the key is looked up on every request...
    await waitFor(async () => (await keyStatements(api, secret)) === 1);
    assert.equal(await keyStatements(api, secret), 1);
    // ...so a revocation no one hears is still refused at once.
    await api.app.database.pool.query('UPDATE api_key SET revoked_at = now() WHERE id = $1', [id]);
    assert.equal(await refused(api, secret), true);
    // Listening again (after a second): a new key is kept.
    const other = await createApiKey(api.app.database.pool, 'heard-again', ApiRole.READER);
    await waitFor(async () => (await keyStatements(api, other.secret)) === 0, 5000);
    assert.equal(await keyStatements(api, other.secret), 0);
  });
});

describe('API_KEY_CACHE_SECONDS', () => {
  it('keeps a key for that long, and nothing at 0 (no listening connection either)', async () => {
    const brief = await startTestApp({ seed: true, apiKeyCacheSeconds: 1 });
    try {
      const { secret } = await createApiKey(brief.app.database.pool, 'brief', ApiRole.READER);
      assert.equal(await keyStatements(brief, secret), 1);
      assert.equal(await keyStatements(brief, secret), 0);
      await sleep(1100);
      assert.equal(await keyStatements(brief, secret), 1);
    } finally {
      await brief.close();
    }
    const none = await startTestApp({ seed: true, apiKeyCacheSeconds: 0 });
    try {
      const { secret } = await createApiKey(none.app.database.pool, 'unkept', ApiRole.READER);
      assert.equal(await keyStatements(none, secret), 1);
      assert.equal(await keyStatements(none, secret), 1);
      const { rows } = await none.app.database.pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1', ['LISTEN %']);
      assert.deepEqual(rows, [{ n: 0 }]);
    } finally {
      await none.close();
    }
  });
});
