import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalId } from '../src/graphql/global-id';
import { fixtureId, loadFixture } from './support/fixture';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app';

const STATEMENT_COUNT = 250;

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String, $direction: OrderDirection) {
    statements(first: $first, after: $after, last: $last, before: $before, orderBy: { direction: $direction }) {
      totalCount
      edges { cursor node { id stated { start } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

const SPEAKER_PAGE = /* GraphQL */ `
  query SpeakerPage($id: ID!, $first: Int, $after: String) {
    speaker(id: $id) { statements(first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }
  }
`;

describe('pagination over 250 statements', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false });
    await loadFixture(api.app.database, STATEMENT_COUNT);
  });
  after(() => api.close());

  async function page(variables: Record<string, unknown>) {
    const { data, errors } = await api.gql(PAGE, variables);
    assert.equal(errors, undefined);
    return data.statements;
  }

  it('walks forwards with no gap and no repeat, newest first, ties broken by id', async () => {
    const seen: string[] = [];
    const dates: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: any = await page({ first: 17, after });
      assert.equal(result.totalCount, STATEMENT_COUNT);
      seen.push(...result.edges.map((edge: any) => edge.node.id));
      dates.push(...result.edges.map((edge: any) => edge.node.stated.start));
      assert.equal(result.pageInfo.hasPreviousPage, after !== null);
      pages += 1;
      if (!result.pageInfo.hasNextPage) break;
      assert.equal(result.pageInfo.endCursor, result.edges.at(-1).cursor);
      after = result.pageInfo.endCursor;
    }
    assert.equal(pages, Math.ceil(STATEMENT_COUNT / 17));
    assert.equal(seen.length, STATEMENT_COUNT);
    assert.equal(new Set(seen).size, STATEMENT_COUNT);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it('walks backwards to the same order', async () => {
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await page({ first: 100, after });
      forwards.push(...result.edges.map((edge: any) => edge.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const result: any = await page({ last: 23, before });
      assert.equal(result.totalCount, STATEMENT_COUNT);
      assert.equal(result.pageInfo.hasNextPage, before !== null);
      backwards.unshift(...result.edges.map((edge: any) => edge.node.id));
      if (!result.pageInfo.hasPreviousPage) break;
      before = result.pageInfo.startCursor;
    }
    assert.equal(backwards.length, STATEMENT_COUNT);
    assert.deepEqual(backwards, forwards);
  });

  it('ascending order is the exact reverse of descending', async () => {
    const ascending = await page({ first: 100, direction: 'ASC' });
    const descending = await page({ last: 100, direction: 'DESC' });
    assert.deepEqual(
      ascending.edges.map((edge: any) => edge.node.id),
      descending.edges.map((edge: any) => edge.node.id).reverse(),
    );
  });

  it('pages a nested connection per parent, with its own totalCount', async () => {
    // Speaker 1 makes fixture statements 20, 40, ... 240.
    const id = encodeGlobalId('Speaker', fixtureId(1, 1));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors }: GraphQLResponse = await api.gql(SPEAKER_PAGE, { id, first: 4, after });
      assert.equal(errors, undefined);
      const statements: any = data.speaker.statements;
      assert.equal(statements.totalCount, 12);
      seen.push(...statements.nodes.map((node: any) => node.id));
      if (!statements.pageInfo.hasNextPage) break;
      after = statements.pageInfo.endCursor;
    }
    assert.equal(new Set(seen).size, 12);
  });

  it('first: 0 answers the count alone', async () => {
    const result = await page({ first: 0 });
    assert.equal(result.totalCount, STATEMENT_COUNT);
    assert.deepEqual(result.edges, []);
    assert.equal(result.pageInfo.hasNextPage, true);
    assert.equal(result.pageInfo.endCursor, null);
  });
});
