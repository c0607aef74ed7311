import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnSet, EntityClass, rowMaker, selectList, tableOf } from '../db/entity-rows';
import { columnsNeeded, declareFieldColumns } from './field-columns';

/**
 * A to-one field: `field` of an `entity` is the `target` row whose id the entity holds in
 * `property`, or, for a computed one, the row `choose` picks.
 */
interface Reference {
  field: string;
  target: EntityClass;
  property?: string;
  computed?: ComputedReference;
}

/** How a computed to-one field picks its row, and where its resolver looks for the row read with its owner. */
export interface ComputedReference {
  /** A subquery returning at most one row of the target's table, all its columns, for the owner row on alias `owner`. */
  choose(owner: string): string;
  /** The name of the request's store (RequestLoaders.known) the row is put in, under the owner's id. */
  store: string;
  /** The owner's columns (entity properties) its resolver reads when the row was not read with the owner. */
  needs: readonly string[];
}

const referencesOf = new Map<EntityClass, Map<string, Reference>>();

/**
 * Declares the to-one fields of `entity` (each resolved by `loaders.byId(target)` from the id in
 * `property`), so that a page of `entity` rows can read the selected ones in its own statement.
 */
export function declareReferences<T extends ObjectLiteral>(
  entity: EntityClass<T>,
  references: Record<string, readonly [EntityClass, keyof T & string]>,
): void {
  const known = referencesOf.get(entity) ?? new Map<string, Reference>();
  for (const [field, [target, property]] of Object.entries(references)) {
    known.set(field, { field, target, property });
    declareFieldColumns(entity, { [field]: [property] });
  }
  referencesOf.set(entity, known);
}

/**
 * Declares a computed to-one field of `entity`, e.g. the role a statement's speaker held on its
 * date, so that a page of `entity` rows can read it in its own statement (a lateral subquery).
 * Its resolver looks in `loaders.known(computed.store)` under the row's id before reading it alone.
 */
export function declareComputedReference(entity: EntityClass, field: string, target: EntityClass, computed: ComputedReference): void {
  const known = referencesOf.get(entity) ?? new Map<string, Reference>();
  known.set(field, { field, target, computed });
  referencesOf.set(entity, known);
  declareFieldColumns(entity, { [field]: computed.needs });
}

/** One joined table: its alias, the entity it holds and the column of the parent that points to it. */
interface Join {
  alias: string;
  target: EntityClass;
  /** The columns read of the target (null: all of them), and their properties. */
  columns: ColumnSet | null;
  properties: string[];
  /** Alias of the row holding the id (t for the paged row) and the property it is in ("id" for a computed reference). */
  parent: string;
  property: string;
  /** For a computed reference: the store its rows go to, under the parent's id. */
  store?: string;
}

/**
 * A row a read returns, the paged one or a joined one: its entity, the column its id comes back
 * in, what is selected on it and the columns that needs (null: all).
 */
export interface SelectedRow {
  entity: EntityClass;
  idColumn: string;
  selections: ResolveTree[];
  columns: ColumnSet | null;
}

/** What a page read adds to read the selected to-one fields of its rows in the same statement. */
export interface ReferenceJoins {
  /** Tells plans apart in loader keys. */
  key: string;
  /** LEFT JOIN clauses on the paged table t. */
  from: string;
  /** Extra SELECT list, every column named "__<alias>.<property>". */
  columns: string;
  /**
   * Given the columns of a result, what hands over the related rows in each row's values: each
   * target, the id looked up and its row (read with `read` columns), or null when there is none;
   * for a computed reference, the owner's id and the store it goes to.
   */
  reader(columns: string[]): (values: unknown[], found: JoinedRow) => void;
}

/** Takes a row read with others: see ReferenceJoins.reader. */
export type JoinedRow = (target: EntityClass, id: string, value: ObjectLiteral | null, read: ColumnSet | null, store?: string) => void;

/** How deep a chain of to-one fields is followed, and how many tables one page may join. */
const MAX_DEPTH = 3;
const MAX_JOINS = 6;

/** The fields selected in `trees`, by field name (a field selected under several aliases has several trees). */
export function children(trees: ResolveTree[]): Map<string, ResolveTree[]> {
  const byName = new Map<string, ResolveTree[]>();
  for (const tree of trees) {
    for (const fields of Object.values(tree.fieldsByTypeName)) {
      for (const field of Object.values(fields)) byName.set(field.name, [...(byName.get(field.name) ?? []), field]);
    }
  }
  return byName;
}

