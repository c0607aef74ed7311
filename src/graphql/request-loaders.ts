import DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { EntityClass, hydrate, selectList, tableOf } from '../db/entity-rows';
import { OrderKey, PageRows, readPages, type PageSpec } from '../db/keyset-page';
import { SqlParams, SqlSession } from '../db/sql-session';
import { ConnectionArgs, pageWindow, selectsField, toConnection, type PageConnection } from './connection';
import { planReferenceJoins, rowSelections } from './reference-joins';

/** A list that can be paged, at the root or under a parent. */
export interface ListDefinition<T extends ObjectLiteral> {
  /** Unique name of the list, e.g. "Speaker.statements"; loaders are cached under it. */
  name: string;
  entity: EntityClass<T>;
  /** FROM clause with the paged table aliased t; defaults to the entity's table. */
  from?: string;
  order: OrderKey[];
  descending: boolean;
  /** For a nested list: the condition tying a row to its parent key k.id. */
  parentMatch?: string;
  /** False for tables without deleted_at; soft-deleted rows are hidden otherwise. */
  softDeletable?: boolean;
}

/** Filters of one call: a stable key (loads with different filters never share a batch) and their SQL. */
export interface ListFilter {
  key: string;
  conditions(params: SqlParams): string[];
}

const NO_FILTER: ListFilter = { key: '', conditions: () => [] };

/** What a read of rows adds to read the to-one fields selected on them (see RequestLoaders.rowReads). */
export interface RowReads {
  key: string;
  /** Whether the field is a connection whose totalCount is selected. */
  selectsTotal: boolean;
  columns: string;
  joins?: string;
  onRow?: PageSpec['onRow'];
}

/** DataLoader refuses null keys, so root lists load under this one. */
const ROOT_KEY = '';

/**
 * The DataLoaders of one request, made on first use and dropped with the request,
 * so no row ever leaks from one request into another.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly plans = new WeakMap<readonly FieldNode[], RowReads>();

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
   * The parts of a read of `entity` rows that also read the to-one fields selected on them (see
   * reference-joins) and put them into the byId loaders, so those fields cost no statement.
   * `shape` says whether the field resolves to a connection of the rows or to one row. Columns
   * are the entity's own (on alias t) plus the joined ones; `key` tells plans apart in loader keys.
   */
  rowReads(entity: EntityClass, info: GraphQLResolveInfo, shape: 'connection' | 'object' = 'connection'): RowReads {
    // graphql-js hands every parent of a list the same fieldNodes, so the plan is made once per field.
    let reads = this.plans.get(info.fieldNodes);
    if (!reads) this.plans.set(info.fieldNodes, (reads = this.planRowReads(entity, info, shape)));
    return reads;
  }

  private planRowReads(entity: EntityClass, info: GraphQLResolveInfo, shape: 'connection' | 'object'): RowReads {
    const own = selectList(this.dataSource, entity, 't');
    const selectsTotal = shape === 'connection' && selectsField(info, 'totalCount');
    const references = planReferenceJoins(this.dataSource, entity, rowSelections(info, shape));
    if (!references) return { key: '', selectsTotal, columns: own };
    const prime = (target: EntityClass, id: string, value: ObjectLiteral | null) => this.byId(target).prime(id, value);
    return {
      key: references.key,
      selectsTotal,
      columns: `${own}, ${references.columns}`,
      joins: references.from,
      onRow: (columns) => {
        const read = references.reader(columns);
        return (values) => read(values, prime);
      },
    };
  }

  /**
   * One page of `list` for `parentId` (null for a root list). Pages asked for with the same
   * arguments by sibling parents are read together in one statement, along with the to-one
   * fields selected on the nodes (see reference-joins). The total is counted only when
   * selected, and not at all when the caller passes `knownTotal`.
   */
  async connection<T extends ObjectLiteral>(
    list: ListDefinition<T>,
    args: ConnectionArgs,
    parentId: string | null,
    info: GraphQLResolveInfo,
    filter: ListFilter = NO_FILTER,
    knownTotal?: number,
  ): Promise<PageConnection<T>> {
    const window = pageWindow(args, list.order);
    const reads = this.rowReads(list.entity, info);
    // A caller that already knows the total (e.g. from an aggregate it ran anyway) saves the count.
    const withTotal = knownTotal === undefined && reads.selectsTotal;
    const key = `page:${list.name}:${JSON.stringify(window)}:${withTotal}:${filter.key}:${reads.key}`;
    const loader = this.get(key, () =>
      new DataLoader<string, PageRows<T>>(async (parentIds) => {
        const params = new SqlParams();
        const spec = {
          from: list.from ?? `${tableOf(this.dataSource, list.entity)} t`,
          columns: reads.columns,
          joins: reads.joins,
          onRow: reads.onRow,
          prototype: list.entity.prototype,
          order: list.order,
          descending: list.descending,
          // Soft-deleted rows are hidden from every list.
          conditions: [...(list.softDeletable === false ? [] : ['t.deleted_at IS NULL']), ...filter.conditions(params)],
          params,
          parentMatch: list.parentMatch,
        };
        const root = parentIds.length === 1 && parentIds[0] === ROOT_KEY;
        return readPages<T>(this.sql, spec, window, root ? null : parentIds, withTotal);
      }),
    );
    const page = await loader.load(parentId ?? ROOT_KEY);
    // Rows come back with the entity's prototype already.
    return toConnection(knownTotal === undefined ? page : { ...page, totalCount: knownTotal }, (row) => row);
  }
}
