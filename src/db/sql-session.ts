import type { Pool, PoolClient, QueryArrayResult, QueryResult } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { prepareStatementsOn, statementName } from './prepared-statements';
import type { CountedRunnerData } from './statement-counter';

/** What runs a write's transaction: a request's SqlSession (counted with its reads) or a DataSource (seed, command-line tools). */
export interface Transactions {
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
}

/**
 * Runs one request's SQL, counting statements and time so tests and logs can bound them:
 * hand-written reads, and transactions through TypeORM (`transaction`). Reads go to the read
 * pool (a replica when configured) until a write pins the session to the primary, so a
 * mutation reads back what it wrote. Its statements, reads and a transaction's alike, are
 * prepared (named, see prepared-statements.ts) unless `prepare` is off.
 */
export class SqlSession implements Transactions {
  statements = 0;
  millis = 0;
  private pool: Pool;

  constructor(
    private readonly dataSource: DataSource,
    readPool: Pool,
    private readonly primaryPool: Pool = readPool,
    private readonly prepare = true,
  ) {
    this.pool = readPool;
  }

  /** Counts a statement the request ran before its session existed (the API key check), and its time. */
  countEarlier(millis: number): void {
    this.statements += 1;
    this.millis += millis;
  }

  /** From now on this request reads from the primary. */
  pinToPrimary(): void {
    this.pool = this.primaryPool;
  }

  /**
   * Runs `work` in a transaction on the primary, its statements counted with the request's
   * (StatementCounter) and its time with theirs; the request reads from the primary after it.
   * Its statements with parameters are prepared on the connection TypeORM holds for it.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.pinToPrimary();
    const runner = this.dataSource.createQueryRunner('master');
    const data: CountedRunnerData = { countStatement: () => { this.statements += 1; } };
    runner.data = data;
    const started = performance.now();
    let unprepare = () => {};
    try {
      if (this.prepare) unprepare = prepareStatementsOn((await runner.connect()) as PoolClient);
      return await runner.manager.transaction(work);
    } finally {
      this.millis += performance.now() - started;
      unprepare();
      await runner.release();
    }
  }

  async query<Row extends object = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.run(text, params, false);
    return result.rows as Row[];
  }

  /** Like query, with each row as an array of values in the order of `columns` (no object per row). */
  async queryValues(text: string, params: unknown[] = []): Promise<{ columns: string[]; rows: unknown[][] }> {
    const result = await this.run(text, params, true);
    return { columns: result.fields.map((field) => field.name), rows: result.rows as unknown[][] };
  }

  private async run(text: string, values: unknown[], asArrays: boolean): Promise<QueryResult | QueryArrayResult> {
    this.statements += 1;
    const started = performance.now();
    try {
      const name = this.prepare ? statementName(text) : undefined;
      return asArrays ? await this.pool.query({ name, text, values, rowMode: 'array' }) : await this.pool.query({ name, text, values });
    } finally {
      this.millis += performance.now() - started;
    }
  }
}

/** Collects bind parameters while SQL text is assembled, handing out $n placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds `value` and returns its placeholder, cast when `type` is given. */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }

  /**
   * The condition that `expr` is one of `values` (of SQL type `type`): an equality for a single
   * value, so that an index on (expr, …, sort keys) also gives the order, else `= ANY`.
   */
  oneOf(expr: string, values: readonly unknown[], type: string): string {
    return values.length === 1 ? `${expr} = ${this.add(values[0], type)}` : `${expr} = ANY(${this.add(values, `${type}[]`)})`;
  }
}
