import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

/** An open database: TypeORM for migrations and writes, its pg pool for hand-written reads. */
export interface Database {
  url: string;
  dataSource: DataSource;
  pool: Pool;
  close(): Promise<void>;
}

/** Whether the database answers and has every migration this build knows applied. */
export async function isReady(database: Database): Promise<boolean> {
  try {
    await database.pool.query('SELECT 1');
    return !(await database.dataSource.showMigrations());
  } catch {
    return false;
  }
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL when it is unset,
 * then applies pending migrations.
 */
export async function openDatabase(config: Config): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.embeddedDataDir, config.embeddedPort);
  const url = config.databaseUrl ?? embedded!.url;
  try {
    return await connect(url, config.poolSize, async () => embedded?.stop(), config.statementTimeoutMs);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Opens a DataSource on `url` and migrates it; `afterClose` runs once the pool is closed. */
export async function connect(url: string, poolSize: number, afterClose: () => Promise<void> = async () => {}, statementTimeoutMs = 0): Promise<Database> {
  const dataSource = createDataSource(url, poolSize, statementTimeoutMs);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  // An idle connection the server drops (a restart, an outage) is an 'error' event; unheard,
  // it would end the process. The pool discards the client and the next query reconnects.
  pool.removeAllListeners('error');
  pool.on('error', (error) => process.emitWarning(`database connection lost: ${error.message}`));
  return {
    url,
    dataSource,
    pool,
    async close() {
      await dataSource.destroy();
      await afterClose();
    },
  };
}
