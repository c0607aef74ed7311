import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Speaker } from '../speaker/speaker.entity';
import { Role } from './role.entity';

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
