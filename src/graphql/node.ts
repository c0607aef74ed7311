import { Field, ID, InterfaceType } from 'type-graphql';
import { PrimaryGeneratedColumn } from 'typeorm';
import { encodeGlobalId } from './global-id';

/** The GraphQL type name of an entity instance: entity classes are named after their types. */
export function typeNameOf(value: object): string {
  return value.constructor.name;
}

/**
 * Base of every entity: a uuid key in the database, shown to clients only as an
 * opaque global id so that ids of different types never collide.
 */
@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id that node(id:) fetches back.',
  resolveType: (value: object) => typeNameOf(value),
})
export abstract class Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id', description: 'Opaque, globally unique id. Stable; pass it to node(id:) or to filters.' })
  get globalId(): string {
    return encodeGlobalId(typeNameOf(this), this.id);
  }
}
