import { Arg, Authorized, ClassType, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { ApiRole } from '../domain/api-key/api-key.service';
import { insertRow, setDeleted, updateRow, type Row, type WritableTable } from '../domain/common/entity-writes.service';
import type { EntityClass } from '../db/entity-rows';
import type { Context } from './context';
import { assertGlobalIdOf } from './global-id';

@ObjectType({ description: 'The object a delete hid; the matching restore mutation brings it back.' })
export class DeletePayload {
  @Field(() => ID, { description: 'Global id of the deleted object.' })
  id: string;
}

/**
 * Reads an object back after a write: from the primary, past anything this request had read of
 * it. Given the `info` of the field it resolves, what is selected on it is read in the same
 * statement (RequestLoaders.lookup).
 */
export async function readBack<T extends ObjectLiteral>(context: Context, entity: EntityClass<T>, id: string, info?: GraphQLResolveInfo): Promise<T> {
  context.sql.pinToPrimary();
  if (info) return (await context.loaders.lookup(entity, 'id', id, info, true))!;
  context.loaders.forget(entity, id);
  return (await context.loaders.byId(entity).load(id))!;
}

export interface WritesOptions<T extends ObjectLiteral, C extends object, U extends { expectedVersion?: number }> {
  entity: EntityClass<T> & ClassType<T>;
  target: WritableTable;
  createInput: ClassType<C>;
  updateInput: ClassType<U>;
  /** Input fields to columns; ids decoded (BAD_USER_INPUT naming the field), undefined for fields left out. */
  toRow(input: Partial<C> | U): Row;
  /** Runs in the write's transaction after a create or an update, with the row as it now is. */
  afterWrite?(manager: EntityManager, id: string, row: Row): Promise<void>;
}

/**
 * create<T>, update<T>, delete<T> (EDITOR) and restore<T> (ADMIN) mutations for one entity,
 * each one transaction with its revision. Resolvers stay adapters: rows go through
 * entity-writes.service.
 */
export function createWritesResolver<T extends ObjectLiteral, C extends object, U extends { expectedVersion?: number }>(options: WritesOptions<T, C, U>) {
  const name = options.target.entityType;
  const article = /^[AEIOU]/.test(name) ? 'an' : 'a';
  const fresh = (context: Context, id: string) => readBack(context, options.entity, id);

  @Resolver()
  class WritesResolver {
    @Authorized(ApiRole.EDITOR)
    @Mutation(() => options.entity, { name: `create${name}`, description: `Creates ${article} ${name}. Needs an EDITOR key.` })
    async create(@Arg('input', () => options.createInput, { description: `The new ${name}.` }) input: C, @Ctx() context: Context): Promise<T> {
      const row = options.toRow(input);
      const id = await context.sql.transaction(async (manager) => {
        const created = await insertRow(manager, context.actor!, options.target, row);
        await options.afterWrite?.(manager, created, row);
        return created;
      });
      return fresh(context, id);
    }

    @Authorized(ApiRole.EDITOR)
    @Mutation(() => options.entity, { name: `update${name}`, description: `Changes the given fields of ${article} ${name}; CONFLICT if expectedVersion is stale. Needs an EDITOR key.` })
    async update(
      @Arg('id', () => ID, { description: `The ${name} to change.` }) id: string,
      @Arg('input', () => options.updateInput, { description: 'The fields to change.' }) input: U,
      @Ctx() context: Context,
    ): Promise<T> {
      const rowId = assertGlobalIdOf(name, id, 'id');
      const afterWrite = options.afterWrite && ((manager: EntityManager, row: Row) => options.afterWrite!(manager, rowId, row));
      await updateRow(context.sql, context.actor!, options.target, rowId, options.toRow(input), input.expectedVersion, afterWrite);
      return fresh(context, rowId);
    }

    @Authorized(ApiRole.EDITOR)
    @Mutation(() => DeletePayload, { name: `delete${name}`, description: `Hides ${article} ${name} from every read; an ADMIN can restore it. Needs an EDITOR key.` })
    async remove(
      @Arg('id', () => ID, { description: `The ${name} to delete.` }) id: string,
      @Ctx() context: Context,
      @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
    ): Promise<DeletePayload> {
      await setDeleted(context.sql, context.actor!, options.target, assertGlobalIdOf(name, id, 'id'), true, expectedVersion);
      return { id };
    }

    @Authorized(ApiRole.ADMIN)
    @Mutation(() => options.entity, { name: `restore${name}`, description: `Brings back a deleted ${name}. Needs an ADMIN key.` })
    async restore(@Arg('id', () => ID, { description: `The deleted ${name}.` }) id: string, @Ctx() context: Context): Promise<T> {
      const rowId = assertGlobalIdOf(name, id, 'id');
      await setDeleted(context.sql, context.actor!, options.target, rowId, false);
      return fresh(context, rowId);
    }
  }
  return WritesResolver;
}
