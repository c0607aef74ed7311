import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalId } from '../src/graphql/global-id';
import { SEED_IDS } from '../src/seed/seed-data';
import { startTestApp, type TestApp } from './support/test-app';

const RUTTE = encodeGlobalId('Speaker', SEED_IDS.rutte);
const SYRSKYI = encodeGlobalId('Speaker', SEED_IDS.syrskyi);

const SPEAKER_EVENTS_AND_COSPEAKERS = /* GraphQL */ `
  query SpeakerEventsAndCospeakers($id: ID!) {
    speaker(id: $id) {
      name
      statements(first: 10) {
        totalCount
        nodes {
          text
          stated { start end precision label }
          quantities { nodes { value lower upper approximate period kind } }
          event {
            title kind place countryCode
            date { start precision }
            statements(first: 10) { nodes { text speaker { name } } }
            speakers { nodes { name } }
          }
        }
      }
    }
  }
`;

const SOURCE_CARRIES = /* GraphQL */ `
  query SourceCarries($id: ID!) {
    statement(id: $id) {
      appearances { nodes { excerpt startOffset endOffset source { title url statements(first: 20) { totalCount nodes { speaker { name } } } } } }
    }
  }
`;

const MEASURE_PER_MONTH = /* GraphQL */ `
  query MeasurePerMonth {
    measure(slug: "russian-military-deaths") {
      label
      quantities(first: 10) {
        nodes {
          kind period spanLength spanUnit ratePerDay
          rate(per: MONTH) { value lower upper }
          statement { speaker { name } speakerRole { title organization { name } } stated { label } }
        }
      }
    }
  }
`;

const RELATIONS_AND_REVIEWS = /* GraphQL */ `
  query RelationsAndReviews($id: ID!) {
    statement(id: $id) {
      relations { totalCount nodes { type note from { text } to { text reviews { totalCount } } } }
    }
  }
`;

const SYRSKYI_STATEMENTS = /* GraphQL */ `
  query SyrskyiStatements($id: ID!) {
    speaker(id: $id) { statements { nodes { text stated { start end precision label } event { date { label precision } } speakerRole { title organization { name } } } } }
  }
`;

const FILTERED = /* GraphQL */ `
  query Filtered($filter: StatementFilter) {
    statements(filter: $filter, first: 20) { totalCount nodes { text } }
  }
`;

