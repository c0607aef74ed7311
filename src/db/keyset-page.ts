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
  /**
   * Join `joins` to the rows the LIMIT keeps rather than to every row that matches. For a page
   * that sorts every match (a search by rank), where joining first would join them all. `from`
   * must then give `columns` and `joins` everything they read as columns of t, and t.id must
   * find a row again.
   */
  joinAfterLimit?: boolean;
  /** Prototype of the rows (an entity's, so that they need no copy); a plain object's by default. */
  prototype?: object;
  /**
   * Given the names of the columns read, what sees each row's values, including the columns
   * whose names start with "__" that the rows leave out.
   */
  onRow?: (columns: string[]) => (values: unknown[]) => void;
  /**
   * Count a root page's rows while reading it (a window over the rows that match) rather than
   * in a second scan, when no cursor bounds it. Only for pages that read every matching row
   * anyway, such as a search ordered by rank; a page in index order stops at its LIMIT, and
   * counting there would read all the rows it skips. Needs joinAfterLimit.
   */
  countWithPage?: boolean;
  /** Pages of another list under each row, read in the same statement. */
  nested?: NestedPages;
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
 * Pages of another list, one per row of a page read (or of a row joined to it), read in the
 * same statement: e.g. the relations of each statement of a speaker's page. Its conditions
 * add their parameters to the outer spec's `params`.
 */
export interface NestedPages {
  spec: PageSpec;
  window: PageWindow;
  withTotal: boolean;
  /** The outer row's column holding the key the nested pages hang on: "id", or e.g. "__ref0.id" for a joined row's. */
  parentColumn: string;
  /** Gets the pages, by parent key, once the statement is read. */
  receive(pages: Map<string, PageRows<object>>): void;
}

/** One level of a read: the outer page, then each nested list below it. */
interface Level {
  spec: PageSpec;
  window: PageWindow;
  withTotal: boolean;
  nested?: NestedPages;
}

function levelsOf(spec: PageSpec, window: PageWindow, withTotal: boolean): Level[] {
  const levels: Level[] = [{ spec, window, withTotal }];
  for (let nested = spec.nested; nested; nested = nested.spec.nested) {
    levels[levels.length - 1].nested = nested;
    levels.push({ spec: nested.spec, window: nested.window, withTotal: nested.withTotal });
  }
  return levels;
}

function isForward(window: PageWindow): boolean {
  return window.last === undefined;
}

function sizeOf(window: PageWindow): number {
  return (isForward(window) ? window.first : window.last) ?? 0;
}

/** Rows that match a level's filters, given the parent key k.id; `page` adds the cursor bounds. */
function filtersOf(level: Level, withParent: boolean, page: boolean): string[] {
  const { spec, window } = level;
  const filters = [...spec.conditions];
  if (withParent && spec.parentMatch) filters.push(spec.parentMatch);
  if (page && window.after) filters.push(`${keyTuple(spec)} ${spec.descending ? '<' : '>'} ${cursorTuple(spec, window.after)}`);
  if (page && window.before) filters.push(`${keyTuple(spec)} ${spec.descending ? '>' : '<'} ${cursorTuple(spec, window.before)}`);
  return filters;
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

function direction(level: Level): 'ASC' | 'DESC' {
  return level.spec.descending === isForward(level.window) ? 'DESC' : 'ASC';
}

/** Whether a parent of the level below can come back on several rows of this level: one joined to them, not the rows themselves. */
function repeats(level: Level): boolean {
  return level.nested !== undefined && level.nested.parentColumn !== 'id';
}

/**
 * The names a SELECT list gives its columns (every list read here names each one with AS "..."),
 * not those of subqueries inside it (a column may be one, e.g. a comparison's spreads).
 */
export function columnNames(columns: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const match of columns.matchAll(/'(?:[^']|'')*'|[()]| AS "([^"]+)"/g)) {
    if (match[0] === '(') depth += 1;
    else if (match[0] === ')') depth -= 1;
    else if (match[1] !== undefined && depth === 0) names.push(match[1]);
  }
  return names;
}

