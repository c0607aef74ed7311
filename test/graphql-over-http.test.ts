import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './support/test-app';

/** graphql-http ships as an ES module; loaded with import() from this CommonJS build. */
const loadGraphqlHttp = () => import('graphql-http') as Promise<typeof import('graphql-http')>;

describe('GraphQL over HTTP: the graphql-http audit suite against the live server', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false });
  });
  after(() => api.close());

  it('passes with zero errors, and every remaining warning and notice is documented', async () => {
    const { serverAudits } = await loadGraphqlHttp();
    const results = [];
    for (const audit of serverAudits({ url: api.app.url, fetchFn: fetch })) results.push(await audit.fn());
    const errors = results.filter((result) => result.status === 'error');
    assert.deepEqual(errors.map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`), []);
    const documented = fs.readFileSync(path.resolve(__dirname, '../../docs/graphql-over-http.md'), 'utf8');
    const undocumented = results.filter((result) => result.status !== 'ok' && !documented.includes(result.id));
    assert.deepEqual(undocumented.map((result) => `${result.status} ${result.id} ${result.name}`), []);
    assert.ok(results.filter((result) => result.status === 'ok').length >= 55, 'most audits pass outright');
  });
});
