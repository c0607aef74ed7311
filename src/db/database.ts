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

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL when it is unset,
 * then applies pending migrations.
 */
export async function openDatabase(config: Config): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.embeddedDataDir, config.embeddedPort);
  const url = config.databaseUrl ?? embedded!.url;
  try {
    return await connect(url, config.poolSize, async () => embedded?.stop());
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Opens a DataSource on `url` and migrates it; `afterClose` runs once the pool is closed. */
export async function connect(url: string, poolSize: number, afterClose: () => Promise<void> = async () => {}): Promise<Database> {
  const dataSource = createDataSource(url, poolSize);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
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
