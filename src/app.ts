import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { type Database, openDatabase } from './db/database';
import { ApiKeyCache } from './domain/api-key/api-key-cache';
import { createApollo } from './graphql/apollo';
import { createSchema } from './graphql/schema';
import type { DestinationStream } from 'pino';
import { createLogger } from './http/logger';
import { Metrics } from './http/metrics';
import { createHttpServer, GRAPHQL_PATH } from './http/server';
import { isEmpty, seedReferenceArticle } from './seed/seed';

/** A running Claimgraph: where it listens, its database, and how to stop it. */
export interface App {
  url: string;
  database: Database;
  server: http.Server;
  close(): Promise<void>;
}

/** Starts Claimgraph on an already open database: schema, Apollo, HTTP. `logDestination` is for tests. */
export async function startAppOn(database: Database, config: Config, logDestination?: DestinationStream): Promise<App> {
  const logger = createLogger(config.logLevel, logDestination);
  const metrics = new Metrics(database.pool);
  if (config.seedOnStart && (await isEmpty(database.dataSource))) {
    await seedReferenceArticle(database.dataSource);
  }
  const apollo = await createApollo(await createSchema(), {
    production: config.production, introspection: config.introspection, persistedQueryCacheBytes: config.persistedQueryCacheBytes,
    limits: config.queryLimits, logger, metrics,
  });
  const apiKeyCache = new ApiKeyCache({ connectionString: database.url }, config.apiKeyCacheSeconds * 1000);
  await apiKeyCache.start();
  const server = createHttpServer(apollo, database, {
    production: config.production, readsRequireKey: config.readsRequireKey, apiKeyCache, corsOrigins: config.corsOrigins, maxBodyBytes: config.maxBodyBytes,
    webPages: config.playground, logger, metrics,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await apiKeyCache.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    database,
    server,
    async close() {
      // Stop accepting, let requests in flight finish, and cut what is still open after the bound.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(timer);
      await apollo.stop();
      await apiKeyCache.close();
      logger.flush();
    },
  };
}

/** config -> database (embedded unless DATABASE_URL) -> migrations -> seed when empty -> HTTP. */
export async function startApp(config: Config): Promise<App> {
  const database = await openDatabase(config);
  try {
    const app = await startAppOn(database, config);
    return {
      ...app,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
