import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { encodeGlobalId } from '../src/graphql/global-id';
import { tableCounts } from './support/table-counts';
import { startTestApp, type TestApp } from './support/test-app';

const CREATE_SPEAKER = /* GraphQL */ `mutation CreateSpeaker($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id name aliases version } }`;
const UPDATE_SPEAKER = /* GraphQL */ `mutation UpdateSpeaker($id: ID!, $input: UpdateSpeakerInput!) { updateSpeaker(id: $id, input: $input) { name version } }`;
const CREATE_ROLE = /* GraphQL */ `mutation CreateRole($input: CreateRoleInput!) { createRole(input: $input) { id title startedOn organization { name } speaker { name } } }`;
const CREATE_EVENT = /* GraphQL */ `mutation CreateEvent($input: CreateEventInput!) { createEvent(input: $input) { id title date { label } version } }`;
const UPDATE_EVENT = /* GraphQL */ `mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { title version revisions { nodes { action version } } } }`;
const CREATE_SOURCE = /* GraphQL */ `mutation CreateSource($input: CreateSourceInput!) { createSource(input: $input) { id url } }`;
const CREATE_MEASURE = /* GraphQL */ `mutation CreateMeasure($input: CreateMeasureInput!) { createMeasure(input: $input) { id slug } }`;
const CREATE_TOPIC = /* GraphQL */ `mutation CreateTopic($input: CreateTopicInput!) { createTopic(input: $input) { id slug } }`;
const DELETE_TOPIC = /* GraphQL */ `mutation DeleteTopic($id: ID!) { deleteTopic(id: $id) { id } }`;
const RESTORE_TOPIC = /* GraphQL */ `mutation RestoreTopic($id: ID!) { restoreTopic(id: $id) { slug version } }`;
const RECORD = /* GraphQL */ `mutation Record($input: RecordStatementInput!) { recordStatement(input: $input) { speakerCreated statement { id speaker { name } } } }`;
const CREATE_APPEARANCE = /* GraphQL */ `mutation CreateAppearance($input: CreateAppearanceInput!) { createAppearance(input: $input) { excerpt source { url } } }`;
const CREATE_QUANTITY = /* GraphQL */ `mutation CreateQuantity($input: CreateQuantityInput!) { createQuantity(input: $input) { position lower upper rate(per: YEAR) { value } } }`;
const CREATE_RELATION = /* GraphQL */ `mutation CreateRelation($input: CreateStatementRelationInput!) { createStatementRelation(input: $input) { type from { text } to { text } } }`;
const CREATE_REVIEW = /* GraphQL */ `mutation CreateReview($input: CreateReviewInput!) { createReview(input: $input) { ratingText ratingValue reviewer { name } statement { text } } }`;
const TOPIC = /* GraphQL */ `query Topic($slug: String!) { topic(slug: $slug) { slug } }`;

