import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { SqlParams } from '../src/db/sql-session';
import { type DateConditions, decodeFilter, filterConditions } from '../src/domain/statement/statement.service';
import { encodeGlobalId, parseGlobalId } from '../src/graphql/global-id';
import { SEED_IDS, seedId } from '../src/seed/seed-data';
import { withStatementRewrites } from './support/statement-rewrites';
import { startTestApp, type TestApp } from './support/test-app';

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $filter: StatementFilter, $first: Int, $after: String, $last: Int, $orderBy: SearchOrder) {
    searchStatements(query: $query, filter: $filter, first: $first, after: $after, last: $last, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor rank snippet { field text highlights { start end } } node { id text speaker { name } } }
    }
  }
`;

const statementId = (n: number) => encodeGlobalId('Statement', SEED_IDS.statement(n));

describe('searchStatements', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true });
  });
  after(() => api.close());

  const search = async (variables: Record<string, unknown>) => {
    const response = await api.gql(SEARCH, variables);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data.searchStatements;
  };
  const ids = (result: { edges: Array<{ node: { id: string } }> }) => result.edges.map((edge) => edge.node.id).sort();

  it('finds stemmed words in statement text, ranked, with the matches highlighted', async () => {
    const result = await search({ query: 'soldiers killed' });
    assert.equal(result.totalCount, 4);
    assert.deepEqual(ids(result), [3, 4, 5, 7].map(statementId).sort());
    const ranks = result.edges.map((edge: { rank: number }) => edge.rank);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a));
    for (const edge of result.edges) {
      assert.equal(edge.snippet.field, 'TEXT');
      const marked = edge.snippet.highlights.map(({ start, end }: { start: number; end: number }) => edge.snippet.text.slice(start, end).toLowerCase());
      assert.ok(marked.includes('soldiers') && marked.includes('killed'), JSON.stringify(edge.snippet));
    }
  });

  it('counts every match whatever the page: first, later pages read after a cursor, an empty page, no match', async () => {
    // The first page counts the matches while ranking them; a page after a cursor counts them apart.
    const first = await search({ query: 'soldiers killed', first: 1 });
    assert.equal(first.totalCount, 4);
    assert.equal(first.edges.length, 1);
    assert.equal(first.pageInfo.hasNextPage, true);
    const seen = [first.edges[0].node.id];
    for (let page = first; page.pageInfo.hasNextPage; ) {
      page = await search({ query: 'soldiers killed', first: 1, after: page.pageInfo.endCursor });
      assert.equal(page.totalCount, 4);
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
    }
    assert.deepEqual(seen.sort(), [3, 4, 5, 7].map(statementId).sort());
    const empty = await search({ query: 'soldiers killed', first: 0 });
    assert.deepEqual([empty.totalCount, empty.edges.length, empty.pageInfo.hasNextPage], [4, 0, true]);
    const none = await search({ query: 'zeppelin' });
    assert.deepEqual([none.totalCount, none.edges.length, none.pageInfo.hasNextPage], [0, 0, false]);
  });

  it('reads the last hits backwards, in rank order, counting them all', async () => {
    // Counted with the page, the rows are numbered after the LIMIT (src/db/keyset-page.ts), in the page's direction.
    for (const orderBy of ['RELEVANCE', 'NEWEST']) {
      const all = await search({ query: 'soldiers killed', orderBy });
      const last = await search({ query: 'soldiers killed', orderBy, last: 2 });
      assert.equal(last.totalCount, 4);
      assert.deepEqual([last.pageInfo.hasPreviousPage, last.pageInfo.hasNextPage], [true, false]);
      assert.deepEqual(
        last.edges.map((edge: { cursor: string }) => edge.cursor),
        all.edges.slice(2).map((edge: { cursor: string }) => edge.cursor),
        orderBy,
      );
    }
  });

  it('ranks a statement whose text and excerpt both match above one matched in the text alone', async () => {
    const result = await search({ query: 'month' });
    assert.deepEqual(ids(result), [3, 4, 5, 8].map(statementId).sort());
    assert.equal(result.edges[0].node.id, statementId(8));
    assert.ok(result.edges[0].rank > result.edges[1].rank);
  });

  it('finds words that only the excerpt carries, and says so', async () => {
    const result = await search({ query: 'minister' });
    assert.deepEqual(ids(result), [statementId(1)]);
    const { snippet } = result.edges[0];
    assert.equal(snippet.field, 'EXCERPT');
    assert.deepEqual(snippet.highlights.map(({ start, end }: { start: number; end: number }) => snippet.text.slice(start, end)), ['Minister']);
  });

  it('understands phrases and exclusions (web-search syntax)', async () => {
    assert.deepEqual(ids(await search({ query: '"per month"' })), [statementId(3)]);
    assert.deepEqual(ids(await search({ query: 'killed -afghanistan' })), [3, 4, 5].map(statementId).sort());
    assert.deepEqual(ids(await search({ query: 'unsustainable or afghanistan' })), [6, 7].map(statementId).sort());
  });

  it('combines with statement filters', async () => {
    const rutte = encodeGlobalId('Speaker', SEED_IDS.rutte);
    assert.deepEqual(ids(await search({ query: 'soldiers killed', filter: { speaker: rutte } })), [5, 7].map(statementId).sort());
    const nato = encodeGlobalId('Speaker', SEED_IDS.nato);
    assert.deepEqual(ids(await search({ query: 'month', filter: { organization: nato } })), [statementId(5)]);
    assert.deepEqual(ids(await search({ query: 'month', filter: { statedTo: '2025-12-31' } })), [statementId(8)]);
  });

  it('finds the same hits by date through either index: a narrow range by span, a wide one by start date', async () => {
    // Statements of every precision around the edges of the ranges below (a WEEK starts on a
    // Monday and runs to Sunday, a MONTH to its last day, a YEAR to 31 December).
    const spans: Array<[string, string]> = [['2023-06-30', 'DAY'], ['2023-07-01', 'DAY'], ['2023-06-26', 'WEEK'], ['2023-07-01', 'MONTH'], ['2022-01-01', 'YEAR'], ['2024-12-30', 'WEEK']];
    const { rows } = await api.app.database.pool.query<{ id: string }>(
      `INSERT INTO statement (text, mode, speaker_id, stated_on, stated_precision)
       SELECT 'A gazelle was seen', 'PARAPHRASE', $1, day, precision FROM unnest($2::date[], $3::text[]) WITH ORDINALITY AS s(day, precision, n)
       ORDER BY n RETURNING id`,
      [SEED_IDS.rutte, spans.map(([day]) => day), spans.map(([, precision]) => precision)],
    );
    const [day0630, day0701, week, month, year, newYearWeek] = rows.map((row) => encodeGlobalId('Statement', row.id));
    const cases: Array<[{ statedFrom?: string; statedTo?: string }, string[]]> = [
      [{ statedFrom: '2023-07-01', statedTo: '2023-07-01' }, [day0701, week, month]],
      [{ statedFrom: '2023-06-01', statedTo: '2023-06-30' }, [day0630, week]],
      [{ statedFrom: '2022-12-31', statedTo: '2023-06-26' }, [year, week]],
      [{ statedFrom: '2015-01-01', statedTo: '2023-06-30' }, [year, day0630, week]],
      [{ statedFrom: '2020-01-01' }, [day0630, day0701, week, month, year, newYearWeek]],
      [{ statedTo: '2022-12-31' }, [year]],
      [{ statedFrom: '2023-07-02', statedTo: '2023-07-31' }, [week, month]],
      [{ statedFrom: '2023-07-03', statedTo: '2023-07-31' }, [month]],
      // A month begun before the range's start, and a week begun the year before.
      [{ statedFrom: '2023-07-15', statedTo: '2023-08-31' }, [month]],
      [{ statedFrom: '2025-01-01', statedTo: '2025-01-31' }, [newYearWeek]],
    ];
    for (const [filter, expected] of cases) {
      assert.deepEqual(ids(await search({ query: 'gazelle', filter })), [...expected].sort(), JSON.stringify(filter));
      // Both forms of the date conditions select the same statements, whichever the width picks.
      const count = async (dates: DateConditions) => {
        const params = new SqlParams();
        const conditions = filterConditions(decodeFilter(filter), params, dates);
        const { rows: [row] } = await api.app.database.pool.query(`SELECT count(*)::int AS n FROM statement t WHERE ${conditions.join(' AND ')}`, params.values);
        return row.n;
      };
      assert.equal(await count('span'), await count('stated_on'), JSON.stringify(filter));
    }
    await api.app.database.pool.query('DELETE FROM statement WHERE id = ANY($1)', [rows.map((row) => row.id)]);
  });

  it('pages by cursor without repeating or skipping a hit, in either order', async () => {
    for (const orderBy of ['RELEVANCE', 'NEWEST']) {
      const first = await search({ query: 'soldiers killed', first: 3, orderBy });
      assert.equal(first.edges.length, 3);
      assert.equal(first.pageInfo.hasNextPage, true);
      const rest = await search({ query: 'soldiers killed', first: 3, after: first.pageInfo.endCursor, orderBy });
      assert.equal(rest.edges.length, 1);
      assert.equal(rest.pageInfo.hasNextPage, false);
      assert.deepEqual([...ids(first), ...ids(rest)].sort(), [3, 4, 5, 7].map(statementId).sort());
    }
    const newest = await search({ query: 'soldiers killed', orderBy: 'NEWEST' });
    assert.equal(newest.edges[newest.edges.length - 1].node.id, statementId(5), 'Rutte spoke on 16 January, before the week of the 19th');
  });

  it('refuses a query with no words and a cursor of another order, naming the argument', async () => {
    const empty = await api.gql(SEARCH, { query: ' ... ' });
    assert.equal(empty.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.equal(empty.errors?.[0].extensions?.fields?.[0].field, 'query');
    const newest = await search({ query: 'month', first: 1, orderBy: 'NEWEST' });
    const mixed = await api.gql(SEARCH, { query: 'month', after: newest.pageInfo.endCursor, orderBy: 'RELEVANCE' });
    assert.equal(mixed.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.equal(mixed.errors?.[0].extensions?.fields?.[0].field, 'after');
  });

  it('keeps the index current when an excerpt changes, and forgets a deleted statement', async () => {
    const { secret } = await createApiKey(api.app.database.pool, 'search-editor', ApiRole.EDITOR);
    const write = async (mutation: string) => {
      const response = await api.gql(mutation, {}, { key: secret });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    };
    assert.deepEqual(ids(await search({ query: 'zebra' })), []);
    await write(`mutation { updateAppearance(id: "${encodeGlobalId('Appearance', seedId(9, 2))}", input: { excerpt: "Quoted again by a zebra-striped newsletter" }) { id } }`);
    const found = await search({ query: 'zebra' });
    assert.deepEqual(ids(found), [statementId(2)]);
    assert.equal(found.edges[0].snippet.field, 'EXCERPT');
    await write(`mutation { deleteStatement(id: "${statementId(2)}") { id } }`);
    assert.deepEqual(ids(await search({ query: 'zebra' })), []);
  });

  it('indexes a recorded statement with its excerpt in one row version, and rewrites it only when its words change', async () => {
    const pool = api.app.database.pool;
    const { secret } = await createApiKey(pool, 'search-recorder', ApiRole.EDITOR);
    const write = async (mutation: string) => {
      const response = await api.gql(mutation, {}, { key: secret });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      return response.data;
    };
    await withStatementRewrites(pool, async (rewrites) => {
      const recorded = await write(`mutation {
        recordStatement(input: {
          text: "Recruitment rose again, the ministry said." mode: PARAPHRASE
          speaker: { id: "${encodeGlobalId('Speaker', SEED_IDS.fedorov)}" } stated: { date: "2024-03-02", precision: DAY }
          source: { url: "https://example.org/okapi-report", title: "Okapi report", excerpt: "as the okapi report put it" }
        }) { statement { id appearances { nodes { id } } } }
      }`);
      const statement = recorded.recordStatement.statement;
      const uuid = parseGlobalId(statement.id)!.id;
      const found = await search({ query: 'okapi' });
      assert.deepEqual(ids(found), [statement.id]);
      assert.equal(found.edges[0].snippet.field, 'EXCERPT');
      assert.equal(await rewrites(uuid), 0, 'the statement was inserted with its excerpt, never rewritten');

      const appearance = statement.appearances.nodes[0].id;
      await write(`mutation { updateAppearance(id: "${appearance}", input: { startOffset: 0, endOffset: 5 }) { id } }`);
      assert.equal(await rewrites(uuid), 0, 'offsets change no word of the document');
      await write(`mutation { updateAppearance(id: "${appearance}", input: { excerpt: "as the narwhal report put it" }) { id } }`);
      assert.equal(await rewrites(uuid), 1);
      assert.deepEqual(ids(await search({ query: 'narwhal' })), [statement.id]);
      assert.deepEqual(ids(await search({ query: 'okapi' })), []);
    });
  });
});
