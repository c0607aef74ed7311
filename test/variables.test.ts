import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { encodeGlobalId } from '../src/graphql/global-id';
import { SEED_IDS } from '../src/seed/seed-data';
import { startTestApp, type TestApp } from './support/test-app';

// How variables reach resolvers and how their errors come back: what graphql-js does and a
// faster executor might not (graphql-jit, tried for the benchmark, differed on all of these but
// the second; bench/NOTES.md).
describe('variables', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true });
  });
  after(() => api.close());

  const ORDERED = 'query ($order: StatementOrder) { statements(first: 20, orderBy: $order) { nodes { id } } }';
  const ids = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await api.gql(query, variables);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return (response.data.statements.nodes as Array<{ id: string }>).map((node) => node.id);
  };

  it('gives an input field left out of a variable its default value', async () => {
    const oldestFirst = await ids('{ statements(first: 20, orderBy: { field: STATED_ON, direction: ASC }) { nodes { id } } }');
    const newestFirst = await ids('{ statements(first: 20, orderBy: { field: STATED_ON, direction: DESC }) { nodes { id } } }');
    assert.equal(oldestFirst.length, 8);
    assert.notDeepEqual(oldestFirst, newestFirst);
    assert.deepEqual(await ids(ORDERED, { order: { direction: 'ASC' } }), oldestFirst);
    assert.deepEqual(await ids(ORDERED, { order: { field: 'STATED_ON' } }), newestFirst);
    assert.deepEqual(await ids(ORDERED, { order: {} }), newestFirst);
  });

  it('reads a variable left out inside an input literal as absent, so the field takes its default', async () => {
    const oldestFirst = await ids('{ statements(first: 20, orderBy: { field: STATED_ON, direction: ASC }) { nodes { id } } }');
    const newestFirst = await ids('{ statements(first: 20, orderBy: { field: STATED_ON, direction: DESC }) { nodes { id } } }');
    const byDirection = 'query ($direction: OrderDirection) { statements(first: 20, orderBy: { field: STATED_ON, direction: $direction }) { nodes { id } } }';
    assert.deepEqual(await ids(byDirection, { direction: 'ASC' }), oldestFirst);
    // Left out, the field is absent and takes its default (DESC); read as null, it would be refused.
    assert.deepEqual(await ids(byDirection), newestFirst);
  });

  it('refuses an argument a null variable leaves without a required value with BAD_USER_INPUT, naming it', async () => {
    const response = await api.gql(
      'query ($direction: OrderDirection) { statements(first: 20, orderBy: { field: STATED_ON, direction: $direction }) { totalCount } }',
      { direction: null },
    );
    assert.equal(response.data, null);
    assert.equal(response.errors?.length, 1);
    assert.equal(response.errors![0].extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(response.errors![0].extensions?.fields?.map((problem) => problem.field), ['orderBy']);
    assert.deepEqual(response.errors![0].path, ['statements']);
  });

  it('refuses a bad variable with BAD_USER_INPUT and status 400, naming it', async () => {
    const response = await api.gql('query ($first: Int) { statements(first: $first) { totalCount } }', { first: 'ten' });
    assert.equal(response.status, 400);
    assert.equal(response.data, undefined);
    assert.equal(response.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.match(response.errors![0].message, /^Variable "\$first" got invalid value "ten"/);
  });

  it("keeps a resolver error's code, fields, path and location, the second time too", async () => {
    const query = '{\n  statements(after: "nope") { totalCount }\n}';
    for (let time = 0; time < 2; time += 1) {
      const response = (await api.gql(query)) as Awaited<ReturnType<TestApp['gql']>> & { errors?: Array<{ locations?: unknown }> };
      assert.equal(response.status, 200);
      assert.equal(response.errors?.length, 1);
      const [error] = response.errors!;
      assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
      assert.deepEqual(error.extensions?.fields?.map((problem) => problem.field), ['after']);
      assert.deepEqual(error.path, ['statements']);
      assert.deepEqual(error.locations, [{ line: 2, column: 3 }]);
    }
  });

  it('leaves a field of a mutation input alone when its variable is not given', async () => {
    const { secret } = await createApiKey(api.app.database.pool, 'variables-editor', ApiRole.EDITOR);
    const id = encodeGlobalId('Statement', SEED_IDS.statement(1));
    const response = await api.gql(
      'mutation ($id: ID!, $mode: StatementMode, $language: String) { updateStatement(id: $id, input: { mode: $mode, language: $language }) { mode language } }',
      { id, mode: 'PARAPHRASE' },
      { key: secret },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.deepEqual(response.data.updateStatement, { mode: 'PARAPHRASE', language: 'en' });
  });
});