describe('the seed answers the DOMAIN.md questions', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: true });
  });
  after(() => api.close());

  it("1. Rutte's statements, the Brussels event, and who else spoke there, in one request", async () => {
    const { data, errors } = await api.gql(SPEAKER_EVENTS_AND_COSPEAKERS, { id: RUTTE });
    assert.equal(errors, undefined);
    assert.equal(data.speaker.name, 'Mark Rutte');
    assert.equal(data.speaker.statements.totalCount, 3);
    const estimate = data.speaker.statements.nodes.find((s: any) => s.quantities.nodes.some((q: any) => q.lower === 20000));
    assert.ok(estimate, 'the 20,000 to 25,000 per month estimate is among his statements');
    assert.deepEqual(estimate.quantities.nodes, [{ value: null, lower: 20000, upper: 25000, approximate: true, period: 'MONTH', kind: 'ESTIMATE' }]);
    assert.deepEqual(estimate.stated, { start: '2026-01-16', end: '2026-01-16', precision: 'DAY', label: '2026-01-16' });
    assert.equal(estimate.event.title, 'Mark Rutte speech in Brussels');
    assert.equal(estimate.event.kind, 'SPEECH');
    assert.equal(estimate.event.place, 'Brussels');
    assert.equal(estimate.event.countryCode, 'BE');
    assert.deepEqual(estimate.event.date, { start: '2026-01-16', precision: 'DAY' });
    assert.equal(estimate.event.statements.nodes.length, 3);
    assert.ok(estimate.event.statements.nodes.every((s: any) => s.speaker.name === 'Mark Rutte'));
    assert.deepEqual(estimate.event.speakers.nodes, [{ name: 'Mark Rutte' }]);
  });

  it("Syrskyi's statement is dated December 2025 at MONTH precision", async () => {
    const { data, errors } = await api.gql(SYRSKYI_STATEMENTS, { id: SYRSKYI });
    assert.equal(errors, undefined);
    const [statement] = data.speaker.statements.nodes;
    assert.match(statement.text, /exceeded the number of troops/);
    assert.deepEqual(statement.stated, { start: '2025-12-01', end: '2025-12-31', precision: 'MONTH', label: '2025-12' });
    assert.deepEqual(statement.event.date, { label: '2025-12', precision: 'MONTH' });
    assert.deepEqual(statement.speakerRole, { title: 'Commander-in-Chief', organization: { name: 'Armed Forces of Ukraine' } });
  });

  it('2. a statement, its source, and every other statement the source carries', async () => {
    const { data, errors } = await api.gql(SOURCE_CARRIES, { id: encodeGlobalId('Statement', SEED_IDS.statement(4)) });
    assert.equal(errors, undefined);
    const [appearance] = data.statement.appearances.nodes;
    assert.match(appearance.excerpt, /about 35,000 Russian soldiers killed each month/);
    assert.ok(appearance.endOffset - appearance.startOffset === appearance.excerpt.length);
    assert.equal(appearance.source.url, 'https://claimgraph.example/reference/russian-losses-per-month');
    assert.equal(appearance.source.statements.totalCount, 8);
    const speakers = new Set(appearance.source.statements.nodes.map((s: any) => s.speaker.name));
    assert.deepEqual([...speakers].sort(), ['Mark Rutte', 'Mykhailo Fedorov', 'Oleksandr Syrskyi']);
  });

  it('3. the measure, its figures per month, each speaker and the role held then', async () => {
    const { data, errors } = await api.gql(MEASURE_PER_MONTH);
    assert.equal(errors, undefined);
    const figures = data.measure.quantities.nodes.map((q: any) => ({
      speaker: q.statement.speaker.name,
      kind: q.kind,
      role: q.statement.speakerRole && `${q.statement.speakerRole.title}, ${q.statement.speakerRole.organization.name}`,
      perMonth: [q.rate.lower, q.rate.value, q.rate.upper].map((n: number) => Math.round(n)),
    }));
    const sorted = figures.sort((a: any, b: any) => a.perMonth[1] - b.perMonth[1]);
    assert.deepEqual(sorted, [
      { speaker: 'Mark Rutte', kind: 'HISTORICAL', role: 'Secretary General, NATO', perMonth: [139, 139, 139] },
      { speaker: 'Mark Rutte', kind: 'ESTIMATE', role: 'Secretary General, NATO', perMonth: [20000, 22500, 25000] },
      { speaker: 'Mykhailo Fedorov', kind: 'ESTIMATE', role: 'Minister, Government of Ukraine', perMonth: [35000, 35000, 35000] },
      { speaker: 'Mykhailo Fedorov', kind: 'TARGET', role: 'Minister, Government of Ukraine', perMonth: [50000, 50000, 50000] },
    ]);
    const afghanistan = data.measure.quantities.nodes.find((q: any) => q.period === 'TOTAL');
    assert.equal(afghanistan.spanLength, 9);
    assert.equal(afghanistan.spanUnit, 'YEAR');
    assert.ok(Math.abs(afghanistan.rate.value - 138.89) < 0.01, `15,000 over 9 years is about 139 a month, got ${afghanistan.rate.value}`);
    assert.ok(Math.abs(afghanistan.ratePerDay - 15000 / (9 * 365.25)) < 1e-9);
  });

  it('4. a statement, its relations, the related statement and its reviews', async () => {
    const { data, errors } = await api.gql(RELATIONS_AND_REVIEWS, { id: encodeGlobalId('Statement', SEED_IDS.statement(5)) });
    assert.equal(errors, undefined);
    assert.equal(data.statement.relations.totalCount, 2);
    const types = data.statement.relations.nodes.map((r: any) => r.type).sort();
    assert.deepEqual(types, ['COMPARES_WITH', 'CONTRADICTS']);
    const contradiction = data.statement.relations.nodes.find((r: any) => r.type === 'CONTRADICTS');
    assert.match(contradiction.from.text, /about 35,000/);
    assert.match(contradiction.to.text, /20,000 to 25,000/);
    assert.equal(contradiction.to.reviews.totalCount, 0);
  });

  it('5. filters by speaker, organization, status, topic, measure and date span', async () => {
    const count = async (filter: Record<string, unknown>) => {
      const { data, errors } = await api.gql(FILTERED, { filter });
      assert.equal(errors, undefined);
      return data.statements.totalCount as number;
    };
    assert.equal(await count({}), 8);
    assert.equal(await count({ speaker: RUTTE }), 3);
    assert.equal(await count({ organization: encodeGlobalId('Speaker', SEED_IDS.nato) }), 3);
    assert.equal(await count({ measure: encodeGlobalId('Measure', SEED_IDS.deaths) }), 4);
    assert.equal(await count({ mode: 'DIRECT_QUOTE' }), 1);
    assert.equal(await count({ status: ['UNVERIFIED'] }), 8);
    assert.equal(await count({ status: ['CONFIRMED'] }), 0);
    // December 2025 is a span: a range that touches any day of it matches Syrskyi's statement.
    assert.equal(await count({ statedFrom: '2025-12-20', statedTo: '2026-01-01' }), 1);
    assert.equal(await count({ statedFrom: '2026-01-16', statedTo: '2026-01-16' }), 3);
    // The week of 19 January covers the 21st.
    assert.equal(await count({ statedFrom: '2026-01-21', statedTo: '2026-01-21' }), 4);
  });
});
