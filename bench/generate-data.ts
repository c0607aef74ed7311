import 'reflect-metadata';
import type { Database } from '../src/db/database';
import { openBenchDatabase, startBenchServer } from './bench-database';
import { GENERATOR_VERSION, generateDataset } from './dataset';

/** Whether `database` already holds this generator's dataset of `statements` statements. */
export async function hasDataset(database: Database, statements: number): Promise<boolean> {
  await database.pool.query('CREATE SCHEMA IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS bench.meta (statements integer, version integer, rows bigint, generated_at timestamptz)');
  const { rows } = await database.pool.query('SELECT 1 FROM bench.meta WHERE statements = $1 AND version = $2', [statements, GENERATOR_VERSION]);
  return rows.length > 0;
}

/** Makes sure the dataset is there, generating it (after emptying the tables) when it is not. */
export async function ensureDataset(database: Database, statements: number, log: (line: string) => void): Promise<void> {
  if (await hasDataset(database, statements)) {
    log(`dataset of ${statements} statements already loaded`);
    return;
  }
  const tables = 'review, statement_relation, quantity, statement_topic, appearance, statement, topic, measure, source, event, role, speaker_name_key, speaker';
  await database.pool.query(`TRUNCATE ${tables}; DELETE FROM bench.meta`);
  const started = performance.now();
  const written = await generateDataset(database.pool, statements);
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(written).reduce((sum, count) => sum + count, 0);
  await database.pool.query('INSERT INTO bench.meta VALUES ($1, $2, $3, now())', [statements, GENERATOR_VERSION, rows]);
  log(`generated ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s): ${JSON.stringify(written)}`);
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

if (require.main === module) {
  (async () => {
    const statements = argument('statements', 200_000);
    const server = await startBenchServer();
    const database = await openBenchDatabase(server, statements);
    try {
      await ensureDataset(database, statements, console.log);
    } finally {
      await database.close();
      await server.stop();
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