describe('create, update, delete and restore for every entity', () => {
  let api: TestApp;
  let editor: string;
  let admin: string;
  before(async () => {
    api = await startTestApp({ seed: false });
    editor = (await createApiKey(api.app.database.pool, 'editor', ApiRole.EDITOR)).secret;
    admin = (await createApiKey(api.app.database.pool, 'admin', ApiRole.ADMIN)).secret;
  });
  after(() => api.close());

  const write = async (query: string, variables: Record<string, unknown>, key = editor) => {
    const result = await api.gql(query, variables, { key });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return Object.values(result.data)[0] as any;
  };

  it('builds a whole claim graph through the API and reads it back', async () => {
    const checker = await write(CREATE_SPEAKER, { input: { kind: 'ORGANIZATION', name: 'Check Desk' } });
    const ministry = await write(CREATE_SPEAKER, { input: { kind: 'ORGANIZATION', name: 'Ministry of Facts' } });
    const person = await write(CREATE_SPEAKER, { input: { kind: 'PERSON', name: 'Ada Example', aliases: ['A. Example'] } });
    assert.deepEqual([person.name, person.aliases, person.version], ['Ada Example', ['A. Example'], 1]);
    const role = await write(CREATE_ROLE, { input: { speaker: person.id, organization: ministry.id, title: 'Minister', startedOn: '2020-01-01' } });
    assert.deepEqual([role.title, role.organization.name, role.speaker.name], ['Minister', 'Ministry of Facts', 'Ada Example']);
    const event = await write(CREATE_EVENT, { input: { kind: 'SPEECH', title: 'Budget speech', date: { date: '2026-03-18', precision: 'WEEK' } } });
    assert.deepEqual(event.date, { label: '2026-W12' });
    const source = await write(CREATE_SOURCE, { input: { url: 'https://Paper.example/budget/', title: 'Budget' } });
    assert.equal(source.url, 'https://paper.example/budget');
    const measure = await write(CREATE_MEASURE, { input: { slug: 'budget-deficit', label: 'Budget deficit', unit: 'euros' } });
    await write(CREATE_TOPIC, { input: { slug: 'budget', label: 'Budget' } });
    const recorded = await write(RECORD, {
      input: { text: 'The deficit will halve.', mode: 'PARAPHRASE', speaker: { name: 'a. example' }, stated: { date: '2026-03-18', precision: 'DAY' }, event: { id: event.id }, topics: ['budget'] },
    });
    assert.deepEqual([recorded.speakerCreated, recorded.statement.speaker.name], [false, 'Ada Example']);
    const other = await write(RECORD, { input: { text: 'It will not.', mode: 'DIRECT_QUOTE', speaker: { id: person.id }, stated: { date: '2026-03-19', precision: 'DAY' } } });
    const appearance = await write(CREATE_APPEARANCE, { input: { statement: recorded.statement.id, source: source.id, excerpt: 'will halve' } });
    assert.equal(appearance.source.url, 'https://paper.example/budget');
    const quantity = await write(CREATE_QUANTITY, { input: { statement: recorded.statement.id, measure: measure.id, position: 1, lower: 10, upper: 20, unit: 'bn euros', period: 'MONTH' } });
    assert.deepEqual([quantity.position, quantity.lower, quantity.upper, Math.round(quantity.rate.value)], [1, 10, 20, 180]);
    const relation = await write(CREATE_RELATION, { input: { from: other.statement.id, to: recorded.statement.id, type: 'CONTRADICTS', note: 'opposite forecasts' } });
    assert.deepEqual([relation.type, relation.from.text, relation.to.text], ['CONTRADICTS', 'It will not.', 'The deficit will halve.']);
    const review = await write(CREATE_REVIEW, { input: { statement: recorded.statement.id, reviewer: checker.id, ratingText: 'Unproven', ratingValue: 2, bestRating: 5, worstRating: 1, reviewedOn: '2026-03-20' } });
    assert.deepEqual([review.ratingText, review.ratingValue, review.reviewer.name], ['Unproven', 2, 'Check Desk']);

    const updated = await write(UPDATE_EVENT, { id: event.id, input: { title: 'Spring budget speech', expectedVersion: 1 } });
    assert.deepEqual(updated, { title: 'Spring budget speech', version: 2, revisions: { nodes: [{ action: 'CREATE', version: 1 }, { action: 'UPDATE', version: 2 }] } });
    const stale = await api.gql(UPDATE_EVENT, { id: event.id, input: { title: 'x', expectedVersion: 1 } }, { key: editor });
    assert.equal(stale.errors?.[0].extensions?.code, 'CONFLICT');

    // Renaming a speaker moves its name keys: the new name matches, the old one no longer does.
    await write(UPDATE_SPEAKER, { id: person.id, input: { name: 'Ada Renamed', aliases: [] } });
    const byNewName = await write(RECORD, { input: { text: 'Renamed.', mode: 'PARAPHRASE', speaker: { name: 'ADA RENAMED' }, stated: { date: '2026-03-21', precision: 'DAY' } } });
    assert.equal(byNewName.speakerCreated, false);
    const byOldAlias = await write(RECORD, { input: { text: 'Old alias.', mode: 'PARAPHRASE', speaker: { name: 'A. Example' }, stated: { date: '2026-03-21', precision: 'DAY' } } });
    assert.equal(byOldAlias.speakerCreated, true);
  });

  it('hides a deleted topic until an admin restores it', async () => {
    const topic = await write(CREATE_TOPIC, { input: { slug: 'to-hide', label: 'To hide' } });
    await write(DELETE_TOPIC, { id: topic.id });
    assert.equal((await api.gql(TOPIC, { slug: 'to-hide' })).data.topic, null);
    const refused = await api.gql(RESTORE_TOPIC, { id: topic.id }, { key: editor });
    assert.equal(refused.errors?.[0].extensions?.code, 'FORBIDDEN');
    assert.deepEqual(await write(RESTORE_TOPIC, { id: topic.id }, admin), { slug: 'to-hide', version: 3 });
    assert.deepEqual((await api.gql(TOPIC, { slug: 'to-hide' })).data.topic, { slug: 'to-hide' });
  });

  it('refuses writes that break the rules, changing nothing', async () => {
    const before = await tableCounts(api.app.database);
    const speakers = (await api.app.database.pool.query("SELECT id FROM speaker WHERE name IN ('Ada Renamed', 'Ministry of Facts') ORDER BY name")).rows;
    const [person, ministry] = speakers.map((row: { id: string }) => encodeGlobalId('Speaker', row.id));
    const refusals: Array<[string, string, Record<string, unknown>, string]> = [
      ['role ends before it starts', CREATE_ROLE, { input: { speaker: person, organization: ministry, title: 'X', startedOn: '2024-01-01', endedOn: '2023-01-01' } }, 'BAD_USER_INPUT'],
      ['a role in a person', CREATE_ROLE, { input: { speaker: ministry, organization: person, title: 'X' } }, 'BAD_USER_INPUT'],
      ['a URL already stored, spelled differently', CREATE_SOURCE, { input: { url: 'https://paper.example/budget#top', title: 'Again' } }, 'CONFLICT'],
      ['a name another speaker has', CREATE_SPEAKER, { input: { kind: 'PERSON', name: 'ada  renamed' } }, 'CONFLICT'],
      ['a slug in use', CREATE_MEASURE, { input: { slug: 'budget-deficit', label: 'Again', unit: 'x' } }, 'CONFLICT'],
      ['a bad slug', CREATE_TOPIC, { input: { slug: 'Not A Slug', label: 'x' } }, 'BAD_USER_INPUT'],
    ];
    for (const [name, query, variables, code] of refusals) {
      const result = await api.gql(query, variables, { key: editor });
      assert.equal(result.errors?.[0].extensions?.code, code, `${name}: ${JSON.stringify(result.errors)}`);
    }
    assert.deepEqual(await tableCounts(api.app.database), before);
  });
});
