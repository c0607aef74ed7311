import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
import { createSchema, printSortedSchema } from '../src/graphql/schema';

const CONTRACT = path.resolve(__dirname, '../../schema/schema.graphql');

describe('schema/schema.graphql is the contract', () => {
  it('matches the schema the code builds (run `npm run schema` and review the diff)', async () => {
    const printed = printSortedSchema(await createSchema());
    assert.equal(printed, fs.readFileSync(CONTRACT, 'utf8'));
  });

  it('documents every type, field, argument and enum value', async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
