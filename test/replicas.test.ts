import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startAppOn } from '../src/app';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/database';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { createTestDatabase } from './support/test-database';

describe('read replicas', () => {
  it('send reads to the replica pool and read a mutation back from the primary', async () => {
    const primary = await createTestDatabase();
    // The same server stands in for a replica: what is tested is which pool serves what.
    const database = await connect(primary.url, { poolSize: 2, replicaUrls: [primary.url] });
    const app = await startAppOn(database, { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1', seedOnStart: true, databaseUrl: primary.url });
    try {
      assert.notEqual(database.readPool, database.pool);
      const post = async (query: string, key?: string) =>
        (await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify({ query }) })).json() as Promise<any>;
      const read = await post('{ statements { totalCount } }');
      assert.equal(read.data.statements.totalCount, 8);
      assert.ok(database.readPool.totalCount > 0, 'the replica pool served the read');
      const { secret } = await createApiKey(database.pool, 'editor', ApiRole.EDITOR);
      const written = await post('mutation { createTopic(input: { slug: "replicated", label: "Replicated" }) { slug version } }', secret);
      assert.deepEqual(written.data.createTopic, { slug: 'replicated', version: 1 });
    } finally {
      await app.close();
      await database.close();
      await primary.drop();
    }
  });
});
