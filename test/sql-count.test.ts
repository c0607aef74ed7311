import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalId } from '../src/graphql/global-id';
import { fixtureId, loadFixture } from './support/fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The bound: a request runs at most (nesting depth + 1) SQL statements, where depth is
 * the number of object levels below the root that load rows (each list or relation
 * field is one level). Each level is one batched statement, whatever the number of rows;
 * the +1 allows one level to need two loads (a relation and a role lookup side by side).
 * The count must also stay the same when pages grow tenfold.
 */
const QUESTIONS: Array<{ name: string; depth: number; query: string; variables: (pageSize: number) => Record<string, unknown> }> = [
  {
    name: '1. speaker -> statements -> event -> its other statements -> their speakers',
    depth: 5,
    query: /* GraphQL */ `
      query SpeakerEventCospeakers($id: ID!, $n: Int) {
        speaker(id: $id) { name statements(first: $n) { totalCount nodes { text event { title statements(first: $n) { totalCount nodes { text speaker { name } } } } } } }
      }`,
    variables: (n) => ({ id: encodeGlobalId('Speaker', fixtureId(1, 3)), n }),
  },
  {
    name: '2. statement -> appearances -> source -> every statement it carries -> speaker',
    depth: 5,
    query: /* GraphQL */ `
      query StatementSourceStatements($id: ID!, $n: Int) {
        statement(id: $id) { appearances { nodes { excerpt source { title statements(first: $n) { totalCount nodes { text speaker { name } } } } } } }
      }`,
    variables: (n) => ({ id: encodeGlobalId('Statement', fixtureId(6, 7)), n }),
  },
  {
    name: '3. measure -> quantities per month -> statement -> speaker and role held then',
    depth: 5,
    query: /* GraphQL */ `
      query MeasureFigures($n: Int) {
        measure(slug: "measure-2") { quantities(first: $n) { totalCount nodes { rate(per: MONTH) { value } statement { stated { label } speaker { name } speakerRole { title organization { name } } } } } }
      }`,
    variables: (n) => ({ n }),
  },
  {
    name: '4. statement -> relations -> related statement -> its reviews -> reviewer',
    depth: 5,
    query: /* GraphQL */ `
      query RelatedReviews($n: Int) {
        statements(first: $n) { nodes { relations { nodes { type from { text } to { text reviews { nodes { ratingText reviewer { name } } } } } } } }
      }`,
    variables: (n) => ({ n }),
  },
  {
    name: '5. filtered statements -> speaker -> roles, and the event beside them',
    depth: 3,
    query: /* GraphQL */ `
      query FilteredStatements($n: Int, $organization: ID) {
        statements(first: $n, filter: { organization: $organization, status: [DISPUTED], statedFrom: "2024-01-10", statedTo: "2024-02-10" }) {
          totalCount nodes { text event { title } speaker { name roles { nodes { title } } } }
        }
      }`,
    variables: (n) => ({ n, organization: encodeGlobalId('Speaker', fixtureId(1, 0)) }),
  },
  {
    name: 'search -> hits -> speaker -> roles',
    depth: 3,
    query: /* GraphQL */ `
      query Search($n: Int) {
        searchStatements(query: "fixture statement", first: $n, filter: { statedFrom: "2024-01-05" }) {
          totalCount edges { rank snippet { text } node { text speaker { name roles { nodes { title } } } } }
        }
      }`,
    variables: (n) => ({ n }),
  },
  {
    name: 'compareFigures -> figures -> statement -> speaker and role, beside the spreads',
    depth: 4,
    query: /* GraphQL */ `
      query Compare($n: Int) {
        compareFigures(measure: "measure-2", from: "2024-01-10") {
          spreads { kind count lowest highest ratio }
          figures(first: $n) { totalCount nodes { rate { value } stated { label } speaker { name } speakerRole { title } } }
        }
      }`,
    variables: (n) => ({ n }),
  },
  {
    name: 'compareFigures -> spreads -> the figures at their bounds -> statement -> speaker',
    depth: 3,
    query: /* GraphQL */ `
      query CompareBounds($n: Int) {
        compareFigures(measure: "measure-2", from: "2024-01-10") {
          spreads { kind lowestFigure { speaker { name } status } highestFigure { speaker { name } statement { text } } }
          figures(first: $n) { nodes { kind } }
        }
      }`,
    variables: (n) => ({ n }),
  },
  {
    name: 'statements -> conflicting figures -> other statement -> speaker',
    depth: 4,
    query: /* GraphQL */ `
      query Conflicts($n: Int) {
        statements(first: $n) { nodes { conflictingFigures(first: 5) { gap figure { value } other { value } statement { speaker { name } } } } }
      }`,
    variables: (n) => ({ n }),
  },
  {
    name: 'statements -> related statements -> speaker',
    depth: 3,
    query: /* GraphQL */ `
      query Related($n: Int) {
        statements(first: $n) { nodes { related { edges { direction relation { type } node { text speaker { name } } } } } }
      }`,
    variables: (n) => ({ n }),
  },
];

describe('SQL statements per request stay within the nesting bound', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false });
    await loadFixture(api.app.database, 250);
  });
  after(() => api.close());

  for (const question of QUESTIONS) {
    it(question.name, async () => {
      const small = await api.gql(question.query, question.variables(5));
      const large = await api.gql(question.query, question.variables(50));
      assert.equal(small.errors, undefined, JSON.stringify(small.errors));
      assert.equal(large.errors, undefined, JSON.stringify(large.errors));
      const statements = large.extensions!.sql!.statements;
      assert.ok(statements <= question.depth + 1, `${statements} statements for depth ${question.depth}`);
      assert.equal(small.extensions!.sql!.statements, statements, 'the count does not grow with the rows returned');
      assert.ok(JSON.stringify(large.data).length > JSON.stringify(small.data).length, 'the larger page returned more rows');
    });
  }
});
