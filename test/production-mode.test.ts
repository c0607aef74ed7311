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
