import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { declareReferences } from '../../graphql/reference-joins';
import { Speaker } from '../speaker/speaker.entity';
import { Role } from './role.entity';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateRoleInput, UpdateRoleInput, roleRow } from './role.inputs';

declareReferences(Role, { speaker: [Speaker, 'speakerId'], organization: [Speaker, 'organizationId'] });

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Speaker, { description: 'Who held the role.' })
  speaker(@Root() role: Role, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Speaker | Promise<Speaker> {
    return context.loaders.referenced(Speaker, role.speakerId, info) as Speaker | Promise<Speaker>;
  }

  @FieldResolver(() => Speaker, { description: 'The organization the role is in.' })
  organization(@Root() role: Role, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Speaker | Promise<Speaker> {
    return context.loaders.referenced(Speaker, role.organizationId, info) as Speaker | Promise<Speaker>;
  }
}

/** createRole, updateRole, deleteRole and restoreRole. */
export const RoleWritesResolver = createWritesResolver({
  entity: Role,
  target: { table: 'role', entityType: 'Role' },
  createInput: CreateRoleInput,
  updateInput: UpdateRoleInput,
  toRow: roleRow,
});
