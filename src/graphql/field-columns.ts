import type { ResolveTree } from 'graphql-parse-resolve-info';
import { getMetadataStorage } from 'type-graphql';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnSet, EntityClass } from '../db/entity-rows';

/** A class an entity extends (Node, VersionedNode) or the entity itself. */
type Declarer = abstract new (...args: never[]) => object;

const declared = new Map<Declarer, Map<string, readonly string[]>>();

/**
 * Declares which columns (entity properties) fields of `entity` read from the row besides its
 * id: a getter such as `stated`, or a field resolver such as `rate`. A field that reads only the
 * id declares none. A field neither declared nor a plain column makes its row read whole.
 */
export function declareFieldColumns(entity: Declarer, fields: Record<string, readonly string[]>): void {
  const known = declared.get(entity) ?? new Map<string, readonly string[]>();
  for (const [field, properties] of Object.entries(fields)) known.set(field, properties);
  declared.set(entity, known);
}

/** The entity and the classes it extends, nearest first. */
function lineage(entity: EntityClass): Declarer[] {
  const classes: Declarer[] = [];
  for (let type = entity as unknown as Declarer; type && type !== Function.prototype; type = Object.getPrototypeOf(type)) classes.push(type);
  return classes;
}

const fieldsOf = new WeakMap<EntityClass, Map<string, readonly string[] | null>>();

/**
 * The properties field `field` of `entity` reads: what was declared for it, or for a field that
 * GraphQL reads straight off a column property (no resolver), that property; null otherwise
 * (not known, so the row is read whole).
 */
function fieldColumns(dataSource: DataSource, entity: EntityClass, field: string): readonly string[] | null {
  let fields = fieldsOf.get(entity);
  if (!fields) fieldsOf.set(entity, (fields = new Map()));
  if (fields.has(field)) return fields.get(field)!;
  const classes = lineage(entity);
  let columns: readonly string[] | null = null;
  const declaration = classes.map((type) => declared.get(type)?.get(field)).find((properties) => properties !== undefined);
  if (field === '__typename') {
    columns = [];
  } else if (declaration) {
    columns = declaration;
  } else {
    const storage = getMetadataStorage();
    const resolved = storage.fieldResolvers.some((resolver) => resolver.schemaName === field && classes.includes(resolver.getObjectType?.() as Declarer));
    const plain = storage.fields.find((metadata) => metadata.schemaName === field && classes.includes(metadata.target as Declarer));
    const metadata = dataSource.getMetadata(entity as EntityTarget<ObjectLiteral>);
    if (!resolved && plain && metadata.findColumnWithPropertyName(plain.name)) columns = [plain.name];
  }
  fields.set(field, columns);
  return columns;
}

/** The GraphQL type names rows of `entity` are: its own, and those of the interfaces it implements. */
function typeNames(entity: EntityClass): Set<string> {
  const classes = lineage(entity);
  const interfaces = getMetadataStorage().interfaceTypes.filter((type) => classes.includes(type.target as Declarer));
  return new Set([entity.name, ...interfaces.map((type) => type.name)]);
}

const typeNamesOf = new WeakMap<EntityClass, Set<string>>();
const columnSets = new Map<string, ColumnSet>();

/**
 * The columns of `entity` the fields `selections` make on its rows need, or null when the row is
 * to be read whole: a field whose columns are not known, every column needed anyway, or
 * selections made on another type (a fragment on another type, or a type wrapping the rows,
 * such as a compared figure around its quantity).
 */
export function columnsNeeded(dataSource: DataSource, entity: EntityClass, selections: readonly ResolveTree[]): ColumnSet | null {
  let names = typeNamesOf.get(entity);
  if (!names) typeNamesOf.set(entity, (names = typeNames(entity)));
  const fields: string[] = [];
  for (const tree of selections) {
    for (const [typeName, selected] of Object.entries(tree.fieldsByTypeName)) {
      if (!names.has(typeName)) return null;
      for (const { name } of Object.values(selected)) fields.push(name);
    }
  }
  return columnsOf(dataSource, entity, fields);
}

/** The columns of `entity` that its fields named `fields` need (see columnsNeeded). */
export function columnsOf(dataSource: DataSource, entity: EntityClass, fields: readonly string[]): ColumnSet | null {
  const needed = new Set(['id']);
  for (const field of fields) {
    const columns = fieldColumns(dataSource, entity, field);
    if (!columns) return null;
    for (const column of columns) needed.add(column);
  }
  const all = dataSource.getMetadata(entity as EntityTarget<ObjectLiteral>).columns.map((column) => column.propertyName);
  const properties = all.filter((property) => needed.has(property));
  if (properties.length === all.length) return null;
  const key = `${entity.name}(${properties.join(',')})`;
  let set = columnSets.get(key);
  if (!set) columnSets.set(key, (set = { key, properties }));
  return set;
}

const coverage = new Map<string, boolean>();

/** Whether a row read with `read` columns (null: all) has every column `needed` names (null: all). */
export function covers(read: ColumnSet | null, needed: ColumnSet | null): boolean {
  if (read === null || read === needed) return true;
  if (needed === null) return false;
  const key = `${read.key}>${needed.key}`;
  let result = coverage.get(key);
  if (result === undefined) coverage.set(key, (result = needed.properties.every((property) => read.properties.includes(property))));
  return result;
}
