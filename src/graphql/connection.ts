import { IsOptional, Max, Min } from 'class-validator';
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { CursorValues, OrderKey, PageRows, PageWindow } from '../db/keyset-page';
import { isValidCursor } from '../db/keyset-page';
import { DomainError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Return the first n items after \`after\` (0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given).` })
  @IsOptional()
  @Min(0, { message: 'first must not be negative' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}; page through longer lists with after` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (from a previous pageInfo.endCursor or edge.cursor).' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Return the last n items before \`before\` (0 to ${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @Min(0, { message: 'last must not be negative' })
  @Max(MAX_PAGE_SIZE, { message: `last must be at most ${MAX_PAGE_SIZE}; page through longer lists with before` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Return items before this cursor.' })
  before?: string;
}

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when items precede this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; null when the page is empty.' })
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

/** What a connection field resolves to; totalCount is null when it was not selected. */
export interface ConnectionValue<T> {
  edges: Array<Edge<T>>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T extends object>(nodeClass: ClassType<T>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { description: `A ${nodeName} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => nodeClass, { description: 'The item.' })
    node: T;

    @Field({ description: 'Opaque cursor of this item; pass it as after or before.' })
    cursor: string;
  }

  @ObjectType()
  abstract class ConnectionClass implements ConnectionValue<T> {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges: Array<Edge<T>>;

    @Field(() => [nodeClass], { description: 'The items of this page, without cursors.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds under the same filters. Counted only when selected.' })
    totalCount: number | null;
  }
  return ConnectionClass;
}

/** The opaque cursor of a row's order-key values (base64url JSON); decodeCursor reads it back. */
export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(text: string, order: OrderKey[], field: string): CursorValues {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (!isValidCursor(order, values)) {
    throw DomainError.badInput(field, 'is not a cursor of this list; use a cursor this list returned');
  }
  return values;
}

/** Checks Relay arguments and turns them into a page window over keys `order`. */
export function pageWindow(args: ConnectionArgs, order: OrderKey[]): PageWindow {
  if (args.first != null && args.last != null) {
    throw DomainError.badInput('last', 'pass first or last, not both');
  }
  const window: PageWindow = {};
  if (args.last != null) window.last = args.last;
  else window.first = args.first ?? DEFAULT_PAGE_SIZE;
  if (args.after != null) window.after = decodeCursor(args.after, order, 'after');
  if (args.before != null) window.before = decodeCursor(args.before, order, 'before');
  return window;
}

/**
 * A page as a connection. Cursors are encoded only for what is read: `edges` builds them
 * on first access (a client that selects `nodes` never pays for them), and `pageInfo`, when
 * read, encodes just the first and the last.
 */
export class PageConnection<T> implements ConnectionValue<T> {
  private built?: Array<Edge<T>>;
  private info?: PageInfo;

  constructor(
    readonly nodes: T[],
    private readonly cursors: CursorValues[],
    private readonly page: { hasNextPage: boolean; hasPreviousPage: boolean },
    readonly totalCount: number | null,
  ) {}

  get edges(): Array<Edge<T>> {
    this.built ??= this.nodes.map((node, index) => ({ node, cursor: encodeCursor(this.cursors[index]) }));
    return this.built;
  }

  get pageInfo(): PageInfo {
    const { cursors } = this;
    this.info ??= {
      hasNextPage: this.page.hasNextPage,
      hasPreviousPage: this.page.hasPreviousPage,
      startCursor: cursors.length ? encodeCursor(cursors[0]) : null,
      endCursor: cursors.length ? encodeCursor(cursors[cursors.length - 1]) : null,
    };
    return this.info;
  }

  /** The same page with each node replaced, cursors kept. */
  map<U>(toNode: (node: T) => U): PageConnection<U> {
    return new PageConnection(this.nodes.map(toNode), this.cursors, this.page, this.totalCount);
  }
}

/** Shapes page rows into a connection, mapping each row to its node. */
export function toConnection<Row, T>(page: PageRows<Row>, toNode: (row: Row) => T): PageConnection<T> {
  return new PageConnection(page.rows.map(toNode), page.cursors, page, page.totalCount);
}

/** The fields named `name` directly in `selectionSet`, through fragments. */
function selected(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    switch (selection.kind) {
      case 'Field':
        return selection.name.value === name ? [selection] : [];
      case 'InlineFragment':
        return selected(selection.selectionSet, name, info);
      case 'FragmentSpread':
        return selected(info.fragments[selection.name.value]?.selectionSet, name, info);
      default:
        return [];
    }
  });
}

/**
 * Whether the client selected `name` directly under the field being resolved (counting costs a
 * scan), or, given a path, `path` under that: selectsField(info, 'spreads', 'lowestFigure').
 */
export function selectsField(info: GraphQLResolveInfo, ...path: string[]): boolean {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = nodes.flatMap((node) => selected(node.selectionSet, name, info));
  return nodes.length > 0;
}
