import type { Database } from '../db/database';
import type { Actor } from '../domain/api-key/api-key.service';
import type { Logger } from '../http/logger';
import { SqlSession } from '../db/sql-session';
import { RequestLoaders } from './request-loaders';

/** What every resolver of one request shares. */
export interface Context {
  sql: SqlSession;
  loaders: RequestLoaders;
  /** Whether the response should carry extensions.sql (opt-in, never in production). */
  reportSql: boolean;
  /** The caller's API key, or null for an anonymous caller. */
  actor: Actor | null;
  database: Database;
  requestId: string;
  /** The request's logger: every line carries its request id. */
  log: Logger;
}

export interface RequestInfo {
  actor: Actor | null;
  reportSql: boolean;
  requestId: string;
  log: Logger;
}

/** A fresh context per request: new SQL counter, new loaders. */
export function createContext(database: Database, request: RequestInfo): Context {
  const sql = new SqlSession(database.dataSource, database.readPool, database.pool, database.preparedStatements);
  return { sql, loaders: new RequestLoaders(sql, database.dataSource), database, ...request };
}
