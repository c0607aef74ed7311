import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getNamedType, getNullableType, isEnumType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { Quantity } from '../src/domain/quantity/quantity.entity';
import { Speaker } from '../src/domain/speaker/speaker.entity';
import { Statement } from '../src/domain/statement/statement.entity';
import { nodeEntities } from '../src/db/entities';
import type { EntityClass } from '../src/db/entity-rows';
import { columnsNeeded, covers } from '../src/graphql/field-columns';
import { encodeGlobalId } from '../src/graphql/global-id';
import { createSchema } from '../src/graphql/schema';
import { fixtureId, loadFixture } from './support/fixture';
import { startTestApp, type TestApp } from './support/test-app';

/** A selection tree as graphql-parse-resolve-info gives it: fields by the type they are selected on. */
function tree(fieldsByTypeName: Record<string, string[]>): ResolveTree {
  const fields = (names: string[]) => Object.fromEntries(names.map((name) => [name, { name, alias: name, args: {}, fieldsByTypeName: {} }]));
  return { name: 'field', alias: 'field', args: {}, fieldsByTypeName: Object.fromEntries(Object.entries(fieldsByTypeName).map(([type, names]) => [type, fields(names)])) };
}

/** An argument value for a required argument: an enum's first value (other kinds are left out). */
function requiredArgs(field: GraphQLField<unknown, unknown>): string | null {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (!required.length) return '';
  const values = required.map((arg) => {
    const type = getNamedType(arg.type);
    return isEnumType(type) ? `${arg.name}: ${type.getValues()[0].name}` : null;
  });
  return values.includes(null) ? null : `(${values.join(', ')})`;
}

/**
 * Every field of `type` that reads the row itself, as the schema has them: scalars and enums,
 * and single objects that are not nodes or connections (a partial date, a rate) with their
 * scalars; by name, with the text selecting them.
 */
function rowFields(type: GraphQLObjectType): Map<string, string> {
  return new Map(Object.values(type.getFields()).flatMap((field): Array<[string, string]> => {
    const args = requiredArgs(field);
    const named = getNamedType(field.type);
    if (args === null) return [];
    if (isLeafType(named)) return [[field.name, `${field.name}${args}`]];
    if (!isObjectType(named) || isListType(getNullableType(field.type)) || named.getInterfaces().length || named.name.endsWith('Connection')) return [];
    const inner = Object.values(named.getFields()).filter((sub) => isLeafType(getNamedType(sub.type)) && requiredArgs(sub) === '');
    return inner.length ? [[field.name, `${field.name}${args} { ${inner.map((sub) => sub.name).join(' ')} }`]] : [];
  }));
}

