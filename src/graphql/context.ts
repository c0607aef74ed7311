import type { Database } from '../db/database';
import type { Actor } from '../domain/api-key/api-key.service';
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
}

/** A fresh context per request: new SQL counter, new loaders. */
export function createContext(database: Database, actor: Actor | null = null, reportSql = false): Context {
  const sql = new SqlSession(database.pool);
  return { sql, loaders: new RequestLoaders(sql, database.dataSource), reportSql, actor, database };
}
