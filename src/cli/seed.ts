import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { seedReferenceArticle } from '../seed/seed';
import { runCli } from './run-cli';

/** `npm run seed`: loads the reference article; rows already present are kept, so it can run any number of times. */
async function main(): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    const added = await seedReferenceArticle(database.dataSource);
    console.log(added === 0 ? 'seed: the reference article is already loaded; nothing added' : `seed: added ${added} rows`);
  } finally {
    await database.close();
  }
}

runCli(main);
