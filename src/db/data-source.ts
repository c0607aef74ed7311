import { types, type PoolClient } from 'pg';
import type { PlanCacheMode } from '../config';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { StatementCounter } from './statement-counter';
import { parseTimestamptz } from './timestamp';
import { InitialSchema1764180000000 } from './migrations/1764180000000-initial-schema';
import { StatementSpeakerStatusIndex1764190000000 } from './migrations/1764190000000-statement-speaker-status-index';
import { WritesAuthHistory1764200000000 } from './migrations/1764200000000-writes-auth-history';
import { LiveStatementIndexes1764210000000 } from './migrations/1764210000000-live-statement-indexes';
import { StatementForeignKeyIndexes1764220000000 } from './migrations/1764220000000-statement-foreign-key-indexes';
import { SearchAndMatching1764230000000 } from './migrations/1764230000000-search-and-matching';
import { FigureDates1764240000000 } from './migrations/1764240000000-figure-dates';
import { ComparisonIndexes1764250000000 } from './migrations/1764250000000-comparison-indexes';
import { SearchSpanIndex1764260000000 } from './migrations/1764260000000-search-span-index';
import { ApiKeyChanges1764270000000 } from './migrations/1764270000000-api-key-changes';
import { StatementChecks1764280000000 } from './migrations/1764280000000-statement-checks';
import { FigureMonths1764290000000 } from './migrations/1764290000000-figure-months';
import { RestorableFunctions1764300000000 } from './migrations/1764300000000-restorable-functions';
import { UnchangedSearchDocuments1764310000000 } from './migrations/1764310000000-unchanged-search-documents';
import { AppearanceBeforeStatement1764320000000 } from './migrations/1764320000000-appearance-before-statement';

export const migrations = [
  InitialSchema1764180000000,
  StatementSpeakerStatusIndex1764190000000,
  WritesAuthHistory1764200000000,
  LiveStatementIndexes1764210000000,
  StatementForeignKeyIndexes1764220000000,
  SearchAndMatching1764230000000,
  FigureDates1764240000000,
  ComparisonIndexes1764250000000,
  SearchSpanIndex1764260000000,
  ApiKeyChanges1764270000000,
  StatementChecks1764280000000,
  FigureMonths1764290000000,
  RestorableFunctions1764300000000,
  UnchangedSearchDocuments1764310000000,
  AppearanceBeforeStatement1764320000000,
];

/**
 * Row values as the API wants them: dates stay YYYY-MM-DD strings (no time-zone shift),
 * numerics and counts become numbers, timestamps are parsed by position (src/db/timestamp.ts).
 * Scoped to this pool rather than set globally on pg.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case types.builtins.DATE:
        return (value: string) => value;
      case types.builtins.NUMERIC:
      case types.builtins.INT8:
        return (value: string) => Number(value);
      case types.builtins.TIMESTAMPTZ:
        return format === 'binary' ? types.getTypeParser(oid, format) : parseTimestamptz;
      default:
        return types.getTypeParser(oid, format);
    }
  },
};

/**
 * A TypeORM DataSource on `url`, and on read replicas when given (TypeORM's replication
 * settings: migrations and writes on the primary); migrations run explicitly, never `synchronize`.
 * `planCacheMode`, when given, is set on every connection before its first query.
 */
export function createDataSource(
  url: string,
  poolSize: number,
  statementTimeoutMs = 0,
  replicaUrls: string[] = [],
  planCacheMode: PlanCacheMode | null = null,
): DataSource {
  // Prepared reads are planned once per connection with force_generic_plan: under PostgreSQL's
  // default (auto) every statement over a list of parent keys is planned again on each run,
  // because a generic plan cannot know how many keys it will see and always looks dearer.
  const onConnect = planCacheMode && planCacheMode !== 'auto' ? (client: PoolClient) => client.query(`SET plan_cache_mode = ${planCacheMode}`) : undefined;
  return new DataSource({
    type: 'postgres',
    ...(replicaUrls.length ? { replication: { master: { url }, slaves: replicaUrls.map((replica) => ({ url: replica })) } } : { url }),
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logger: new StatementCounter(),
    // A connection attempt gives up after 5 s (a vanished server must fail requests fast);
    // statement_timeout bounds every statement of a request. An idle connection is kept for
    // 5 minutes rather than pg's 10 s: closing it throws away its prepared statements, and the
    // first requests after a quiet spell paid for a new connection and for planning every read.
    extra: {
      max: poolSize,
      types: pgTypes,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 300_000,
      statement_timeout: statementTimeoutMs || undefined,
      onConnect,
    },
  });
}
