import { parseIsoDate } from '../domain/common/partial-date';
import { ownColumnsRow } from './entity-rows';
import { SqlParams, SqlSession } from './sql-session';

/** The SQL type of one sort key, used to cast cursor values back and to check them. */
export type KeyType = 'uuid' | 'date' | 'text' | 'integer' | 'real';

export interface OrderKey {
  /** An expression over the paged table (alias t) that is never null. */
  expr: string;
  type: KeyType;
}

/** What one connection pages over. The keys together must be unique (end with t.id). */
export interface PageSpec {
  /** FROM clause; the paged table is aliased t, joined tables may follow. */
  from: string;
  /** SELECT list of the node columns. */
  columns: string;
  order: OrderKey[];
  descending: boolean;
  /** Filters, with their parameters already added to `params`. */
  conditions: string[];
  params: SqlParams;
  /** For a nested connection: the condition tying a row to its parent key `k.id`. */
  parentMatch?: string;
  /** SQL type of the parent keys; uuid unless said otherwise. */
  parentKeyType?: string;
  /** Tables joined to the page's rows only (not to its count), e.g. to read related rows with them. */
  joins?: string;
  /** Prototype of the rows (an entity's, so that they need no copy); a plain object's by default. */
  prototype?: object;
  /**
   * Given the names of the columns read, what sees each row's values, including the columns
   * whose names start with "__" that the rows leave out.
   */
  onRow?: (columns: string[]) => (values: unknown[]) => void;
  /** Plan the statement for its parameter values every time (see SqlSession.queryValues). */
  planPerValues?: boolean;
}

export type CursorValues = Array<string | number>;

/** Which slice of the ordered rows to read, Relay-style. */
export interface PageWindow {
  first?: number;
  last?: number;
  after?: CursorValues;
  before?: CursorValues;
}

export interface PageRows<Row> {
  rows: Row[];
  cursors: CursorValues[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `values` can stand as a cursor for keys of these types. */
export function isValidCursor(order: OrderKey[], values: unknown): values is CursorValues {
  if (!Array.isArray(values) || values.length !== order.length) return false;
  return order.every(({ type }, index) => {
    const value = values[index];
    switch (type) {
      case 'uuid':
        return typeof value === 'string' && UUID.test(value);
      case 'date':
        return typeof value === 'string' && parseIsoDate(value) !== null;
      case 'text':
        return typeof value === 'string';
      case 'integer':
        return Number.isSafeInteger(value);
      case 'real':
        return typeof value === 'number' && Number.isFinite(value);
      default: {
        const unreachable: never = type;
        return unreachable;
      }
    }
  });
}

function keyTuple(spec: PageSpec): string {
  return `(${spec.order.map((key) => key.expr).join(', ')})`;
}

function cursorTuple(spec: PageSpec, values: CursorValues): string {
  return `(${spec.order.map((key, index) => spec.params.add(values[index], key.type)).join(', ')})`;
}

/**
 * Reads one page per parent key in a single statement: a lateral subquery per key with
 * LIMIT n+1 (the extra row answers hasNextPage) and, only when asked, a count per key.
 * `parentKeys` null pages the whole table once (a root connection).
 */
export async function readPages<Row extends object>(
  sql: SqlSession,
  spec: PageSpec,
  window: PageWindow,
  parentKeys: readonly string[] | null,
  withTotal: boolean,
): Promise<Array<PageRows<Row>>> {
  const forward = window.last === undefined;
  const size = (forward ? window.first : window.last) ?? 0;
  const scanDescending = spec.descending === forward;
  const direction = scanDescending ? 'DESC' : 'ASC';

  const filters = [...spec.conditions];
  if (parentKeys && spec.parentMatch) filters.push(spec.parentMatch);
  const pageFilters = [...filters];
  if (window.after) pageFilters.push(`${keyTuple(spec)} ${spec.descending ? '<' : '>'} ${cursorTuple(spec, window.after)}`);
  if (window.before) pageFilters.push(`${keyTuple(spec)} ${spec.descending ? '>' : '<'} ${cursorTuple(spec, window.before)}`);
  const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

  const keys = parentKeys
    ? `unnest(${spec.params.add(parentKeys, `${spec.parentKeyType ?? 'uuid'}[]`)}) WITH ORDINALITY AS k(id, ord)`
    : '(VALUES (1::bigint)) AS k(ord)';
  const keyColumns = spec.order.map((key, index) => `${key.expr} AS "__k${index}"`).join(', ');
  const text = `
    SELECT k.ord AS "__ord", ${withTotal ? 'c.total' : 'NULL'} AS "__total", p.*
    FROM ${keys}
    ${withTotal ? `LEFT JOIN LATERAL (SELECT count(*) AS total FROM ${spec.from} ${where(filters)}) c ON true` : ''}
    LEFT JOIN LATERAL (
      SELECT ${spec.columns}, ${keyColumns}
      FROM ${spec.from} ${spec.joins ?? ''}
      ${where(pageFilters)}
      ORDER BY ${spec.order.map((key) => `${key.expr} ${direction}`).join(', ')}
      LIMIT ${spec.params.add(size + 1, 'integer')}
    ) p ON true
    ORDER BY k.ord, ${spec.order.map((_, index) => `p."__k${index}" ${direction}`).join(', ')}`;
  const { columns, rows } = await sql.queryValues(text, spec.params.values, { planPerValues: spec.planPerValues });

  const pages: Array<PageRows<Row>> = Array.from({ length: parentKeys?.length ?? 1 }, () => ({
    rows: [],
    cursors: [],
    hasNextPage: false,
    hasPreviousPage: false,
    totalCount: null,
  }));
  const ordAt = columns.indexOf('__ord');
  const totalAt = columns.indexOf('__total');
  const keyAt = spec.order.map((_, index) => columns.indexOf(`__k${index}`));
  const lastKeyAt = keyAt[keyAt.length - 1];
  const toNode = ownColumnsRow(columns, spec.prototype ?? Object.prototype);
  const seeRow = spec.onRow?.(columns);
  for (const values of rows) {
    const page = pages[Number(values[ordAt]) - 1];
    page.totalCount = withTotal ? Number(values[totalAt]) : null;
    if (values[lastKeyAt] === null) continue;
    seeRow?.(values);
    page.rows.push(toNode(values) as Row);
    page.cursors.push(keyAt.map((index) => values[index] as string | number));
  }
  for (const page of pages) {
    const more = page.rows.length > size;
    if (more) {
      page.rows.length = size;
      page.cursors.length = size;
    }
    if (forward) {
      page.hasNextPage = more;
      page.hasPreviousPage = window.after !== undefined;
    } else {
      page.rows.reverse();
      page.cursors.reverse();
      page.hasPreviousPage = more;
      page.hasNextPage = window.before !== undefined;
    }
  }
  return pages;
}
