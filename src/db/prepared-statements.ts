import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig } from 'pg';

/** Statement names by SQL text. Bounded: texts beyond it run unnamed, so a connection never holds more. */
const statementNames = new Map<string, string>();
export const MAX_PREPARED_STATEMENTS = 2000;

/**
 * The name a statement is prepared under: the same text always gets the same name, so each
 * pooled connection parses and plans it once and then only binds and executes it.
 */
export function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `cg_${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

/** `text` with `values` as a query pg prepares under statementName (when the bound allows). */
export function prepared(text: string, values: unknown[]): QueryConfig {
  return { name: statementName(text), text, values };
}

/**
 * Until the returned function is called, every statement with parameters that `client` runs
 * by text (as TypeORM runs a transaction's) is prepared under statementName. Statements
 * without parameters (BEGIN, COMMIT, several statements in one string) run as they are.
 */
export function prepareStatementsOn(client: PoolClient): () => void {
  const query = client.query as (this: PoolClient, ...args: unknown[]) => unknown;
  client.query = function (this: PoolClient, config: unknown, values?: unknown, callback?: unknown) {
    if (typeof config === 'string' && Array.isArray(values) && values.length) return query.call(this, prepared(config, values), callback);
    return query.call(this, config, values, callback);
  } as PoolClient['query'];
  return () => {
    client.query = query as PoolClient['query'];
  };
}
