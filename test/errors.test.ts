import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalId } from '../src/graphql/global-id';
import { SEED_IDS } from '../src/seed/seed-data';
import { startTestApp, type TestApp } from './support/test-app';

const STATEMENT_BY_ID = /* GraphQL */ `query StatementById($id: ID!) { statement(id: $id) { text } }`;
const NODE_BY_ID = /* GraphQL */ `query NodeById($id: ID!) { node(id: $id) { id __typename ... on Speaker { name } } }`;
const STATEMENTS_PAGE = /* GraphQL */ `query StatementsPage($first: Int, $last: Int, $after: String) { statements(first: $first, last: $last, after: $after) { nodes { text } } }`;
const NESTED_PAGE = /* GraphQL */ `query NestedPage($first: Int) { speakers(first: 1) { nodes { statements(first: $first) { nodes { text } } } } }`;
const BY_SPEAKER = /* GraphQL */ `query BySpeaker($speaker: ID) { statements(filter: { speaker: $speaker }) { totalCount } }`;
const NODES = /* GraphQL */ `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

describe('bad input gets BAD_USER_INPUT naming the field', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true });
  });
  after(() => api.close());

  it('refuses a malformed global id', async () => {
    const { data, errors } = await api.gql(STATEMENT_BY_ID, { id: 'not-an-id' });
    assert.equal(data?.statement ?? null, null);
    assert.equal(errors?.length, 1);
    assert.equal(errors![0].extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(errors![0].extensions?.fields, [{ field: 'id', message: '"not-an-id" is not a valid id' }]);
  });

  it('refuses the id of another type where a Speaker is expected', async () => {
    const { errors } = await api.gql(BY_SPEAKER, { speaker: encodeGlobalId('Event', SEED_IDS.rutteBrussels) });
    assert.equal(errors![0].extensions?.code, 'BAD_USER_INPUT');
    assert.equal(errors![0].extensions?.fields?.[0].field, 'filter.speaker');
    assert.match(errors![0].message, /expected the id of a Speaker, got the id of a Event/);
  });

  it('refuses first: 101 at the root and in a nested connection, with a clear message', async () => {
    for (const query of [STATEMENTS_PAGE, NESTED_PAGE]) {
      const { errors } = await api.gql(query, { first: 101 });
      assert.equal(errors?.length, 1);
      assert.equal(errors![0].extensions?.code, 'BAD_USER_INPUT');
      assert.deepEqual(errors![0].extensions?.fields, [{ field: 'first', message: 'first must be at most 100; page through longer lists with after' }]);
    }
    const { data, errors } = await api.gql(STATEMENTS_PAGE, { first: 100 });
    assert.equal(errors, undefined);
    assert.equal(data.statements.nodes.length, 8);
  });

  it('refuses first together with last, and a cursor that is not one', async () => {
    const both = await api.gql(STATEMENTS_PAGE, { first: 1, last: 1 });
    assert.equal(both.errors![0].extensions?.code, 'BAD_USER_INPUT');
    assert.equal(both.errors![0].extensions?.fields?.[0].field, 'last');
    const cursor = await api.gql(STATEMENTS_PAGE, { first: 1, after: Buffer.from('["2026-13-45","x"]').toString('base64url') });
    assert.equal(cursor.errors![0].extensions?.code, 'BAD_USER_INPUT');
    assert.equal(cursor.errors![0].extensions?.fields?.[0].field, 'after');
  });

  it('a well-formed id with nothing behind it is null, not an error', async () => {
    const { data, errors } = await api.gql(STATEMENT_BY_ID, { id: encodeGlobalId('Statement', '00000000-0000-4000-8000-000000000000') });
    assert.equal(errors, undefined);
    assert.equal(data.statement, null);
  });

  it('node(id:) and nodes(ids:) resolve every type by its global id', async () => {
    const { data } = await api.gql(NODE_BY_ID, { id: encodeGlobalId('Speaker', SEED_IDS.rutte) });
    assert.deepEqual(data.node, { id: encodeGlobalId('Speaker', SEED_IDS.rutte), __typename: 'Speaker', name: 'Mark Rutte' });
    const ids = [
      encodeGlobalId('Event', SEED_IDS.rutteBrussels),
      encodeGlobalId('Source', SEED_IDS.article),
      encodeGlobalId('Measure', SEED_IDS.deaths),
      encodeGlobalId('Statement', SEED_IDS.statement(1)),
      encodeGlobalId('Statement', '00000000-0000-4000-8000-000000000000'),
    ];
    const nodes = await api.gql(NODES, { ids });
    assert.equal(nodes.errors, undefined);
    assert.deepEqual(nodes.data.nodes, [
      { __typename: 'Event', id: ids[0] },
      { __typename: 'Source', id: ids[1] },
      { __typename: 'Measure', id: ids[2] },
      { __typename: 'Statement', id: ids[3] },
      null,
    ]);
  });
});
