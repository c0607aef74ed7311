import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createSchema, printSortedSchema } from '../graphql/schema';
import { runCli } from './run-cli';

/** Rewrites schema/schema.graphql from the code (`npm run schema`). */
async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../../../schema/schema.graphql');
  fs.writeFileSync(file, printSortedSchema(await createSchema()));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

runCli(main);