/**
 * The statement: the parent keys, then per level a lateral subquery with LIMIT n+1 (the extra
 * row answers hasNextPage) and, only when asked, a count. A nested level sees its parent key as
 * k.id, taken from the level above; its columns follow a "__nested" marker column. A row of a
 * level comes back once per row below it, its columns filled only the first time (keys always),
 * so that repeated values are neither sent nor parsed.
 */
function pagesStatement(levels: Level[], parentKeys: readonly string[] | null): string {
  const top = levels[0].spec;
  const select = ['k.ord AS "__ord"'];
  const from = [
    parentKeys
      ? `unnest(${top.params.add(parentKeys, `${top.parentKeyType ?? 'uuid'}[]`)}) WITH ORDINALITY AS k(id, ord)`
      : '(VALUES (1::bigint)) AS k(ord)',
  ];
  const aliasOf = (index: number) => (index === 0 ? 'p' : `n${index}`);
  levels.forEach((level, index) => {
    const { spec } = level;
    const alias = aliasOf(index);
    const parentMatch = index === 0 ? parentKeys !== null : true;
    const above = levels[index - 1];
    const key = index === 0 ? '' : `, (SELECT ${aliasOf(index - 1)}."${above.nested!.parentColumn}" AS id) k`;
    // Under a parent that repeats (one event under several statements), only its first row reads.
    const gate = index > 0 && repeats(above) ? [`${aliasOf(index - 1)}."__first"`] : [];
    const order = spec.order.map((orderKey) => `${orderKey.expr} ${direction(level)}`).join(', ');
    const keyColumns = spec.order.map((orderKey, at) => `${orderKey.expr} AS "__k${at}"`);
    // The same order over the key columns of rows already read, as `rows`."__k0", ….
    const keyOrder = (rows: string) => spec.order.map((_, at) => `${rows}."__k${at}" ${direction(level)}`).join(', ');
    if (index > 0) select.push(`NULL AS "__nested"`);
    // Counted with the page only at a root (one page) without nested levels, whose filters are then the count's.
    const countWithPage = level.withTotal && spec.countWithPage === true && spec.joinAfterLimit === true && !parentKeys && levels.length === 1 && !level.window.after && !level.window.before;
    if (level.withTotal && !countWithPage) {
      from.push(`LEFT JOIN LATERAL (SELECT count(*) AS total FROM ${spec.from}${key} ${where([...filtersOf(level, parentMatch, false), ...gate])}) c${index} ON true`);
    }
    select.push(`${countWithPage ? `coalesce(${alias}."__count", 0)` : level.withTotal ? `c${index}.total` : 'NULL'} AS "__total"`);
    if (index === levels.length - 1) {
      select.push(`${alias}.*`);
    } else {
      const firstTime = levels.slice(index + 1).map((_, below) => `coalesce(${aliasOf(index + 1 + below)}."__row", 1) = 1`).join(' AND ');
      select.push(
        ...columnNames(spec.columns).map((name) => `CASE WHEN ${firstTime} THEN ${alias}."${name}" END AS "${name}"`),
        ...keyColumns.map((_, at) => `${alias}."__k${at}"`),
        `${alias}."__row"`,
      );
    }
    // Counted with the page, the rows are numbered after the LIMIT: numbered before it, every
    // match would be sorted in full, where the LIMIT alone keeps the page by a top-N sort
    // (search: 0.1-0.15 ms less of PostgreSQL per page, bench/NOTES.md).
    const rowNumber = (over: string) => `row_number() OVER (ORDER BY ${over}) AS "__row"`;
    keyColumns.push(countWithPage ? 'count(*) OVER () AS "__count"' : rowNumber(order));
    const numbered = (rows: string) => (countWithPage ? `(SELECT y.*, ${rowNumber(keyOrder('y'))} FROM ${rows} y)` : rows);
    const keyNames = [...spec.order.map((_, at) => `__k${at}`), ...(countWithPage ? ['__count'] : []), '__row'];
    const filters = where([...filtersOf(level, parentMatch, true), ...gate]);
    const limit = `LIMIT ${spec.params.add(sizeOf(level.window) + 1, 'integer')}`;
    // Joined after the LIMIT: the rows are ranked by id and keys alone (narrow rows sort in
    // memory), then the ones kept are read again by id, with their joins.
    const page = spec.joinAfterLimit
      ? `
      SELECT ${spec.columns}, ${keyNames.map((name) => `x."${name}"`).join(', ')}
      FROM ${numbered(`(SELECT t.id AS "__id", ${keyColumns.join(', ')} FROM ${spec.from}${key} ${filters} ORDER BY ${order} ${limit})`)} x
      CROSS JOIN LATERAL (SELECT t.* FROM ${spec.from} WHERE t.id = x."__id") t ${spec.joins ?? ''}
      ORDER BY x."__row"`
      : `
      SELECT ${spec.columns}, ${keyColumns.join(', ')}
      FROM ${spec.from} ${spec.joins ?? ''}${key}
      ${filters}
      ORDER BY ${order}
      ${limit}`;
    if (repeats(level)) {
      // Numbered over the page only (a window before the LIMIT would read every matching row).
      const first = `row_number() OVER (PARTITION BY x."${level.nested!.parentColumn}" ORDER BY ${keyOrder('x')}) = 1 AS "__first"`;
      from.push(`LEFT JOIN LATERAL (SELECT x.*, ${first} FROM (${page}) x) ${alias} ON true`);
    } else {
      from.push(`LEFT JOIN LATERAL (${page}) ${alias} ON true`);
    }
  });
  // Each lateral subquery returns its rows in order and nested loops keep it, so the joined rows
  // are not sorted again (a sort of every wide row; see inOrder).
  return `SELECT ${select.join(', ')}\n    FROM ${from.join('\n    ')}\n    ORDER BY k.ord`;
}

