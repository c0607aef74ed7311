import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './support/test-app';

const INTROSPECT = /* GraphQL */ `{ __schema { queryType { name } } }`;
const COUNT = /* GraphQL */ `{ measures { totalCount } }`;

describe('production mode', () => {
  let production: TestApp;
  let development: TestApp;
  before(async () => {
    production = await startTestApp({ seed: true, production: true, corsOrigins: ['https://app.example.org'] });
    development = await startTestApp({ seed: false });
  });
  after(async () => {
    await production.close();
    await development.close();
  });

  it('turns introspection off (on in development)', async () => {
    const refused = await production.gql(INTROSPECT);
    assert.equal(refused.errors?.[0].extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(refused.errors![0].message, /introspection/i);
    assert.deepEqual((await development.gql(INTROSPECT)).data, { __schema: { queryType: { name: 'Query' } } });
  });

  it('serves no playground or explorer (served in development, also on GET /graphql to a browser)', async () => {
    const page = (app: TestApp, path: string, accept = 'text/html') => fetch(new URL(path, app.app.url), { headers: { accept } });
    for (const path of ['/playground', '/explore', '/playground/assets/playground.js']) {
      assert.equal((await page(production, path)).status, 404, path);
      const served = await page(development, path);
      assert.equal(served.status, 200, path);
      assert.match(served.headers.get('content-type') ?? '', path.endsWith('.js') ? /javascript/ : /html/);
    }
    const browserOnGraphql = await page(development, '/graphql');
    assert.match(await browserOnGraphql.text(), /<title>Claimgraph playground<\/title>/);
    const productionGraphql = await page(production, '/graphql');
    assert.doesNotMatch(await productionGraphql.text(), /<html/);
    assert.equal((await page(development, '/playground/assets/..%2Fassets%2Fplayground.js')).status, 404, 'no path tricks');
    const slash = await fetch(new URL('/playground/', development.app.url), { redirect: 'manual' });
    assert.deepEqual([slash.status, slash.headers.get('location')], [301, '../playground'], 'a trailing slash would break the relative asset URLs');
  });

  it('answers CORS preflights for the allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(production.app.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight('https://app.example.org');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.org');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const other = await preflight('https://elsewhere.example');
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('keeps CSRF prevention on: a GET needs a header a cross-site form cannot send', async () => {
    const url = `${production.app.url}?query=${encodeURIComponent(COUNT)}`;
    const simple = await fetch(url);
    assert.equal(simple.status, 400);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    assert.equal(preflighted.status, 200);
    assert.deepEqual(((await preflighted.json()) as { data: unknown }).data, { measures: { totalCount: 1 } });
  });

  it('serves automatic persisted queries', async () => {
    const sha256Hash = createHash('sha256').update(COUNT).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    const send = (body: object) =>
      fetch(production.app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((response) => response.json() as Promise<any>);
    assert.equal((await send({ extensions: persisted })).errors?.[0].extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');
    assert.deepEqual((await send({ query: COUNT, extensions: persisted })).data, { measures: { totalCount: 1 } });
    assert.deepEqual((await send({ extensions: persisted })).data, { measures: { totalCount: 1 } });
  });
});