/** The selections made on the rows a field resolves to: the field's own, or for a connection its nodes' (`nodes`, `edges { node }`). */
export function rowSelections(info: GraphQLResolveInfo, shape: 'connection' | 'object'): ResolveTree[] {
  const field = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!field) return [];
  return shape === 'object' ? [field] : nodeSelections(field);
}

/** The selections made on the nodes of a connection field (`nodes`, `edges { node }`). */
export function nodeSelections(connection: ResolveTree): ResolveTree[] {
  const fields = children([connection]);
  return [...(fields.get('nodes') ?? []), ...(children(fields.get('edges') ?? []).get('node') ?? [])];
}

/**
 * The joins that read, with rows of `entity` (aliased t), the to-one fields `selections` make
 * on them (and theirs, up to three levels), or null when none is selected; and the rows the
 * read returns, the paged one first, each with the columns its selections need. A
 * soft-deleted or missing target reads as null, as `loaders.byId` would load it.
 */
export function planReferenceJoins(
  dataSource: DataSource,
  entity: EntityClass,
  selections: ResolveTree[],
): { joins: ReferenceJoins | null; rows: SelectedRow[] } {
  const joins: Join[] = [];
  const clauses: string[] = [];
  const rows: SelectedRow[] = [];
  const visit = (owner: EntityClass, ownerAlias: string, selections: ResolveTree[], depth: number): string => {
    const ownColumns = columnsNeeded(dataSource, owner, selections);
    rows.push({ entity: owner, idColumn: ownerAlias === 't' ? 'id' : `__${ownerAlias}.id`, selections, columns: ownColumns });
    const references = referencesOf.get(owner);
    const keys = [ownColumns?.key ?? '*'];
    if (!references || depth > MAX_DEPTH) return keys[0];
    for (const [name, subtrees] of children(selections)) {
      const reference = references.get(name);
      if (!reference || joins.length >= MAX_JOINS) continue;
      const alias = `ref${joins.length}`;
      const columns = columnsNeeded(dataSource, reference.target, subtrees);
      const properties = columns
        ? [...columns.properties]
        : dataSource.getMetadata(reference.target as EntityTarget<ObjectLiteral>).columns.map((c) => c.propertyName);
      if (reference.computed) {
        joins.push({ alias, target: reference.target, columns, properties, parent: ownerAlias, property: 'id', store: reference.computed.store });
        clauses.push(`LEFT JOIN LATERAL (${reference.computed.choose(ownerAlias)}) ${alias} ON true`);
      } else {
        const metadata = dataSource.getMetadata(owner as EntityTarget<ObjectLiteral>);
        const column = metadata.findColumnWithPropertyName(reference.property!)!.databaseName;
        joins.push({ alias, target: reference.target, columns, properties, parent: ownerAlias, property: reference.property! });
        clauses.push(
          `LEFT JOIN ${tableOf(dataSource, reference.target)} ${alias} ON ${alias}.id = ${ownerAlias}.${column} AND ${alias}.deleted_at IS NULL`,
        );
      }
      keys.push(`${name}(${visit(reference.target, alias, subtrees, depth + 1)})`);
    }
    return keys.join(',');
  };
  const key = visit(entity, 't', selections, 1);
  if (!joins.length) return { joins: null, rows };
  const columnName = (alias: string, property: string) => (alias === 't' ? property : `__${alias}.${property}`);
  const references: ReferenceJoins = {
    key,
    from: clauses.join(' '),
    columns: joins.map((join) => selectList(dataSource, join.target, join.alias, `__${join.alias}.`, join.columns)).join(', '),
    reader(columns) {
      const at = joins.map((join) => ({
        join,
        idAt: columns.indexOf(columnName(join.alias, 'id')),
        toRow: rowMaker(join.target.prototype, join.properties, join.properties.map((property) => columns.indexOf(columnName(join.alias, property)))),
        referenceAt: columns.indexOf(columnName(join.parent, join.property)),
      }));
      return (values, found) => {
        for (const { join, idAt, toRow, referenceAt } of at) {
          if (join.store) {
            // The owner's id: when the owner row is there, its computed row is known, if only as null.
            const owner = values[referenceAt] as string | null | undefined;
            if (owner != null) found(join.target, owner, values[idAt] === null ? null : toRow(values), join.columns, join.store);
            continue;
          }
          const id = values[idAt] as string | null;
          if (id !== null) {
            found(join.target, id, toRow(values), join.columns);
            continue;
          }
          // No row: either nothing is referenced, or the target is gone (byId loads null for it).
          const referenced = values[referenceAt] as string | null | undefined;
          if (referenced != null) found(join.target, referenced, null, null);
        }
      };
    },
  };
  return { joins: references, rows };
}
