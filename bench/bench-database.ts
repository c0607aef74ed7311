import path from 'node:path';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/admin';
import { connect, type Database } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';

/** The benchmark's PostgreSQL: DATABASE_URL's server, or an embedded one kept in bench/.data. */
export interface BenchServer {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres(path.resolve(__dirname, '../../bench/.data/postgres'));
  return { adminUrl: embedded.adminUrl, embedded: true, stop: () => embedded.stop() };
}

/** The migrated database holding the dataset of `statements` statements (one database per size). */
export async function openBenchDatabase(server: BenchServer, statements: number): Promise<Database> {
  const name = `claimgraph_bench_${statements}`;
  await ensureDatabase(server.adminUrl, name);
  return connect(withDatabase(server.adminUrl, name), { poolSize: 20 });
}

export async function dropBenchDatabase(server: BenchServer, statements: number): Promise<void> {
  await dropDatabase(server.adminUrl, `claimgraph_bench_${statements}`);
}
