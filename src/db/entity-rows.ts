import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

export type EntityClass<T extends ObjectLiteral = ObjectLiteral> = { new (...args: never[]): T; prototype: T };

/**
 * Some of an entity's columns, by property name (the id always among them), that a row is read
 * with; `key` names the set. Null where a ColumnSet is asked for means every column.
 */
export interface ColumnSet {
  key: string;
  properties: readonly string[];
}

const selectLists = new WeakMap<DataSource, Map<string, string>>();

/**
 * The SELECT list of the columns of `entity` on table alias `alias` (all of them, or those of
 * `columns`), each renamed to its property name (after `prefix`), so rows come back shaped like
 * the entity without ORM hydration.
 */
export function selectList(dataSource: DataSource, entity: EntityClass, alias: string, prefix = '', columns: ColumnSet | null = null): string {
  let lists = selectLists.get(dataSource);
  if (!lists) selectLists.set(dataSource, (lists = new Map()));
  const key = `${entity.name}:${alias}:${prefix}:${columns?.key ?? '*'}`;
  let list = lists.get(key);
  if (!list) {
    list = dataSource
      .getMetadata(entity as EntityTarget<ObjectLiteral>)
      .columns.filter((column) => !columns || columns.properties.includes(column.propertyName))
      .map((column) => `${alias}.${column.databaseName} AS "${prefix}${column.propertyName}"`)
      .join(', ');
    lists.set(key, list);
  }
  return list;
}

/** The table `entity` is stored in. */
export function tableOf(dataSource: DataSource, entity: EntityClass): string {
  return dataSource.getMetadata(entity as EntityTarget<ObjectLiteral>).tableName;
}

/** Turns a plain row into an instance of `entity` (so getters and type resolution work) without running constructors. */
export function hydrate<T extends ObjectLiteral>(entity: EntityClass<T>, row: object): T {
  return Object.assign(Object.create(entity.prototype) as T, row);
}

type RowMaker = (values: readonly unknown[]) => Record<string, unknown>;

/** What turns a row read as an array into an object with `prototype` whose `properties[i]` is `values[indexes[i]]`. */
export function rowMaker(prototype: object, properties: readonly string[], indexes: readonly number[]): RowMaker {
  return (values) => {
    const row = Object.create(prototype) as Record<string, unknown>;
    for (let index = 0; index < properties.length; index += 1) row[properties[index]] = values[indexes[index]];
    return row;
  };
}

/**
 * What turns a row read as an array, in the order of `columns`, into an object with `prototype`
 * (an entity's, so it needs no hydration) holding every column whose name does not start with
 * "__" (the names SQL gives keys, counts and joined rows).
 */
export function ownColumnsRow(columns: readonly string[], prototype: object): RowMaker {
  const at = columns.flatMap((name, index) => (name.startsWith('__') ? [] : [index]));
  return rowMaker(prototype, at.map((index) => columns[index]), at);
}
