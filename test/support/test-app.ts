import { startAppOn, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../../src/graphql/query-limits';
import { createTestDatabase } from './test-database';

export interface GraphQLResponse<Data = any> {
  data?: Data;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; fields?: Array<{ field: string; message: string }> } }>;
  extensions?: { sql?: { statements: number; millis: number } };
}

export interface TestApp {
  app: App;
  /** Posts an operation over HTTP, asking for the SQL statistics extension. */
  gql<Data = any>(query: string, variables?: Record<string, unknown>, options?: { key?: string }): Promise<GraphQLResponse<Data> & { status: number }>;
  close(): Promise<void>;
  /** Drops the database alone, for a test that has closed the app itself. */
  dropDatabase(): Promise<void>;
}

/** Claimgraph on a fresh database of its own, listening on a free port. */
export async function startTestApp(options: {
  seed: boolean;
  readsRequireKey?: boolean;
  production?: boolean;
  queryLimits?: Partial<QueryLimits>;
  corsOrigins?: string[];
  maxBodyBytes?: number;
  /** API_KEY_CACHE_SECONDS (60). */
  apiKeyCacheSeconds?: number;
  /** Connections in the pool (4) and whether reads are prepared (yes). */
  database?: { poolSize?: number; preparedStatements?: boolean };
}): Promise<TestApp> {
  const database = await createTestDatabase(options.database);
  const config = {
    ...loadConfig({}), port: 0, host: '127.0.0.1', seedOnStart: options.seed, databaseUrl: database.url, readsRequireKey: options.readsRequireKey ?? false,
    production: options.production ?? false,
    introspection: !options.production,
    playground: !options.production,
    corsOrigins: options.corsOrigins ?? [],
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    apiKeyCacheSeconds: options.apiKeyCacheSeconds ?? 60,
    logLevel: 'silent',
    queryLimits: { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits },
  };
  const app = await startAppOn(database, config);
  return {
    app,
    async gql(query, variables, options) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'claimgraph-debug': 'sql',
          ...(options?.key ? { authorization: `Bearer ${options.key}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { ...((await response.json()) as GraphQLResponse), status: response.status };
    },
    async close() {
      await app.close();
      await database.drop();
    },
    dropDatabase: () => database.drop(),
  };
}
