import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Lexer, Source, TokenKind } from 'graphql';
import type { QueryLimits } from '../src/graphql/query-limits';
import { startTestApp, type TestApp } from './support/test-app';

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** A server with `limits`, and checks that a query is accepted, or refused with `code` before any SQL. */
function withLimits(limits: Partial<QueryLimits>) {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true, queryLimits: limits });
  });
  after(() => api.close());
  return {
    async accepted(query: string, variables?: Record<string, unknown>) {
      const result = await api.gql(query, variables);
      assert.equal(result.errors, undefined, `${query}: ${JSON.stringify(result.errors)}`);
    },
    async rejected(query: string, code: string, message: RegExp, variables?: Record<string, unknown>) {
      const result = await api.gql(query, variables);
      assert.equal(result.status, 400);
      assert.equal(result.errors?.[0].extensions?.code, code, JSON.stringify(result.errors));
      assert.match(result.errors![0].message, message);
      assert.equal(result.extensions?.sql?.statements ?? 0, 0, 'no SQL ran');
    },
  };
}

describe('shape limits are checked before any SQL runs', () => {
  const check = withLimits({ maxDepth: 5, maxAliases: 3, maxDirectives: 2 });

  it('depth', async () => {
    await check.accepted('{ statements { nodes { speaker { roles { totalCount } } } } }');
    await check.rejected('{ statements { nodes { speaker { roles { nodes { title } } } } } }', 'QUERY_TOO_DEEP', /depth limit of 5 exceeded, found 6/);
  });

  it('aliases', async () => {
    await check.accepted('{ a: measures { totalCount } b: topics { totalCount } c: sources { totalCount } }');
    await check.rejected('{ a: measures { totalCount } b: topics { totalCount } c: sources { totalCount } d: events { totalCount } }', 'TOO_MANY_ALIASES', /Aliases limit of 3 exceeded, found 4/);
  });

  it('directives', async () => {
    await check.accepted('{ measures { totalCount @include(if: true) nodes @skip(if: false) { slug } } }');
    await check.rejected('{ measures { totalCount @include(if: true) nodes @skip(if: false) { slug @skip(if: false) } } }', 'TOO_MANY_DIRECTIVES', /Directives limit of 2 exceeded, found 3/);
  });
});

describe('the token limit', () => {
  const check = withLimits({ maxTokens: 26 });

  it('counts lexical tokens of the document', async () => {
    const fits = '{ measures { nodes { slug label unit } } topics { nodes { slug label } } sources { nodes { url } } }';
    const over = '{ measures { nodes { slug label unit } } topics { nodes { slug label } } sources { nodes { url title publisher language } } }';
    assert.deepEqual([tokenCount(fits), tokenCount(over)], [26, 29]);
    await check.accepted(fits);
    await check.rejected(over, 'TOO_MANY_TOKENS', /more tha[nt] 26 tokens/);
  });
});

describe('the cost limit', () => {
  const check = withLimits({ maxCost: 11 });

  it('multiplies what is under a connection by its first', async () => {
    // statements(first: 10) { totalCount } costs 1 + 10 × 1 = 11.
    await check.accepted('{ statements(first: 10) { totalCount } }');
    await check.rejected('{ statements(first: 11) { totalCount } }', 'QUERY_TOO_COSTLY', /query cost 12 exceeds the limit of 11/);
    // Nested pages multiply: the inner page costs 1 + 3 × 1 = 4, speaker 5, nodes 6, so the
    // outer page costs 1 + 1 × 6 = 7 with first: 1 and 1 + 2 × 6 = 13 with first: 2.
    await check.accepted('{ statements(first: 1) { nodes { speaker { statements(first: 3) { totalCount } } } } }');
    await check.rejected('{ statements(first: 2) { nodes { speaker { statements(first: 3) { totalCount } } } } }', 'QUERY_TOO_COSTLY', /query cost 13 exceeds the limit of 11/);
  });

  it('costs one document again for other variables (costs are remembered per document and variables)', async () => {
    const query = 'query ($n: Int) { statements(first: $n) { totalCount } }';
    for (let round = 0; round < 2; round += 1) {
      await check.accepted(query, { n: 10 });
      await check.rejected(query, 'QUERY_TOO_COSTLY', /query cost 12 exceeds the limit of 11/, { n: 11 });
      await check.accepted(query, { n: 3 });
    }
  });
});

describe('the request body limit', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false, maxBodyBytes: 2048 });
  });
  after(() => api.close());

  const send = (bytes: number) => {
    const bare = JSON.stringify({ query: '{ measures { totalCount } }' });
    const body = JSON.stringify({ query: `{ measures { totalCount } }${' '.repeat(bytes - bare.length)}` });
    assert.equal(Buffer.byteLength(body), bytes);
    return fetch(api.app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  };

  it('accepts a body of exactly the limit and refuses one byte more with 413', async () => {
    assert.equal((await send(2048)).status, 200);
    const over = await send(2049);
    assert.equal(over.status, 413);
    assert.equal(((await over.json()) as any).errors[0].extensions.code, 'PAYLOAD_TOO_LARGE');
  });
});
