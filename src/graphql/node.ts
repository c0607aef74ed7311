import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { declareFieldColumns } from './field-columns';
import { encodeGlobalId } from './global-id';

/** The GraphQL type name of an entity instance: entity classes are named after their types. */
export function typeNameOf(value: object): string {
  return value.constructor.name;
}

/**
 * Base of every entity: a uuid key in the database, shown to clients only as an
 * opaque global id so that ids of different types never collide.
 */
// No resolveType: type-graphql's own finds the entity class a row is an instance of, at once,
// where one given here would be wrapped in a promise for every object resolved.
@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id that node(id:) fetches back.',
})
export abstract class Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque, globally unique id. Stable; pass it to node(id:) or to filters.' })
  get globalId(): string {
    return encodeGlobalId(typeNameOf(this), this.id);
  }
}

// The global id is made from the row's id, which every read selects.
declareFieldColumns(Node, { id: [] });

/**
 * Base of every stored entity: a version that each write increments (updates may pass the
 * version they read and get CONFLICT if it moved on) and a soft-delete mark that hides the
 * row from reads until an admin restores it.
 */
@InterfaceType('Versioned', {
  implements: Node,
  description: 'A stored object whose changes are versioned and recorded as revisions.',
})
export abstract class VersionedNode extends Node {
  @Field(() => Int, { description: 'Starts at 1 and grows by one with every change; pass it back as expectedVersion to update safely.' })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
