import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/** Statement names by SQL text. Bounded: texts beyond it run unnamed, so a connection never holds more. */
const statementNames = new Map<string, string>();
export const MAX_PREPARED_STATEMENTS = 2000;

/**
 * The name a read is prepared under: the same text always gets the same name, so each pooled
 * connection parses and plans it once and then only binds and executes it.
 */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `cg_${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs one request's hand-written SQL, counting statements and time so tests and logs can
 * bound them. Reads go to the read pool (a replica when configured) until a write pins the
 * session to the primary, so a mutation reads back what it wrote. Statements are prepared
 * (named) unless `prepare` is off.
 */
export class SqlSession {
  statements = 0;
  millis = 0;
  private pool: Pool;

  constructor(
    readPool: Pool,
    private readonly primaryPool: Pool = readPool,
    private readonly prepare = true,
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
      const result = await this.pool.query({ name: this.prepare ? statementName(text) : undefined, text, values: params });
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
