import { ArrayMaxSize } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, ArgsType, Args, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import { nodeEntities } from '../db/entities';
import type { EntityClass } from '../db/entity-rows';
import type { Context } from './context';
import { DomainError } from './errors';
import { assertGlobalIdOf, parseGlobalId } from './global-id';
import { MAX_PAGE_SIZE } from './connection';
import { Node } from './node';

const ENTITY_BY_TYPE = new Map<string, EntityClass>(nodeEntities.map((entity) => [entity.name, entity as EntityClass]));

/**
 * The `entity` a global id names, or null when it names none; BAD_USER_INPUT naming `field` if it
 * is malformed or of another type. Given the field's `info`, what is selected on it is read with it (see RequestLoaders.lookup).
 */
export function findByGlobalId<T extends ObjectLiteral>(context: Context, entity: EntityClass<T>, globalId: string, field = 'id', info?: GraphQLResolveInfo): Promise<T | null> {
  const id = assertGlobalIdOf(entity.name, globalId, field);
  return info ? context.loaders.lookup(entity, 'id', id, info) : context.loaders.byId(entity).load(id);
}

function findAnyNode(context: Context, globalId: string, field: string): Promise<Node | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw DomainError.badInput(field, `"${globalId}" is not a valid id`);
  const entity = ENTITY_BY_TYPE.get(parsed.typeName);
  if (!entity) throw DomainError.badInput(field, `"${globalId}" names no type of this API`);
  return context.loaders.byId(entity).load(parsed.id) as Promise<Node | null>;
}

@ArgsType()
class NodesArgs {
  @Field(() => [ID], { description: `Global ids, at most ${MAX_PAGE_SIZE}.` })
  @ArrayMaxSize(MAX_PAGE_SIZE, { message: `ids must hold at most ${MAX_PAGE_SIZE} ids` })
  ids: string[];
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global id; null when nothing has that id.' })
  node(@Arg('id', () => ID, { description: 'A global id from any object of this API.' }) id: string, @Ctx() context: Context): Promise<Node | null> {
    return findAnyNode(context, id, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: 'Fetches objects by global id, in the order asked; null where nothing has that id.' })
  nodes(@Args() { ids }: NodesArgs, @Ctx() context: Context): Promise<Array<Node | null>> {
    return Promise.all(ids.map((id, index) => findAnyNode(context, id, `ids.${index}`)));
  }
}
