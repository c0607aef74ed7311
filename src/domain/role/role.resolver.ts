import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
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
  async speaker(@Root() role: Role, @Ctx() context: Context): Promise<Speaker> {
    return (await context.loaders.byId(Speaker).load(role.speakerId))!;
  }

  @FieldResolver(() => Speaker, { description: 'The organization the role is in.' })
  async organization(@Root() role: Role, @Ctx() context: Context): Promise<Speaker> {
    return (await context.loaders.byId(Speaker).load(role.organizationId))!;
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
