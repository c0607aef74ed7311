import type { Logger, QueryRunner } from 'typeorm';

/** What a query runner carries when its statements count toward a request (SqlSession.transaction). */
export interface CountedRunnerData {
  countStatement?: () => void;
}

/**
 * TypeORM's logger, used only to count: each statement of a request's transaction is counted
 * with its hand-written reads (`extensions.sql`, the request's log line). It logs nothing;
 * failed statements reach their caller as errors.
 */
export class StatementCounter implements Logger {
  logQuery(_query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    (queryRunner?.data as CountedRunnerData | undefined)?.countStatement?.();
  }

  logQueryError(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