/**
 * The rows in page order: by parent key, then by each level's row number. PostgreSQL returns
 * them so (see pagesStatement); should a plan ever not, they are sorted here.
 */
export function inOrder(rows: unknown[][], ordAt: number, rowAts: number[]): unknown[][] {
  const compare = (a: unknown[], b: unknown[]) => {
    const byParent = Number(a[ordAt]) - Number(b[ordAt]);
    if (byParent !== 0) return byParent;
    for (const at of rowAts) {
      const byRow = Number(a[at] ?? 0) - Number(b[at] ?? 0);
      if (byRow !== 0) return byRow;
    }
    return 0;
  };
  for (let index = 1; index < rows.length; index += 1) {
    if (compare(rows[index - 1], rows[index]) > 0) return [...rows].sort(compare);
  }
  return rows;
}

function emptyPage<Row>(totalCount: number | null): PageRows<Row> {
  return { rows: [], cursors: [], hasNextPage: false, hasPreviousPage: false, totalCount };
}

/** Drops the extra row read to answer hasNextPage (or hasPreviousPage, reading backwards) and sets both. */
function finishPage(page: PageRows<unknown>, window: PageWindow): void {
  const size = sizeOf(window);
  const more = page.rows.length > size;
  if (more) {
    page.rows.length = size;
    page.cursors.length = size;
  }
  if (isForward(window)) {
    page.hasNextPage = more;
    page.hasPreviousPage = window.after !== undefined;
  } else {
    page.rows.reverse();
    page.cursors.reverse();
    page.hasPreviousPage = more;
    page.hasNextPage = window.before !== undefined;
  }
}

