import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Config, PlanCacheMode } from '../config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

/** An open database: TypeORM for migrations and writes, its pg pools for hand-written reads. */
export interface Database {
  url: string;
  dataSource: DataSource;
  /** The primary's pool: writes, and reads that must see them. */
  pool: Pool;
  /** A read replica's pool when DATABASE_REPLICA_URLS names any, else the primary's. */
  readPool: Pool;
  /** Whether a request's statements are prepared once per connection (see prepared-statements.ts). */
  preparedStatements: boolean;
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
    return await connect(url, {
      poolSize: config.poolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      replicaUrls: config.replicaUrls,
      preparedStatements: config.preparedStatements,
      planCacheMode: config.planCacheMode,
      afterClose: async () => embedded?.stop(),
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export interface ConnectOptions {
  poolSize: number;
  statementTimeoutMs?: number;
  replicaUrls?: string[];
  /** Prepare a request's statements once per connection; true unless said otherwise. */
  preparedStatements?: boolean;
  /** plan_cache_mode of every session when reads are prepared; force_generic_plan unless said otherwise. */
  planCacheMode?: PlanCacheMode;
  /** Runs once the pools are closed (stops an embedded server). */
  afterClose?: () => Promise<void>;
}

/**
 * Applies pending migrations on their own connection, each in its own transaction. Migrations
 * are not requests: building an index on a large table may take longer than
 * DB_STATEMENT_TIMEOUT_MS allows a request's statement, so their connection has no timeout.
 */
async function migrate(url: string): Promise<void> {
  const migrator = createDataSource(url, 1);
  await migrator.initialize();
  try {
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
}

/** Migrates the primary, then opens a DataSource on `url` (and replicas). */
export async function connect(url: string, options: ConnectOptions): Promise<Database> {
  const preparedStatements = options.preparedStatements ?? true;
  const planCacheMode = preparedStatements ? (options.planCacheMode ?? 'force_generic_plan') : null;
  await migrate(url);
  const dataSource = createDataSource(url, options.poolSize, options.statementTimeoutMs, options.replicaUrls, planCacheMode);
  await dataSource.initialize();
  const { master: pool, slaves: replicas } = dataSource.driver as unknown as { master: Pool; slaves: Pool[] };
  for (const each of [pool, ...replicas]) {
    // An idle connection the server drops (a restart, an outage) is an 'error' event; unheard,
    // it would end the process. The pool discards the client and the next query reconnects.
    each.removeAllListeners('error');
    each.on('error', (error) => process.emitWarning(`database connection lost: ${error.message}`));
  }
  return {
    url,
    dataSource,
    pool,
    readPool: replicas[0] ?? pool,
    preparedStatements,
    async close() {
      await dataSource.destroy();
      await options.afterClose?.();
    },
  };
}
