import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeGlobalId } from '../src/graphql/global-id';
import { fixtureId, loadFixture } from './support/fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A page reads one connection field selected on its nodes (or on rows joined to them), and one
 * below that, in its own statement. Each answer is checked against its twin: the same query
 * with the nested field selected under two aliases, which reads it on its own as before.
 */
describe('nested lists read with their page', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false });
    await loadFixture(api.app.database, 60);
  });
  after(() => api.close());

  async function ask(query: string, variables: Record<string, unknown> = {}) {
    const result = await api.gql(query, variables);
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return { data: result.data, statements: result.extensions!.sql!.statements as number };
  }

  it('reads relations, their statements, their reviews and reviewers with the statements, in one statement', async () => {
    const relations = `{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { type to { text reviews { totalCount nodes { ratingText reviewer { name } } } } } } }`;
    const nested = await ask(`{ statements(first: 8, orderBy: { direction: ASC }) { nodes { id relations(direction: OUTGOING) ${relations} } } }`);
    const twin = await ask(`{ statements(first: 8, orderBy: { direction: ASC }) { nodes { id relations(direction: OUTGOING) ${relations} again: relations(direction: OUTGOING) { totalCount } } } }`);
    assert.equal(nested.statements, 1);
    assert.ok(twin.statements > nested.statements);
    const nodes = nested.data.statements.nodes;
    assert.deepEqual(nodes, twin.data.statements.nodes.map(({ again: _again, ...node }: Record<string, unknown>) => node));
    const withRelation = nodes.filter((node: { relations: { totalCount: number } }) => node.relations.totalCount > 0);
    assert.equal(withRelation.length, 4, 'odd statements contradict the next one');
    const reviewed = withRelation.flatMap((node: { relations: { edges: Array<{ node: { to: { reviews: { nodes: unknown[] } } } }> } }) =>
      node.relations.edges.flatMap((edge) => edge.node.to.reviews.nodes));
    assert.deepEqual(reviewed[0], { ratingText: 'Misleading', reviewer: { name: 'Fixture Checkers' } });

    // Three levels under a speaker looked up by id: still one statement.
    const query = (twin: string) => `query ($id: ID!) { speaker(id: $id) { statements(first: 3) { nodes { relations ${relations} ${twin} } } } }`;
    const variables = { id: encodeGlobalId('Speaker', fixtureId(1, 2)) };
    const deep = await ask(query(''), variables);
    const deepTwin = await ask(query('again: relations { totalCount }'), variables);
    assert.equal(deep.statements, 1);
    assert.deepEqual(deep.data.speaker.statements.nodes, deepTwin.data.speaker.statements.nodes.map(({ again: _again, ...node }: Record<string, unknown>) => node));
    assert.equal(deep.data.speaker.statements.nodes.filter((node: { relations: { totalCount: number } }) => node.relations.totalCount > 0).length, 3);
  });

  it('reads the statements of each statement\'s event once per event, though several statements share it', async () => {
    const query = (twin: string) => `query ($speaker: ID!) {
      speaker(id: $speaker) { statements(first: 10) { nodes { text event { title statements(first: 3) { totalCount nodes { text speaker { name } } } ${twin} } } } }
    }`;
    const variables = { speaker: encodeGlobalId('Speaker', fixtureId(1, 3)) };
    const nested = await ask(query(''), variables);
    const twin = await ask(query('more: statements(first: 3) { totalCount }'), variables);
    // The speaker, its statements with their events, the events' statements and their speakers.
    assert.equal(nested.statements, 1);
    assert.ok(twin.statements > nested.statements);
    const nodes = nested.data.speaker.statements.nodes;
    assert.deepEqual(nodes, twin.data.speaker.statements.nodes.map(({ event: { more: _more, ...event }, ...node }: { event: Record<string, unknown> }) => ({ ...node, event })));
    // Speaker 3 made statements 42, 22 and 2 (statement i is at event i % 40 + 1): events 3, 23, 3.
    assert.deepEqual(nodes.map((node: { event: { title: string } }) => node.event.title), ['Briefing 3', 'Briefing 23', 'Briefing 3']);
    assert.deepEqual(nodes[0].event.statements, { totalCount: 2, nodes: [
      { text: 'Fixture statement 42', speaker: { name: 'Speaker 003' } },
      { text: 'Fixture statement 2', speaker: { name: 'Speaker 003' } },
    ] });
    assert.deepEqual(nodes[2].event.statements, nodes[0].event.statements);
  });

  it('pages a nested list with after, last and before, filtered and ordered, as it pages on its own', async () => {
    const event = encodeGlobalId('Event', fixtureId(3, 4));
    const all = await ask(`query ($event: ID!) { event(id: $event) { statements(first: 2) { edges { cursor } } } }`, { event });
    const [first, second] = all.data.event.statements.edges.map((edge: { cursor: string }) => edge.cursor);
    const pages = `
      afterFirst: statements(first: 5, after: $first) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { text } }
      lastTwo: statements(last: 2, before: $second, filter: { status: [UNVERIFIED] }, orderBy: { direction: ASC }) { pageInfo { hasNextPage hasPreviousPage } nodes { text status } }`;
    const variables = { first, second };
    const nested = await ask(`query ($first: String) {
      events(first: 40) { nodes { title afterFirst: statements(first: 5, after: $first) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { text } } } }
    }`, { first });
    const twin = await ask(`query ($first: String, $second: String) { events(first: 40) { nodes { title ${pages} } } }`, variables);
    assert.equal(nested.statements, 1);
    const afterFirst = (data: { events: { nodes: Array<{ afterFirst: unknown }> } }) => data.events.nodes.map((node) => node.afterFirst);
    assert.deepEqual(afterFirst(nested.data), afterFirst(twin.data));
    const lastTwo = await ask(`query ($second: String) { events(first: 40) { nodes { lastTwo: statements(last: 2, before: $second, filter: { status: [UNVERIFIED] }, orderBy: { direction: ASC }) { pageInfo { hasNextPage hasPreviousPage } nodes { text status } } } } }`, { second });
    assert.equal(lastTwo.statements, 1);
    assert.deepEqual(lastTwo.data.events.nodes.map((node: { lastTwo: unknown }) => node.lastTwo), twin.data.events.nodes.map((node: { lastTwo: unknown }) => node.lastTwo));
    // The event the cursors came from: its second statement has one before it.
    const own = twin.data.events.nodes.find((node: { title: string }) => node.title === 'Briefing 4');
    assert.deepEqual(own?.afterFirst.nodes, [{ text: 'Fixture statement 3' }]);
    assert.deepEqual(own?.lastTwo, { pageInfo: { hasNextPage: true, hasPreviousPage: false }, nodes: [] });
  });

  it('hides soft-deleted nested rows, and reads nothing under a missing parent', async () => {
    const reviewed = fixtureId(6, 2);
    await api.app.database.pool.query('UPDATE review SET deleted_at = now() WHERE statement_id = $1', [reviewed]);
    await api.app.database.pool.query('UPDATE event SET deleted_at = now() WHERE id = $1', [fixtureId(3, 4)]);
    try {
      const result = await ask(`{
        statements(first: 20, orderBy: { direction: ASC }) { nodes { text event { title statements(first: 2) { nodes { text } } } relations { nodes { to { text reviews { totalCount nodes { ratingText } } } } } } }
      }`);
      const byText = Object.fromEntries(result.data.statements.nodes.map((node: { text: string }) => [node.text, node]));
      assert.equal(byText['Fixture statement 3'].event, null, 'statement 3 is at event 4, which is gone');
      assert.deepEqual(byText['Fixture statement 1'].relations.nodes, [{ to: { text: 'Fixture statement 2', reviews: { totalCount: 0, nodes: [] } } }]);
      assert.deepEqual(byText['Fixture statement 3'].relations.nodes, [{ to: { text: 'Fixture statement 4', reviews: { totalCount: 1, nodes: [{ ratingText: 'Misleading' }] } } }]);
    } finally {
      await api.app.database.pool.query('UPDATE review SET deleted_at = NULL WHERE statement_id = $1', [reviewed]);
      await api.app.database.pool.query('UPDATE event SET deleted_at = NULL WHERE id = $1', [fixtureId(3, 4)]);
    }
  });

  it('reads both orders of one parent\'s statements, asked for side by side, each in its order', async () => {
    const result = await ask(`query ($event: ID!) { event(id: $event) {
      newest: statements(first: 2) { nodes { text } }
      oldest: statements(first: 2, orderBy: { direction: ASC }) { nodes { text } }
    } }`, { event: encodeGlobalId('Event', fixtureId(3, 4)) });
    assert.deepEqual(result.data.event, {
      newest: { nodes: [{ text: 'Fixture statement 43' }, { text: 'Fixture statement 3' }] },
      oldest: { nodes: [{ text: 'Fixture statement 3' }, { text: 'Fixture statement 43' }] },
    });
  });

  it('reads an object looked up by id or slug with the to-one fields and the list selected on it', async () => {
    const statement = encodeGlobalId('Statement', fixtureId(6, 7));
    const query = (twin: string, measureTwin: string) => `query ($id: ID!) {
      statement(id: $id) { text speaker { name } event { title } appearances { nodes { excerpt source { title } } } ${twin} }
      measure(slug: "measure-2") { label quantities(first: 2) { nodes { value } } ${measureTwin} }
      missing: measure(slug: "no-such-measure") { label }
    }`;
    const nested = await ask(query('', ''), { id: statement });
    const twin = await ask(query('again: appearances { totalCount }', 'again: quantities(first: 2) { totalCount }'), { id: statement });
    // The statement with its speaker, event and appearances; both measures (one batch), with the figures of the one there is.
    assert.equal(nested.statements, 2);
    const { again: _again, ...twinStatement } = twin.data.statement;
    assert.deepEqual(nested.data.statement, twinStatement);
    assert.deepEqual(nested.data.statement, {
      text: 'Fixture statement 7',
      speaker: { name: 'Speaker 008' },
      event: { title: 'Briefing 8' },
      appearances: { nodes: [{ excerpt: 'Excerpt 7', source: { title: 'Story 8' } }, { excerpt: 'Excerpt again 7', source: { title: 'Story 15' } }] },
    });
    const { again: _measureAgain, ...twinMeasure } = twin.data.measure;
    assert.deepEqual(nested.data.measure, twinMeasure);
    assert.equal(nested.data.measure.quantities.nodes.length, 2);
    assert.equal(nested.data.missing, null);
  });

  it('reads a soft-deleted object looked up by id as null, as a lookup by global id does', async () => {
    const speaker = fixtureId(1, 8);
    await api.app.database.pool.query('UPDATE speaker SET deleted_at = now() WHERE id = $1', [speaker]);
    try {
      const result = await ask(`query ($id: ID!) {
        speaker(id: $id) { name statements(first: 1) { nodes { text } } }
        again: node(id: $id) { id }
      }`, { id: encodeGlobalId('Speaker', speaker) });
      assert.deepEqual(result.data, { speaker: null, again: null });
    } finally {
      await api.app.database.pool.query('UPDATE speaker SET deleted_at = NULL WHERE id = $1', [speaker]);
    }
  });

  it('answers as level-by-level reading does across shapes, page sizes, directions and orders', async () => {
    // Each shape has its nested field's arguments as $args and a slot for the twin's second alias.
    const shapes = [
      (args: string, twin: string) => `{ statements(first: 6, orderBy: { direction: ASC }) { nodes { id relations(${args}) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { type to { id reviews { nodes { ratingText } } } } } ${twin} } } }`,
      (args: string, twin: string) => `{ speaker(id: "${encodeGlobalId('Speaker', fixtureId(1, 4))}") { statements(first: 3) { nodes { id event { title statements(${args}) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id speakerRole { title } } } ${twin} } } } } }`,
      (args: string, twin: string) => `{ statement(id: "${encodeGlobalId('Statement', fixtureId(6, 9))}") { appearances { nodes { excerpt source { title statements(${args}) { totalCount nodes { id speaker { name } } } ${twin} } } } } }`,
      (args: string, twin: string) => `{ measure(slug: "measure-3") { quantities(${args}) { totalCount nodes { value statement { id speakerRole { title organization { name } } } } } ${twin} } }`,
    ];
    const twinOf = ['again: relations { totalCount }', 'again: statements(first: 1) { totalCount }', 'again: statements(first: 1) { totalCount }', 'again: quantities(first: 1) { totalCount }'];
    const argsList = ['first: 1', 'first: 3', 'last: 2', 'first: 2, orderBy: { direction: ASC }', 'last: 1, orderBy: { direction: ASC }'];
    const drop = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(drop);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'again').map(([key, inner]) => [key, drop(inner)]));
    };
    let compared = 0;
    for (const [index, shape] of shapes.entries()) {
      for (const args of argsList) {
        // Relations and figures have one order; orderBy belongs to statements.
        if ((index === 0 || index === 3) && args.includes('orderBy')) continue;
        const nested = await ask(shape(args, ''));
        const twin = await ask(shape(args, twinOf[index]));
        assert.ok(nested.statements < twin.statements, `${index} ${args}: ${nested.statements} statements against ${twin.statements}`);
        assert.deepEqual(nested.data, drop(twin.data), `${index} ${args}`);
        compared += 1;
      }
    }
    assert.equal(compared, 16);
  });

  it('leaves arguments the resolver rejects to the resolver, which reports them as before', async () => {
    const tooMany = await api.gql(`{ statements(first: 2) { nodes { relations(first: 101) { nodes { type } } } } }`);
    assert.equal(tooMany.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(tooMany.errors?.[0]?.path, ['statements', 'nodes', 0, 'relations']);
    const badCursor = await api.gql(`{ statements(first: 2) { nodes { reviews(after: "not-a-cursor") { nodes { ratingText } } } } }`);
    assert.equal(badCursor.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(badCursor.errors?.[0]?.extensions?.fields?.[0]?.field, 'after');
  });
});
