import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Client } from 'pg';
import { startAppOn } from '../src/app';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/database';
import { findFreePort, startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { startTestApp } from './support/test-app';

const COUNT = /* GraphQL */ `query Count { speakers { totalCount } }`;

async function post(url: string, query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

const health = async (url: string, probe: string) => (await fetch(url.replace('/graphql', `/health/${probe}`))).status;

describe('a database outage', () => {
  it('fails requests fast with SERVICE_UNAVAILABLE, keeps the process up, and recovers by itself', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-outage-'));
    fs.chmodSync(home, 0o755);
    const dataDir = path.join(home, 'pg');
    const port = await findFreePort();
    let postgres = await startEmbeddedPostgres(dataDir, port);
    const database = await connect(postgres.url, { poolSize: 4 });
    const app = await startAppOn(database, { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1', seedOnStart: true, databaseUrl: postgres.url });
    try {
      assert.equal((await post(app.url, COUNT)).body.data.speakers.totalCount, 6);
      assert.equal(await health(app.url, 'ready'), 200);

      await postgres.stop();
      const started = Date.now();
      const down = await post(app.url, COUNT);
      assert.ok(Date.now() - started < 6000, 'fails fast');
      assert.equal(down.body.errors?.[0].extensions?.code, 'SERVICE_UNAVAILABLE');
      assert.doesNotMatch(JSON.stringify(down.body), /ECONNREFUSED|127\.0\.0\.1/);
      assert.equal(await health(app.url, 'ready'), 503);
      assert.equal(await health(app.url, 'live'), 200);

      postgres = await startEmbeddedPostgres(dataDir, port);
      assert.equal((await post(app.url, COUNT)).body.data.speakers.totalCount, 6, 'back without a restart');
      assert.equal(await health(app.url, 'ready'), 200);
    } finally {
      await app.close();
      await database.close();
      await postgres.stop();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish, then stops', async () => {
    const api = await startTestApp({ seed: true });
    const blocker = new Client({ connectionString: api.app.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE speaker IN ACCESS EXCLUSIVE MODE');
      const inFlight = post(api.app.url, COUNT);
      await new Promise((resolve) => setTimeout(resolve, 300));
      let closed = false;
      const closing = api.app.close().then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(closed, false, 'shutdown waits for the request in flight');
      await assert.rejects(fetch(api.app.url, { method: 'POST', body: '{}' }), 'no new connections are accepted');
      await blocker.query('COMMIT');
      const answered = await inFlight;
      assert.equal(answered.status, 200);
      assert.equal(answered.body.data.speakers.totalCount, 6);
      await closing;
      assert.equal(closed, true);
    } finally {
      await blocker.end();
      await api.dropDatabase();
    }
  });
});
