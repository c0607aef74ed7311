import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { fieldPlan } from '../src/graphql/field-plans';
import { encodeGlobalId } from '../src/graphql/global-id';
import { fixtureId, loadFixture } from './support/fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Plans made from a field's selections are kept across requests of the same operation (see
 * src/graphql/field-plans.ts). Each answer is checked against the same operation written
 * with the variables' values inline, a text of its own and so a plan of its own.
 */
describe('plans kept across requests', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ seed: false });
    await loadFixture(api.app.database, 60);
  });
  after(() => api.close());

  async function ask(query: string, variables: Record<string, unknown> = {}, statements?: number) {
    const result = await api.gql(query, variables);
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    // A plan made for other values would still answer right (loaders are keyed by the values
    // the resolvers get), but would read its nested lists for nothing and cost statements.
    if (statements !== undefined) assert.equal(result.extensions!.sql!.statements, statements, JSON.stringify(variables));
    return result.data;
  }

  // Speaker 3 made statements 2, 22 and 42: each fact-checked once, 42 disputed.
  const speaker = encodeGlobalId('Speaker', fixtureId(1, 3));

  it('read what the variables below a field ask for, each time', async () => {
    const query = `query ($id: ID!, $first: Int!, $withText: Boolean!, $direction: RelationDirection!) {
      speaker(id: $id) { statements(first: $first) { nodes { id text @include(if: $withText) relations(direction: $direction) { nodes { type } } } } } }`;
    const inline = (first: number, withText: boolean, direction: string) => `{
      speaker(id: "${speaker}") { statements(first: ${first}) { nodes { id ${withText ? 'text' : ''} relations(direction: ${direction}) { nodes { type } } } } } }`;
    const runs: Array<[number, boolean, string]> = [[2, false, 'OUTGOING'], [3, true, 'OUTGOING'], [2, true, 'INCOMING'], [3, false, 'BOTH'], [2, false, 'OUTGOING']];
    for (const [first, withText, direction] of runs) {
      const data = await ask(query, { id: speaker, first, withText, direction }, 1);
      assert.deepEqual(data, await ask(inline(first, withText, direction)), JSON.stringify({ first, withText, direction }));
      const nodes = data.speaker.statements.nodes;
      assert.equal(nodes.length, first);
      assert.equal(nodes.every((node: { text?: string }) => (withText ? node.text?.startsWith('Fixture statement') : node.text === undefined)), true);
    }
  });

  it('follow the variables used in fragments spread below a field', async () => {
    const query = `query ($id: ID!, $reviews: Int!) { speaker(id: $id) { statements(first: 4) { nodes { ...Reviewed } } } }
      fragment Reviewed on Statement { text reviews(first: $reviews) { totalCount nodes { ratingText reviewer { name } } } }`;
    const seen = new Set<number>();
    for (const reviews of [0, 1, 0]) {
      const data = await ask(query, { id: speaker, reviews }, 1);
      const nodes = data.speaker.statements.nodes as Array<{ reviews: { totalCount: number; nodes: unknown[] } }>;
      assert.equal(nodes.length, 3);
      for (const node of nodes) assert.equal(node.reviews.nodes.length, Math.min(reviews, node.reviews.totalCount));
      seen.add(nodes.reduce((sum, node) => sum + node.reviews.nodes.length, 0));
    }
    assert.deepEqual([...seen].sort(), [0, 3], 'each statement is fact-checked once');
  });

  it('read a nested list with the filter its variables give: left out, null or set', async () => {
    const query = `query ($id: ID!, $status: [VerificationStatus!]) { speaker(id: $id) { statements(first: 20, filter: { status: $status }) { totalCount } } }`;
    const all = await ask(query, { id: speaker }, 1);
    const disputed = await ask(query, { id: speaker, status: ['DISPUTED'] }, 1);
    const none = await ask(query, { id: speaker, status: null }, 1);
    const unverified = await ask(query, { id: speaker, status: ['UNVERIFIED'] }, 1);
    assert.equal(unverified.speaker.statements.totalCount, 2);
    assert.equal(all.speaker.statements.totalCount, 3);
    assert.equal(none.speaker.statements.totalCount, 3);
    assert.equal(disputed.speaker.statements.totalCount, 1);
  });
});

describe('fieldPlan', () => {
  /** The root field of `query` as a resolver would see it, with `variables`. */
  function infoOf(query: string) {
    const document = parse(query);
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const fragments = Object.fromEntries(
      document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [(fragment as FragmentDefinitionNode).name.value, fragment]),
    );
    const fieldNodes = [operation.selectionSet.selections[0] as FieldNode];
    return (variables: Record<string, unknown>) => ({ fieldNodes, fragments, variableValues: variables }) as unknown as GraphQLResolveInfo;
  }

  it('makes a plan once per field and values of the variables used below it, whatever the others', () => {
    const request = infoOf(`query ($id: ID!, $n: Int, $text: Boolean!) { speaker(id: $id) { statements(first: $n) { nodes { ...Shown } } } }
      fragment Shown on Statement { text @include(if: $text) }`);
    let made = 0;
    const plan = (variables: Record<string, unknown>) => fieldPlan(request(variables), 'test', () => ({ made: ++made }));
    const first = plan({ id: 'a', n: 2, text: true });
    // The field's own argument is the resolver's: another id, the same plan.
    assert.equal(plan({ id: 'b', n: 2, text: true }), first);
    assert.equal(made, 1);
    // A variable of a nested argument, and one used only in a fragment spread below: a plan each.
    assert.notEqual(plan({ id: 'a', n: 3, text: true }), first);
    assert.notEqual(plan({ id: 'a', n: 2, text: false }), first);
    assert.equal(made, 3);
    // A variable left out is not one given as null.
    plan({ id: 'a', text: true });
    plan({ id: 'a', n: null, text: true });
    assert.equal(made, 5);
    assert.equal(plan({ id: 'c', n: 3, text: true }).made, 2);
  });

  it('keeps plans apart by kind and by field, though the text is the same', () => {
    const query = '{ statements { nodes { text } } }';
    const [one, other] = [infoOf(query)({}), infoOf(query)({})];
    const a = fieldPlan(one, 'rows', () => ({}));
    assert.equal(fieldPlan(one, 'rows', () => ({})), a);
    assert.notEqual(fieldPlan(one, 'needs', () => ({})), a);
    // Another parse of the same text is another document: its plans are its own.
    assert.notEqual(fieldPlan(other, 'rows', () => ({})), a);
  });
});

