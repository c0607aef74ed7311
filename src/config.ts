import path from 'node:path';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './graphql/query-limits';

/** Everything the process reads from its environment, typed and checked once at start-up. */
export interface Config {
  /** HTTP port; 0 asks the OS for a free one (tests use that). */
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data between runs. */
  embeddedDataDir: string;
  /** Fixed port for the embedded PostgreSQL; 0 picks a free one. */
  embeddedPort: number;
  poolSize: number;
  /** Name the hand-written reads so each connection parses and plans them once (off for poolers that cannot keep them). */
  preparedStatements: boolean;
  /** PostgreSQL's plan_cache_mode for the pool's sessions, set when reads are prepared. */
  planCacheMode: PlanCacheMode;
  /** Seed the reference article when the database holds no statements. */
  seedOnStart: boolean;
  production: boolean;
  /** Whether reading needs an API key too (writes always do). */
  readsRequireKey: boolean;
  /** How long a checked API key is kept, in seconds (0: every request looks its key up). */
  apiKeyCacheSeconds: number;
  queryLimits: QueryLimits;
  /** Longest a single SQL statement may run, in ms (0: no limit). */
  statementTimeoutMs: number;
  /** How long shutdown waits for requests in flight before closing their connections. */
  shutdownTimeoutMs: number;
  /** pino level: trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
  /** Whether clients may introspect the schema (playgrounds and code generators need it). */
  introspection: boolean;
  /** Serve the GraphiQL playground (/playground, and GET /graphql from a browser) and the claims explorer (/explore). */
  playground: boolean;
  /** Browser origins allowed to call the API (CORS); empty allows none. */
  corsOrigins: string[];
  /** Bytes the automatic persisted queries cache may hold. */
  persistedQueryCacheBytes: number;
  /** Read replicas of DATABASE_URL; reads go to the first, writes to the primary. */
  replicaUrls: string[];
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

export class ConfigError extends Error {}

export const PLAN_CACHE_MODES = ['force_generic_plan', 'auto', 'force_custom_plan'] as const;
export type PlanCacheMode = (typeof PLAN_CACHE_MODES)[number];

/** Every variable loadConfig reads, with its default; the README's configuration table lists the same. */
export const CONFIG_VARIABLES = [
  { name: 'PORT', default: '4000', meaning: 'HTTP port; 0 picks a free one.' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'Interface to listen on.' },
  { name: 'DATABASE_URL', default: '(unset)', meaning: 'External PostgreSQL; unset starts the embedded PostgreSQL.' },
  { name: 'EMBEDDED_PG_DIR', default: '.data/postgres', meaning: "Embedded PostgreSQL's data folder (kept across restarts)." },
  { name: 'EMBEDDED_PG_PORT', default: '0 (a free port)', meaning: 'Port of the embedded PostgreSQL.' },
  { name: 'DB_POOL_SIZE', default: '10', meaning: 'Connections in the pool; all instances together do best at about twice the database server\'s cores (docs/deploy.md).' },
  { name: 'DB_PLAN_CACHE_MODE', default: 'force_generic_plan', meaning: "PostgreSQL's plan_cache_mode for prepared reads: force_generic_plan plans each read once per connection; auto lets PostgreSQL re-plan reads whose generic plan it estimates dearer (nested pages, whose key count it cannot know, always are)." },
  { name: 'DB_PREPARED_STATEMENTS', default: 'true', meaning: 'Prepare a request\'s statements (reads, the key check, a write\'s) once per connection; turn off behind a pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode).' },
  { name: 'SEED_ON_START', default: 'true', meaning: 'Seed the reference article when the database has no statements.' },
  { name: 'READS_REQUIRE_KEY', default: 'false', meaning: 'Whether queries need an API key too; mutations always do.' },
  { name: 'API_KEY_CACHE_SECONDS', default: '60', meaning: 'How long a checked API key is kept without asking the database again; a revocation reaches every server at once through a notification, and within this time where notifications cannot arrive (a pooler in transaction mode). 0 checks every request.' },
  { name: 'MAX_QUERY_DEPTH', default: String(DEFAULT_QUERY_LIMITS.maxDepth), meaning: 'Deepest field nesting a query may have.' },
  { name: 'MAX_ALIASES', default: String(DEFAULT_QUERY_LIMITS.maxAliases), meaning: 'Aliases a query may use.' },
  { name: 'MAX_DIRECTIVES', default: String(DEFAULT_QUERY_LIMITS.maxDirectives), meaning: 'Directives a query may use.' },
  { name: 'MAX_TOKENS', default: String(DEFAULT_QUERY_LIMITS.maxTokens), meaning: 'Lexical tokens a query document may have.' },
  { name: 'MAX_QUERY_COST', default: String(DEFAULT_QUERY_LIMITS.maxCost), meaning: "Cost limit: a field costs 1 and a connection's first/last multiplies what is under it." },
  { name: 'DB_STATEMENT_TIMEOUT_MS', default: '5000', meaning: 'Longest one SQL statement may run (QUERY_TIMEOUT after); 0 for no limit.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', meaning: 'How long SIGTERM/SIGINT waits for requests in flight.' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'Level of the JSON logs (trace, debug, info, warn, error, fatal, silent).' },
  { name: 'INTROSPECTION', default: 'true, false in production', meaning: 'Whether clients may introspect the schema.' },
  { name: 'PLAYGROUND', default: 'true, false in production', meaning: 'Serve the GraphiQL playground at /playground (and on GET /graphql from a browser) and the claims explorer at /explore. The playground needs INTROSPECTION.' },
  { name: 'CORS_ORIGINS', default: '(none)', meaning: 'Comma-separated browser origins allowed to call the API, e.g. https://app.example.org.' },
  { name: 'PERSISTED_QUERY_CACHE_BYTES', default: '10485760', meaning: 'Size bound of the automatic persisted queries cache.' },
  { name: 'DATABASE_REPLICA_URLS', default: '(none)', meaning: 'Comma-separated read replicas of DATABASE_URL; reads use the first, writes and migrations the primary.' },
  { name: 'MAX_BODY_BYTES', default: '1048576', meaning: 'Largest request body accepted (PAYLOAD_TOO_LARGE, 413, above).' },
  { name: 'NODE_ENV', default: '(unset)', meaning: '`production` hides internal error messages and the SQL statistics extension.' },
] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf(env: NodeJS.ProcessEnv, name: string, fallback: string, allowed: string[]): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Reads and validates the configuration; the only place that touches process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DIR || '.data/postgres'),
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 0, 0, 65535),
    poolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 1000),
    preparedStatements: flag(env, 'DB_PREPARED_STATEMENTS', true),
    planCacheMode: oneOf(env, 'DB_PLAN_CACHE_MODE', 'force_generic_plan', [...PLAN_CACHE_MODES]) as PlanCacheMode,
    seedOnStart: flag(env, 'SEED_ON_START', true),
    production: env.NODE_ENV === 'production',
    readsRequireKey: flag(env, 'READS_REQUIRE_KEY', false),
    apiKeyCacheSeconds: integer(env, 'API_KEY_CACHE_SECONDS', 60, 0, 86_400),
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '').split(',').map((url) => url.trim()).filter(Boolean),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    introspection: flag(env, 'INTROSPECTION', env.NODE_ENV !== 'production'),
    playground: flag(env, 'PLAYGROUND', env.NODE_ENV !== 'production'),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    persistedQueryCacheBytes: integer(env, 'PERSISTED_QUERY_CACHE_BYTES', 10 * 1024 * 1024, 0, 2 ** 31),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    statementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 5000, 0, 3_600_000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    queryLimits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
      maxAliases: integer(env, 'MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 1000),
      maxDirectives: integer(env, 'MAX_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives, 0, 1000),
      maxTokens: integer(env, 'MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 10, 1_000_000),
      maxCost: integer(env, 'MAX_QUERY_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 100_000_000),
    },
  };
}
