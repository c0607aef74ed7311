import type { Pool } from 'pg';

/** Runs one request's hand-written SQL, counting statements and time so tests and logs can bound them. */
export class SqlSession {
  statements = 0;
  millis = 0;

  constructor(private readonly pool: Pool) {}

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
