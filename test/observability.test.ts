import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startAppOn, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { createTestDatabase } from './support/test-database';

const NAMED = /* GraphQL */ `query SpeakersForLog { speakers(first: 2) { nodes { name statements(first: 1) { nodes { text } } } } }`;

describe('logs and metrics', () => {
  const lines: Array<Record<string, any>> = [];
  let app: App;
  let drop: () => Promise<void>;
  before(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    app = await startAppOn(database, { ...loadConfig({ LOG_LEVEL: 'info' }), port: 0, host: '127.0.0.1', seedOnStart: true, databaseUrl: database.url }, destination);
  });
  after(async () => {
    await app.close();
    await drop();
  });

  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('writes one JSON line per request with its id, operation, duration and SQL statement count', async () => {
    const response = await post({ query: NAMED, operationName: 'SpeakersForLog' }, { 'x-request-id': 'req-abc-123' });
    assert.equal(response.headers.get('x-request-id'), 'req-abc-123');
    await response.json();
    const line = lines.find((entry) => entry.requestId === 'req-abc-123');
    assert.ok(line, 'a line carries the request id');
    assert.equal(line.msg, 'graphql request');
    assert.equal(line.operation, 'SpeakersForLog');
    // The speakers with each one's first statement: one statement (see test/nested-lists.test.ts).
    assert.equal(line.sqlStatements, 1);
    assert.equal(typeof line.durationMs, 'number');
    assert.deepEqual(line.errors, []);
    assert.equal(line.service, 'claimgraph');
    const generated = await post({ query: '{ measures { totalCount } }' });
    assert.match(generated.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics: requests and latency by operation, errors by code, pool use', async () => {
    await (await post({ query: '{ statement(id: "nope") { text } }', operationName: null })).json();
    const text = await (await fetch(app.url.replace('/graphql', '/metrics'))).text();
    assert.match(text, /claimgraph_requests_total\{operation="SpeakersForLog"\} 1/);
    assert.match(text, /claimgraph_request_duration_seconds_bucket\{le="[\d.]+",operation="SpeakersForLog"\}/);
    assert.match(text, /claimgraph_errors_total\{code="BAD_USER_INPUT"\} 1/);
    assert.match(text, /claimgraph_db_pool_connections\{state="total"\} \d+/);
    assert.match(text, /claimgraph_sql_statements_total \d+/);
    assert.match(text, /claimgraph_process_resident_memory_bytes \d+/);
  });
});
