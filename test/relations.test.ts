import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { encodeGlobalId } from '../src/graphql/global-id';
import { SEED_IDS } from '../src/seed/seed-data';
import { tableCounts } from './support/table-counts';
import { startTestApp, type TestApp } from './support/test-app';

const statementId = (n: number) => encodeGlobalId('Statement', SEED_IDS.statement(n));

const RELATED = /* GraphQL */ `
  query Related($id: ID!, $type: [RelationType!], $direction: RelationDirection) {
    statement(id: $id) {
      related(type: $type, direction: $direction) { totalCount edges { direction relation { type note } node { id } } }
    }
  }
`;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateStatementRelationInput!) { createStatementRelation(input: $input) { id type note from { id } to { id } } }
`;

describe('claim relations', () => {
  let api: TestApp;
  let editor: string;
  before(async () => {
    api = await startTestApp({ seed: true });
    editor = (await createApiKey(api.app.database.pool, 'relations-editor', ApiRole.EDITOR)).secret;
  });
  after(() => api.close());

  const related = async (n: number, variables: Record<string, unknown> = {}) => {
    const response = await api.gql(RELATED, { id: statementId(n), ...variables });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data.statement.related;
  };

  it('shows the seed relations from both ends, with the statement at the other end', async () => {
    const toRutte = await related(5);
    assert.equal(toRutte.totalCount, 2);
    assert.deepEqual(
      toRutte.edges.map((edge: any) => [edge.relation.type, edge.direction, edge.node.id]),
      [['COMPARES_WITH', 'INCOMING', statementId(7)], ['CONTRADICTS', 'INCOMING', statementId(4)]],
    );
    const fromFedorov = await related(4, { type: ['CONTRADICTS'] });
    assert.deepEqual(fromFedorov.edges.map((edge: any) => [edge.direction, edge.node.id]), [['OUTGOING', statementId(5)]]);
    assert.equal((await related(4, { type: ['SUPPORTS'] })).totalCount, 0);
    assert.equal((await related(5, { direction: 'OUTGOING' })).totalCount, 0);
  });

  it('creates a typed relation with a note and deletes it, refusing a loop and a duplicate', async () => {
    const created = await api.gql(CREATE, { input: { from: statementId(8), to: statementId(4), type: 'SUPPORTS', note: 'Both say Russian losses outrun recruitment.' } }, { key: editor });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    assert.deepEqual(created.data.createStatementRelation.from, { id: statementId(8) });
    const incoming = await related(4, { type: ['SUPPORTS'] });
    assert.deepEqual(incoming.edges, [{ direction: 'INCOMING', relation: { type: 'SUPPORTS', note: 'Both say Russian losses outrun recruitment.' }, node: { id: statementId(8) } }]);

    const before = await tableCounts(api.app.database);
    const duplicate = await api.gql(CREATE, { input: { from: statementId(8), to: statementId(4), type: 'SUPPORTS' } }, { key: editor });
    assert.equal(duplicate.errors?.[0].extensions?.code, 'CONFLICT');
    const loop = await api.gql(CREATE, { input: { from: statementId(8), to: statementId(8), type: 'SUPPORTS' } }, { key: editor });
    assert.equal(loop.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(await tableCounts(api.app.database), before, 'refused writes change nothing');

    const id = created.data.createStatementRelation.id;
    const deleted = await api.gql(`mutation { deleteStatementRelation(id: "${id}") { id } }`, {}, { key: editor });
    assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
    assert.equal((await related(4, { type: ['SUPPORTS'] })).totalCount, 0);
  });
});