describe('columns read', () => {
  describe('which columns a selection needs', () => {
    let dataSource: TestApp['app']['database']['dataSource'];
    let api: TestApp;
    before(async () => {
      api = await startTestApp({ seed: false });
      dataSource = api.app.database.dataSource;
    });
    after(() => api.close());

    it('reads the id, the plain columns selected, what getters and field resolvers declare, and a to-one field\'s key', () => {
      const columns = columnsNeeded(dataSource, Statement, [tree({ Statement: ['text', 'stated', 'speaker', 'relations', '__typename'], Node: ['id'] })]);
      assert.deepEqual(columns?.properties, ['id', 'text', 'speakerId', 'statedOn', 'statedPrecision', 'statedUntil']);
      const rate = columnsNeeded(dataSource, Quantity, [tree({ Quantity: ['rate', 'kind'] })]);
      assert.deepEqual(rate?.properties, ['id', 'kind', 'perDay', 'perDayLow', 'perDayHigh']);
      assert.deepEqual(columnsNeeded(dataSource, Speaker, [tree({ Versioned: ['version', 'revisions'] })])?.properties, ['id', 'version']);
    });

    it('reads the row whole when a field\'s columns are not known, or the selections are made on another type', () => {
      // conflictingFigures reads the statement row in ways not declared.
      assert.equal(columnsNeeded(dataSource, Statement, [tree({ Statement: ['text', 'conflictingFigures'] })]), null);
      // A compared figure wraps its quantity: what is selected on it says nothing of the quantity's columns.
      assert.equal(columnsNeeded(dataSource, Quantity, [tree({ ComparedFigure: ['kind', 'rate'] })]), null);
      assert.equal(columnsNeeded(dataSource, Statement, [tree({ Statement: ['text'] }), tree({ Speaker: ['name'] })]), null);
    });

    it('lets a row answer only selections whose columns it has', () => {
      const narrow = columnsNeeded(dataSource, Speaker, [tree({ Speaker: ['name'] })]);
      const wide = columnsNeeded(dataSource, Speaker, [tree({ Speaker: ['name', 'aliases'] })]);
      assert.equal(covers(wide, narrow), true);
      assert.equal(covers(narrow, wide), false);
      assert.equal(covers(null, wide), true, 'a whole row answers anything');
      assert.equal(covers(narrow, null), false);
    });
  });

  describe('rows read with some columns', () => {
    let api: TestApp;
    let schema: GraphQLSchema;
    before(async () => {
      api = await startTestApp({ seed: false });
      await loadFixture(api.app.database, 60);
      schema = await createSchema();
    });
    after(() => api.close());

    async function ask(query: string, variables: Record<string, unknown> = {}) {
      const result = await api.gql(query, variables);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      return result.data;
    }

    it('answer every field of every type reached through pages, joins and nested pages as the whole row does', async () => {
      const fields = (name: string) => `__typename ${[...rowFields(schema.getType(name) as GraphQLObjectType).values()].join(' ')}`;
      const data = await ask(`{ statements(first: 40) { nodes { ${fields('Statement')}
        speaker { ${fields('Speaker')} } event { ${fields('Event')} }
        speakerRole { ${fields('Role')} organization { ${fields('Speaker')} } speaker { id } }
        quantities { nodes { ${fields('Quantity')} measure { ${fields('Measure')} } } }
        appearances { nodes { ${fields('Appearance')} source { ${fields('Source')} } } }
        relations { nodes { ${fields('StatementRelation')} from { ${fields('Statement')} } to { ${fields('Statement')} } } }
        reviews { nodes { ${fields('Review')} reviewer { ${fields('Speaker')} } } }
        topics { nodes { ${fields('Topic')} } } } } }`);

      // Every object with an id, by id; the values of the fields of its own row.
      const objects = new Map<string, Record<string, unknown>>();
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== 'object') return;
        const object = value as Record<string, unknown>;
        if (typeof object.id === 'string' && typeof object.__typename === 'string' && object.version !== undefined) {
          objects.set(object.id, Object.fromEntries(Object.entries(object).filter(([, field]) => !field || typeof field !== 'object' || !('id' in field || 'nodes' in field))));
        }
        Object.values(object).forEach(visit);
      };
      visit(data);
      const types = new Set([...objects.values()].map((object) => object.__typename as string));
      assert.deepEqual([...types].sort(), ['Appearance', 'Event', 'Measure', 'Quantity', 'Review', 'Role', 'Source', 'Speaker', 'Statement', 'StatementRelation', 'Topic']);
      // Each type's fields are read with some columns (not whole), so that what is compared is a partial read.
      const dataSource = api.app.database.dataSource;
      for (const type of types) {
        const entity = nodeEntities.find((candidate) => candidate.name === type)!;
        const names = [...rowFields(schema.getType(type) as GraphQLObjectType).keys()];
        assert.notEqual(columnsNeeded(dataSource, entity as EntityClass, [tree({ [type]: names })]), null, type);
      }

      // The same fields read by id, whole rows, a type at a time (fields of one name differ in type between types).
      for (const type of types) {
        const ids = [...objects.values()].filter((object) => object.__typename === type).map((object) => object.id as string);
        for (let start = 0; start < ids.length; start += 100) {
          const { nodes } = await ask(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ${type} { ${fields(type)} } } }`, { ids: ids.slice(start, start + 100) });
          for (const node of nodes) {
            const object = objects.get(node.id)!;
            assert.deepEqual(object, Object.fromEntries(Object.keys(object).map((key) => [key, node[key]])), `${type} ${node.id}`);
          }
        }
      }
    });

    it('never answer a field that needs a column they lack, though the same row was read for another field', async () => {
      // The seventh to-one field of a page is not joined (six at most): the role's speaker is then
      // looked for among the rows read, where the statement's speaker, the same one, has its name only.
      const data = await ask(`query ($measure: String!) { measure(slug: $measure) { quantities(first: 5) { nodes {
        measure { label } statement { speaker { name } event { title } speakerRole { organization { name } speaker { name aliases } } } } } } }`, { measure: 'measure-1' });
      const nodes = data.measure.quantities.nodes;
      assert.ok(nodes.length > 0);
      for (const { statement } of nodes) {
        assert.ok(statement.speakerRole, 'every fixture speaker holds a role');
        assert.equal(statement.speakerRole.speaker.name, statement.speaker.name);
        assert.ok(Array.isArray(statement.speakerRole.speaker.aliases) && statement.speakerRole.speaker.aliases.length > 0, JSON.stringify(statement.speakerRole.speaker));
      }
      const speaker = await ask(`query ($id: ID!) { node(id: $id) { ... on Speaker { name aliases } } }`, { id: encodeGlobalId('Speaker', fixtureId(1, 1)) });
      assert.ok(speaker.node.aliases.length > 0);
    });
  });
});
