import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/db/admin';
import { connect, type ConnectOptions, type Database } from '../../src/db/database';

/** The server npm test prepared (test/run.ts). */
export function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error('TEST_ADMIN_DATABASE_URL is unset: run the suite with npm test');
  return url;
}

/** A new, empty, migrated database of its own for one test file; drop() removes it. */
export async function createTestDatabase(options: Partial<ConnectOptions> = {}): Promise<Database & { name: string; drop(): Promise<void> }> {
  const name = `claimgraph_test_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl(), name);
  const database = await connect(withDatabase(adminUrl(), name), { poolSize: 4, ...options });
  return {
    ...database,
    name,
    async drop() {
      await database.close();
      await dropDatabase(adminUrl(), name);
    },
  };
}
