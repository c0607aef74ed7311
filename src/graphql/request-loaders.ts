import DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { ColumnSet, EntityClass, hydrate, selectList, tableOf } from '../db/entity-rows';
import { PageRows, readPages, type NestedPages, type PageSpec, type PageWindow } from '../db/keyset-page';
import { SqlParams, SqlSession } from '../db/sql-session';
import { ConnectionArgs, pageWindow, selectsField, toConnection, type PageConnection } from './connection';
import { columnsNeeded, covers } from './field-columns';
import { fieldPlan } from './field-plans';
import { NO_FILTER, type ListDefinition, type ListFilter } from './lists';
import { rowSelections, type JoinedRow } from './reference-joins';
import { MAX_NESTED_DEPTH, planRowReads, type NestedRead, type RowReads, type WrappedRows } from './row-plans';

/** DataLoader refuses null keys, so root lists load under this one. */
const ROOT_KEY = '';

/** A row read with others, kept for the fields that point to it, and the columns it was read with (null: all). */
interface ReadRow {
  row: ObjectLiteral | null;
  columns: ColumnSet | null;
}

/**
 * The DataLoaders of one request, made on first use and dropped with the request,
 * so no row ever leaks from one request into another.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly plans = new WeakMap<readonly FieldNode[], RowReads>();
  private readonly needs = new WeakMap<readonly FieldNode[], ColumnSet | null>();
  private readonly stores = new Map<string, Map<string, ReadRow[]>>();
  /** Rows reads brought along, by entity and id, for `referenced` (whole ones are in the byId loaders too). */
  private readonly readRows = new Map<EntityClass, Map<string, ReadRow[]>>();

  constructor(
    readonly sql: SqlSession,
    readonly dataSource: DataSource,
  ) {}

  /** The loader cached under `key`, made by `make` the first time it is asked for. */
  get<K, V>(key: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = make() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * The row a read put aside for the computed to-one field `info` resolves (see
   * declareComputedReference) for the owner `ownerId`: null when the owner has none, undefined
   * when it was not read, or not with the columns the field's selections need.
   */
  known<T extends ObjectLiteral>(store: string, ownerId: string, entity: EntityClass<T>, info: GraphQLResolveInfo): T | null | undefined {
    return this.covering(this.stores.get(store)?.get(ownerId), entity, info) as T | null | undefined;
  }

  /** Keeps `row`, read with `columns`, under `id` in `rows` (after the ones kept before). */
  private static keep(rows: Map<string, ReadRow[]>, id: string, row: ObjectLiteral | null, columns: ColumnSet | null): void {
    const kept = rows.get(id);
    if (!kept) rows.set(id, [{ row, columns }]);
    else if (!kept.some((read) => read.columns === columns)) kept.push({ row, columns });
  }

  /**
   * Of rows read for one id, the first with every column a field needs: the columns given, or
   * those the fields selected on it (`info`) need.
   */
  private covering(reads: ReadRow[] | undefined, entity: EntityClass, need: GraphQLResolveInfo | ColumnSet | null): ObjectLiteral | null | undefined {
    if (!reads) return undefined;
    // A row read whole (or found missing) answers any selection without looking at it.
    const whole = reads.find((read) => read.columns === null || read.row === null);
    if (whole) return whole.row;
    const needed = need !== null && 'fieldNodes' in need ? this.neededBy(entity, need) : need;
    return reads.find((read) => covers(read.columns, needed))?.row;
  }

  /** The columns of `entity` the fields `info` selects on its row need. */
  private neededBy(entity: EntityClass, info: GraphQLResolveInfo): ColumnSet | null {
    let needed = this.needs.get(info.fieldNodes);
    if (needed === undefined) {
      needed = fieldPlan(info, `needs:${entity.name}`, () => columnsNeeded(this.dataSource, entity, rowSelections(info, 'object')));
      this.needs.set(info.fieldNodes, needed);
    }
    return needed;
  }

  /**
   * Keeps a row read with others for the fields that point to it; a whole one also goes to the
   * byId loader (which keeps the first it gets for an id). A row read with some columns only
   * goes nowhere else, so that no field lacking a column ever gets it.
   */
  private primeById(entity: EntityClass, id: string, value: ObjectLiteral | null, columns: ColumnSet | null): void {
    let rows = this.readRows.get(entity);
    if (!rows) this.readRows.set(entity, (rows = new Map()));
    RequestLoaders.keep(rows, id, value, columns);
    if (columns === null) this.byId(entity).prime(id, value);
  }

  /**
   * The row of `entity` a to-one field points to: at once when a read brought it along with the
   * columns the field needs (those its selections need, given the field's `info`, or the
   * columns given), so that the field costs no promise; otherwise through the byId loader.
   * Null when it is missing or soft-deleted, which GraphQL reports as an error on a non-null field.
   */
  referenced<T extends ObjectLiteral>(entity: EntityClass<T>, id: string, need: GraphQLResolveInfo | ColumnSet | null): T | null | Promise<T | null> {
    const row = this.covering(this.readRows.get(entity)?.get(id), entity, need);
    return row !== undefined ? (row as T | null) : this.byId(entity).load(id);
  }

  /** Drops what this request has read of the `entity` row `id`, so that the next read of it goes to the database. */
  forget(entity: EntityClass, id: string): void {
    this.readRows.get(entity)?.delete(id);
    this.byId(entity).clear(id);
  }

  /** Rows of `entity` by database id, one statement per batch; a missing or soft-deleted id loads null. */
  byId<T extends ObjectLiteral>(entity: EntityClass<T>): DataLoader<string, T | null> {
    return this.get(`byId:${entity.name}`, () =>
      new DataLoader<string, T | null>(async (ids) => {
        const rows = await this.sql.query<T>(
          `SELECT ${selectList(this.dataSource, entity, 't')} FROM ${tableOf(this.dataSource, entity)} t WHERE t.id = ANY($1::uuid[]) AND t.deleted_at IS NULL`,
          [ids],
        );
        const byId = new Map(rows.map((row) => [row.id as string, hydrate(entity, row)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }

  /**
   * The plan of a read of `entity` rows for the field `info` resolves (see row-plans): the
   * columns the fields selected on the rows need, the to-one fields read with them (kept for
   * `referenced` by onRow, so those fields cost no statement) and, with `nestedLists` (a
   * connection's, by default), the nested list read with them. `shape` says whether the field
   * resolves to a connection of the rows or to one row; `wrapped`, what nodes wrapping the rows
   * ask of them.
   */
  rowReads(
    entity: EntityClass,
    info: GraphQLResolveInfo,
    shape: 'connection' | 'object' = 'connection',
    nestedLists = shape === 'connection',
    wrapped?: WrappedRows,
  ): RowReads {
    // graphql-js hands every parent of a list the same fieldNodes, so the plan is looked up once per field.
    let reads = this.plans.get(info.fieldNodes);
    if (!reads) {
      reads = fieldPlan(info, `rows:${entity.name}:${shape}:${nestedLists}:${wrapped?.name ?? ''}`, () => {
        const selectsTotal = shape === 'connection' && selectsField(info, 'totalCount');
        const selections = rowSelections(info, shape);
        return planRowReads(this.dataSource, entity, wrapped ? wrapped.selections(selections) : selections, selectsTotal, nestedLists ? 0 : MAX_NESTED_DEPTH);
      });
      this.plans.set(info.fieldNodes, reads);
    }
    return reads;
  }

  /** Takes a row read with others into this request's loaders, or into a computed field's store. */
  private readonly keepJoined: JoinedRow = (target, id, value, columns, store) => {
    if (!store) return this.primeById(target, id, value, columns);
    let rows = this.stores.get(store);
    if (!rows) this.stores.set(store, (rows = new Map()));
    RequestLoaders.keep(rows, id, value, columns);
  };

  /** What sees each row a read of `reads` returns, handing the rows joined to it to this request's loaders. */
  onRow(reads: RowReads): PageSpec['onRow'] {
    const { references } = reads;
    return references && ((columns) => {
      const read = references.reader(columns);
      return (values) => read(values, this.keepJoined);
    });
  }

  /**
   * The `entity` row whose `column` (its id, or a unique text column such as a slug) is `value`;
   * null when there is none or it is soft-deleted, as `byId` loads it. The to-one fields and a
   * nested list selected on it are read in the same statement, as a page of one row under that key.
   * `fresh` (by id only) reads it again past what this request read of it before (after a write).
   */
  async lookup<T extends ObjectLiteral>(entity: EntityClass<T>, column: 'id' | 'slug', value: string, info: GraphQLResolveInfo, fresh = false): Promise<T | null> {
    const reads = this.rowReads(entity, info, 'object', true);
    if (fresh) this.forget(entity, value);
    // A plain lookup by id batches with every other one.
    if (column === 'id' && !reads.joins && !reads.nested) return this.byId(entity).load(value);
    const pages = this.pages(RequestLoaders.byColumn(entity, column), { first: 1 }, false, NO_FILTER, reads);
    if (fresh) pages.clear(value);
    const [row = null] = (await pages.load(value)).rows;
    if (row || column === 'id') this.primeById(entity, row ? (row.id as string) : value, row, reads.own);
    return row;
  }

  /** The rows of `entity` as a list under the values of `column`, so that a lookup reads one as a page of one row. */
  private static byColumn<T extends ObjectLiteral>(entity: EntityClass<T>, column: 'id' | 'slug'): ListDefinition<T> {
    return {
      name: `${entity.name}.by.${column}`,
      entity,
      order: [{ expr: 't.id', type: 'uuid' }],
      descending: false,
      parentMatch: `t.${column} = k.id`,
      parentKeyType: column === 'id' ? 'uuid' : 'text',
    };
  }

  /**
   * The `entity` row whose `column` is `value`, read whole, as `lookup` reads it, in a statement
   * that also reads what its caller adds: `extra.columns`, SELECT expressions over the row (alias
   * t) named "__…", given the statement's parameters, whose values go to `extra.see`; and the
   * pages `nested` plans under the row (see row-plans), primed for `connection` as if read by it.
   * For a field that reads a row and more in one statement though its selections are not the row's.
   */
  async lookupWith<T extends ObjectLiteral>(
    entity: EntityClass<T>,
    column: 'id' | 'slug',
    value: string,
    extra: { columns(params: SqlParams): string; see(values: Record<string, unknown>): void },
    nested?: NestedRead,
  ): Promise<T | null> {
    const params = new SqlParams();
    const columns = [selectList(this.dataSource, entity, 't'), extra.columns(params)].filter(Boolean).join(', ');
    const reads: RowReads = { key: '', own: null, selectsTotal: false, columns, nested };
    const spec: PageSpec = {
      ...this.pageSpec(RequestLoaders.byColumn(entity, column), NO_FILTER, reads, params),
      onRow(names) {
        const extras = names.flatMap((name, at) => (name.startsWith('__') ? [[name, at] as const] : []));
        return (values) => extra.see(Object.fromEntries(extras.map(([name, at]) => [name, values[at]])));
      },
    };
    const [page] = await readPages<T>(this.sql, spec, { first: 1 }, [value], false);
    const [row = null] = page.rows;
    if (row) this.primeById(entity, row.id as string, row, null);
    return row;
  }

  /**
   * One page of `list` for `parentId` (null for a root list). Pages asked for with the same
   * arguments by sibling parents are read together in one statement, along with the to-one
   * fields selected on the nodes (see reference-joins). The total is counted only when
   * selected, and not at all when the caller passes `knownTotal`. `wrapped` says what the
   * nodes ask of the rows when they wrap them.
   */
  async connection<T extends ObjectLiteral>(
    list: ListDefinition<T>,
    args: ConnectionArgs,
    parentId: string | null,
    info: GraphQLResolveInfo,
    filter: ListFilter = NO_FILTER,
    knownTotal?: number,
    wrapped?: WrappedRows,
  ): Promise<PageConnection<T>> {
    const window = pageWindow(args, list.order);
    const reads = this.rowReads(list.entity, info, 'connection', true, wrapped);
    // A caller that already knows the total (e.g. from an aggregate it ran anyway) saves the count.
    const withTotal = knownTotal === undefined && reads.selectsTotal;
    const page = await this.pages(list, window, withTotal, filter, reads).load(parentId ?? ROOT_KEY);
    // Rows come back with the entity's prototype already.
    return toConnection(knownTotal === undefined ? page : { ...page, totalCount: knownTotal }, (row) => row);
  }

  /**
   * The loader of pages of `list` by parent id: pages asked for with the same arguments by
   * sibling parents are read together in one statement, along with the to-one fields selected
   * on the nodes and the nested list `reads` plans, whose pages it primes in their own loaders.
   */
  private pages<T extends ObjectLiteral>(list: ListDefinition<T>, window: PageWindow, withTotal: boolean, filter: ListFilter, reads: RowReads): DataLoader<string, PageRows<T>> {
    const key = `page:${list.name}:${JSON.stringify(window)}:${withTotal}:${filter.key}:${reads.key}`;
    return this.get(key, () =>
      new DataLoader<string, PageRows<T>>(async (parentIds) => {
        const spec = this.pageSpec(list, filter, reads, new SqlParams());
        const root = parentIds.length === 1 && parentIds[0] === ROOT_KEY;
        return readPages<T>(this.sql, spec, window, root ? null : parentIds, withTotal);
      }),
    );
  }

  private pageSpec(list: ListDefinition<ObjectLiteral>, filter: ListFilter, reads: RowReads, params: SqlParams): PageSpec {
    return {
      from: list.from ?? `${tableOf(this.dataSource, list.entity)} t`,
      columns: reads.columns,
      joins: reads.joins,
      joinAfterLimit: list.joinAfterLimit,
      onRow: this.onRow(reads),
      prototype: list.entity.prototype,
      order: list.order,
      descending: list.descending,
      // Soft-deleted rows are hidden from every list.
      conditions: [...(list.softDeletable === false ? [] : ['t.deleted_at IS NULL']), ...(list.conditions ?? []), ...filter.conditions(params)],
      params,
      parentMatch: list.parentMatch,
      parentKeyType: list.parentKeyType,
      nested: reads.nested && this.nestedPages(reads.nested, params),
    };
  }

  private nestedPages({ list, filter, window, reads, parentColumn }: NestedRead, params: SqlParams): NestedPages {
    return {
      spec: this.pageSpec(list, filter, reads, params),
      window,
      withTotal: reads.selectsTotal,
      parentColumn,
      receive: (pages) => {
        const loader = this.pages(list, window, reads.selectsTotal, filter, reads);
        for (const [parentId, page] of pages) loader.prime(parentId, page);
      },
    };
  }
}
