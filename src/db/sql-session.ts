import type { Pool } from 'pg';

/**
 * Runs one request's hand-written SQL, counting statements and time so tests and logs can
 * bound them. Reads go to the read pool (a replica when configured) until a write pins the
 * session to the primary, so a mutation reads back what it wrote.
 */
export class SqlSession {
  statements = 0;
  millis = 0;
  private pool: Pool;

  constructor(
    readPool: Pool,
    private readonly primaryPool: Pool = readPool,
  ) {
    this.pool = readPool;
  }

  /** From now on this request reads from the primary. */
  pinToPrimary(): void {
    this.pool = this.primaryPool;
  }

  async query<Row extends object = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    this.statements += 1;
    const started = performance.now();
    try {
      const result = await this.pool.query(text, params);
      return result.rows as Row[];
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
}