/** How one level's columns are read from a result row, and what it has read so far. */
interface LevelReader {
  level: Level;
  /** Where the level's columns start and end in a row (the outer level starts at 0). */
  start: number;
  end: number;
  totalAt: number;
  rowAt: number;
  keyAt: number[];
  lastKeyAt: number;
  /** Where the key of the level below's parent is, in a row. */
  childParentAt: number;
  toNode: (values: readonly unknown[]) => object;
  seeRow?: (values: unknown[]) => void;
  /** The last row taken into `current`: a row repeats once for each row of the level below. */
  lastKey: unknown;
  current: PageRows<object> | null;
  pages: Map<string, PageRows<object>>;
}

function readersOf(levels: Level[], columns: string[]): LevelReader[] {
  const starts = [0, ...columns.flatMap((name, index) => (name === '__nested' ? [index + 1] : []))];
  return levels.map((level, index) => {
    const start = starts[index];
    const end = index + 1 < starts.length ? starts[index + 1] - 1 : columns.length;
    const own = columns.slice(start, end);
    const at = (name: string) => start + own.indexOf(name);
    const keyAt = level.spec.order.map((_, key) => at(`__k${key}`));
    return {
      level, start, end, keyAt,
      totalAt: at('__total'),
      rowAt: at('__row'),
      lastKeyAt: keyAt[keyAt.length - 1],
      childParentAt: level.nested ? at(level.nested.parentColumn) : -1,
      toNode: ownColumnsRow(own, level.spec.prototype ?? Object.prototype),
      seeRow: level.spec.onRow?.(own),
      lastKey: undefined,
      current: null,
      pages: new Map(),
    };
  });
}

/** Takes a result row's values at level `index` into that level's current page, and on down. */
function take(readers: LevelReader[], index: number, values: unknown[]): void {
  const reader = readers[index];
  const page = reader.current!;
  const key = values[reader.lastKeyAt];
  if (key === null) return;
  const below = readers[index + 1];
  if (key !== reader.lastKey) {
    reader.lastKey = key;
    const own = reader.start === 0 ? values : values.slice(reader.start, reader.end);
    reader.seeRow?.(own);
    page.rows.push(reader.toNode(own));
    page.cursors.push(reader.keyAt.map((at) => values[at] as string | number));
    if (below) {
      // A parent seen before (e.g. one event under several statements) already has its page.
      const parent = values[reader.childParentAt] as string | null;
      below.current = parent !== null && !below.pages.has(parent) ? emptyPage(below.level.withTotal ? Number(values[below.totalAt]) : null) : null;
      if (below.current) below.pages.set(parent!, below.current);
      below.lastKey = undefined;
    }
  }
  if (below?.current) take(readers, index + 1, values);
}

/**
 * Reads one page per parent key in a single statement, and with them the nested pages the spec
 * asks for (see NestedPages), which are handed to each level's `receive`. `parentKeys` null
 * pages the whole table once (a root connection).
 */
export async function readPages<Row extends object>(
  sql: SqlSession,
  spec: PageSpec,
  window: PageWindow,
  parentKeys: readonly string[] | null,
  withTotal: boolean,
): Promise<Array<PageRows<Row>>> {
  const levels = levelsOf(spec, window, withTotal);
  const text = pagesStatement(levels, parentKeys);
  const { columns, rows } = await sql.queryValues(text, spec.params.values);

  const pages = Array.from({ length: parentKeys?.length ?? 1 }, () => emptyPage<Row>(null));
  const readers = readersOf(levels, columns);
  const top = readers[0];
  const ordAt = columns.indexOf('__ord');
  let ord = 0;
  for (const values of inOrder(rows, ordAt, readers.map((reader) => reader.rowAt))) {
    if (Number(values[ordAt]) !== ord) {
      ord = Number(values[ordAt]);
      top.current = pages[ord - 1] as PageRows<object>;
      top.current.totalCount = withTotal ? Number(values[top.totalAt]) : null;
      top.lastKey = undefined;
    }
    take(readers, 0, values);
  }
  for (const page of pages) finishPage(page, window);
  readers.slice(1).forEach((reader, index) => {
    for (const page of reader.pages.values()) finishPage(page, reader.level.window);
    levels[index].nested!.receive(reader.pages);
  });
  return pages;
}
