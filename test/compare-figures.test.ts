import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { encodeGlobalId } from '../src/graphql/global-id';
import { SEED_IDS } from '../src/seed/seed-data';
import { startTestApp, type TestApp } from './support/test-app';

const COMPARE = /* GraphQL */ `
  query Compare($measure: String!, $per: TimeUnit, $from: LocalDate, $to: LocalDate, $kind: [QuantityKind!]) {
    compareFigures(measure: $measure, per: $per, from: $from, to: $to, kind: $kind) {
      measure { slug }
      per
      figures(first: 10) {
        totalCount
        nodes { kind status rate { value lower upper } speaker { name } speakerRole { title organization { name } } stated { label } statement { text } }
      }
      spreads { kind count lowest highest ratio lowestFigure { speaker { name } } highestFigure { speaker { name } } }
    }
  }
`;

const CONFLICTS = /* GraphQL */ `
  query Conflicts($id: ID!, $within: Int) {
    statement(id: $id) {
      conflictingFigures(withinDays: $within) { gap linked figure { value } other { lower upper } statement { speaker { name } } }
    }
  }
`;

describe('compareFigures and conflictingFigures', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true });
  });
  after(() => api.close());

  const compare = async (variables: Record<string, unknown>) => {
    const response = await api.gql(COMPARE, variables);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data.compareFigures;
  };

  it('lines up the seed figures per month, with speaker, role, date and status, and the spread per kind', async () => {
    const result = await compare({ measure: 'russian-military-deaths' });
    assert.equal(result.per, 'MONTH');
    assert.equal(result.figures.totalCount, 4);
    const figures = Object.fromEntries(result.figures.nodes.map((figure: any) => [`${figure.speaker.name} ${figure.kind}`, figure]));
    assert.deepEqual(figures['Mark Rutte ESTIMATE'].rate, { value: 22500, lower: 20000, upper: 25000 });
    assert.deepEqual(figures['Mark Rutte ESTIMATE'].speakerRole, { title: 'Secretary General', organization: { name: 'NATO' } });
    assert.equal(figures['Mark Rutte ESTIMATE'].stated.label, '2026-01-16');
    assert.deepEqual(figures['Mykhailo Fedorov ESTIMATE'].rate, { value: 35000, lower: 35000, upper: 35000 });
    assert.deepEqual(figures['Mykhailo Fedorov TARGET'].rate, { value: 50000, lower: 50000, upper: 50000 });
    assert.equal(figures['Mykhailo Fedorov TARGET'].status, 'UNVERIFIED');
    assert.equal(Math.round(figures['Mark Rutte HISTORICAL'].rate.value), 139);
    assert.deepEqual(result.spreads, [
      { kind: 'ESTIMATE', count: 2, lowest: 20000, highest: 35000, ratio: 1.75, lowestFigure: { speaker: { name: 'Mark Rutte' } }, highestFigure: { speaker: { name: 'Mykhailo Fedorov' } } },
      { kind: 'TARGET', count: 1, lowest: 50000, highest: 50000, ratio: 1, lowestFigure: { speaker: { name: 'Mykhailo Fedorov' } }, highestFigure: { speaker: { name: 'Mykhailo Fedorov' } } },
      { kind: 'HISTORICAL', count: 1, lowest: 138.888888889, highest: 138.888888889, ratio: 1, lowestFigure: { speaker: { name: 'Mark Rutte' } }, highestFigure: { speaker: { name: 'Mark Rutte' } } },
    ]);
  });

  it("reads the figures' statements, speakers and roles with the page", async () => {
    const query = `query ($measure: String!) { compareFigures(measure: $measure) {
      figures(first: 10) { nodes { kind status rate { value } stated { label } speaker { name } speakerRole { title organization { name } } statement { text } } } } }`;
    const response = await api.gql(query, { measure: 'russian-military-deaths' });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    // The measure, and under it the page with its figures' statements, speakers, roles and organizations.
    assert.equal(response.extensions!.sql!.statements, 1);
    const figures = response.data.compareFigures.figures.nodes;
    const all = await compare({ measure: 'russian-military-deaths' });
    assert.deepEqual(
      figures.map(({ kind, status, speaker, speakerRole, stated }: any) => ({ kind, status, speaker, speakerRole, stated })),
      all.figures.nodes.map(({ kind, status, speaker, speakerRole, stated }: any) => ({ kind, status, speaker, speakerRole, stated: { label: stated.label } })),
    );
    assert.ok(figures.every((figure: any) => figure.statement.text.length > 0));
  });

  it('reads the measure, the spreads and a page of figures in one statement, and pages and totals as when read apart', async () => {
    const FIGURES = `query ($measure: String!, $after: String) { compareFigures(measure: $measure) {
      spreads { kind count } figures(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { rate { value } speaker { name } } } } }`;
    const first = await api.gql(FIGURES, { measure: 'russian-military-deaths' });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.equal(first.extensions!.sql!.statements, 1);
    const { spreads, figures } = first.data.compareFigures;
    assert.equal(figures.totalCount, spreads.reduce((sum: number, spread: { count: number }) => sum + spread.count, 0));
    assert.equal(figures.pageInfo.hasNextPage, true);
    const next = await api.gql(FIGURES, { measure: 'russian-military-deaths', after: figures.pageInfo.endCursor });
    assert.equal(next.extensions!.sql!.statements, 1);
    const all = await compare({ measure: 'russian-military-deaths' });
    const speakers = (page: { nodes: Array<{ speaker: { name: string } }> }) => page.nodes.map((node) => node.speaker.name);
    assert.deepEqual([...speakers(figures), ...speakers(next.data.compareFigures.figures)], speakers(all.figures).slice(0, 4));

    // Read backwards, by global id: the last figures, in order.
    const last = await api.gql(`query ($id: String!) { compareFigures(measure: $id) { figures(last: 2) { nodes { speaker { name } } } } }`, {
      id: encodeGlobalId('Measure', SEED_IDS.deaths),
    });
    assert.deepEqual([speakers(last.data.compareFigures.figures), last.extensions!.sql!.statements], [speakers(all.figures).slice(-2), 1]);

    // Without the spreads, the page counts its total itself, still in the one statement.
    const counted = await api.gql(`{ compareFigures(measure: "russian-military-deaths") { figures(first: 1) { totalCount } } }`);
    assert.deepEqual([counted.data.compareFigures.figures.totalCount, counted.extensions!.sql!.statements], [all.figures.totalCount, 1]);

    // Selected twice, the figures are read each in a statement of its own; refused arguments are reported as ever.
    const twice = await api.gql(`{ compareFigures(measure: "russian-military-deaths") { a: figures(first: 1) { nodes { kind } } b: figures(last: 1) { nodes { kind } } } }`);
    assert.equal(twice.errors, undefined, JSON.stringify(twice.errors));
    assert.deepEqual([twice.data.compareFigures.a.nodes.length, twice.data.compareFigures.b.nodes.length, twice.extensions!.sql!.statements], [1, 1, 3]);
    const refused = await api.gql(`{ compareFigures(measure: "russian-military-deaths") { figures(first: 1000) { totalCount } } }`);
    assert.equal(refused.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    const none = await api.gql(`{ compareFigures(measure: "no-such-measure") { spreads { kind } figures { totalCount } } }`);
    assert.deepEqual([none.data.compareFigures, none.extensions!.sql!.statements], [null, 1]);
  });

  it('reads the figures giving the bounds only when selected, however they are selected', async () => {
    const numbers = await api.gql(`{ compareFigures(measure: "russian-military-deaths") { spreads { kind count lowest highest ratio } } }`);
    assert.equal(numbers.errors, undefined, JSON.stringify(numbers.errors));
    const full = await compare({ measure: 'russian-military-deaths' });
    const withoutFigures = full.spreads.map(({ lowestFigure: _, highestFigure: __, ...spread }: Record<string, unknown>) => spread);
    assert.deepEqual(numbers.data.compareFigures.spreads, withoutFigures);
    // Through an alias and a fragment, next to a plain selection of the numbers, and asked for
    // after the measure (the spreads' own read): the figures are still there.
    const fragment = await api.gql(`
      fragment Bounds on FigureSpread { highestFigure { speaker { name } } }
      { compareFigures(measure: "russian-military-deaths") { measure { slug } plain: spreads { kind } bounds: spreads { kind ...Bounds } } }`);
    assert.equal(fragment.errors, undefined, JSON.stringify(fragment.errors));
    assert.deepEqual(fragment.data.compareFigures.plain, full.spreads.map(({ kind }: { kind: string }) => ({ kind })));
    assert.deepEqual(fragment.data.compareFigures.bounds, full.spreads.map(({ kind, highestFigure }: Record<string, unknown>) => ({ kind, highestFigure })));
  });

  it("leaves the bound figures' look-ups out of the SQL when they are not selected", async () => {
    // One connection, so that its prepared statements are all the requests' statements.
    const single = await startTestApp({ seed: true, database: { poolSize: 1 } });
    const measureStatements = async () =>
      (await single.app.database.pool.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%FROM measure t%' ORDER BY prepare_time")).rows.map((row) => row.statement);
    try {
      const numbers = await single.gql(`{ compareFigures(measure: "russian-military-deaths") { spreads { kind count lowest highest } } }`);
      assert.equal(numbers.data.compareFigures.spreads.length, 3);
      const [lean] = await measureStatements();
      assert.match(lean, /FROM figure_month f/);
      assert.doesNotMatch(lean, /row_to_json|ORDER BY q\.stated_on/);
      const bounds = await single.gql(`{ compareFigures(measure: "russian-military-deaths") { spreads { kind lowestFigure { kind } } } }`);
      assert.equal(bounds.data.compareFigures.spreads.length, 3);
      const [, withFigures] = await measureStatements();
      assert.match(withFigures, /row_to_json/);
      assert.match(withFigures, /ORDER BY q\.stated_on/);
    } finally {
      await single.close();
    }
  });

  it('converts to another period, filters by date and kind, and takes a global id', async () => {
    const perDay = await compare({ measure: encodeGlobalId('Measure', SEED_IDS.deaths), per: 'DAY', kind: ['ESTIMATE'], from: '2026-01-17' });
    assert.equal(perDay.figures.totalCount, 1, 'Rutte spoke on the 16th, before from');
    assert.equal(perDay.spreads.length, 1);
    assert.equal(Number(perDay.spreads[0].lowest.toFixed(2)), Number((35000 / 30.4375).toFixed(2)));
    assert.equal(await compare({ measure: 'no-such-measure' }), null);
    const backwards = await api.gql(COMPARE, { measure: 'russian-military-deaths', from: '2026-02-01', to: '2026-01-01' });
    assert.equal(backwards.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.equal(backwards.errors?.[0].extensions?.fields?.[0].field, 'to');
  });

  it("flags Fedorov's 35,000 against Rutte's 20,000–25,000, both ways, and nothing for the target or the historical figure", async () => {
    const conflicts = async (n: number, within?: number) => {
      const response = await api.gql(CONFLICTS, { id: encodeGlobalId('Statement', SEED_IDS.statement(n)), within });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      return response.data.statement.conflictingFigures;
    };
    assert.deepEqual(await conflicts(4), [
      { gap: 1.4, linked: true, figure: { value: 35000 }, other: { lower: 20000, upper: 25000 }, statement: { speaker: { name: 'Mark Rutte' } } },
    ]);
    const [fromRutte] = await conflicts(5);
    assert.equal(fromRutte.statement.speaker.name, 'Mykhailo Fedorov');
    assert.equal(fromRutte.gap, 1.4);
    assert.deepEqual(await conflicts(3), [], 'a target is never compared with estimates');
    assert.deepEqual(await conflicts(7), [], 'a total over nine years is not a current rate');
    assert.deepEqual(await conflicts(4, 0), [], 'three days apart is more than 0 days');
  });

  it("follows a statement's new date (figures keep a copy of it for the index)", async () => {
    const { secret } = await createApiKey(api.app.database.pool, 'compare-editor', ApiRole.EDITOR);
    const moved = await api.gql(
      'mutation ($id: ID!, $input: UpdateStatementInput!) { updateStatement(id: $id, input: $input) { stated { start } } }',
      { id: encodeGlobalId('Statement', SEED_IDS.statement(5)), input: { stated: { date: '2026-03-02', precision: 'DAY' } } },
      { key: secret },
    );
    assert.equal(moved.errors, undefined, JSON.stringify(moved.errors));
    const march = await compare({ measure: 'russian-military-deaths', from: '2026-03-01' });
    assert.deepEqual(march.figures.nodes.map((figure: any) => figure.speaker.name), ['Mark Rutte']);
    assert.deepEqual(march.spreads.map((spread: any) => [spread.kind, spread.lowest]), [['ESTIMATE', 20000]]);
  });
  it('leaves out the figures of a deleted statement until it is restored, and gives a bound by the figure that has it', async () => {
    const { secret } = await createApiKey(api.app.database.pool, 'compare-admin', ApiRole.ADMIN);
    const write = async (mutation: string, variables: Record<string, unknown>) => {
      const response = await api.gql(mutation, variables, { key: secret });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      return response.data;
    };
    const estimates = async () => {
      const result = await compare({ measure: 'russian-military-deaths', kind: ['ESTIMATE'] });
      const [spread] = result.spreads;
      return { total: result.figures.totalCount, count: spread?.count, lowest: spread?.lowest, highest: spread?.highest, by: [spread?.lowestFigure.speaker.name, spread?.highestFigure.speaker.name] };
    };
    assert.deepEqual(await estimates(), { total: 2, count: 2, lowest: 20000, highest: 35000, by: ['Mark Rutte', 'Mykhailo Fedorov'] });

    // "At least 40,000 a month" from Syrskyi: a lower bound only, so it sets no highest bound.
    await write('mutation ($input: CreateQuantityInput!) { createQuantity(input: $input) { id } }', {
      input: { statement: encodeGlobalId('Statement', SEED_IDS.statement(8)), measure: encodeGlobalId('Measure', SEED_IDS.deaths), position: 9, lower: 40000, unit: 'soldiers killed', period: 'MONTH', kind: 'ESTIMATE' },
    });
    const withFloor = await estimates();
    assert.equal(withFloor.total, 3);
    assert.deepEqual([withFloor.count, withFloor.lowest, withFloor.highest, withFloor.by[1]], [3, 20000, 35000, 'Mykhailo Fedorov']);

    // Rutte's statement deleted: his estimate leaves the figures and the spread; restored, it comes back.
    const rutte = encodeGlobalId('Statement', SEED_IDS.statement(5));
    await write('mutation ($id: ID!) { deleteStatement(id: $id) { id } }', { id: rutte });
    const without = await estimates();
    assert.deepEqual([without.total, without.count, without.lowest, without.by[0]], [2, 2, 35000, 'Mykhailo Fedorov']);
    await write('mutation ($id: ID!) { restoreStatement(id: $id) { id } }', { id: rutte });
    assert.deepEqual((await estimates()).by, ['Mark Rutte', 'Mykhailo Fedorov']);
  });
});
