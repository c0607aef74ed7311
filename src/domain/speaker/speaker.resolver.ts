import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import { ReviewConnection, RoleConnection, SpeakerConnection, StatementConnection } from '../../graphql/connection-types';
import type { Context } from '../../graphql/context';
import { findByGlobalId } from '../../graphql/node.resolver';
import { reviewsByReviewer } from '../review/review.service';
import { rolesInOrganization, rolesOfSpeaker } from '../role/role.service';
import { StatementConnectionArgs } from '../statement/statement.inputs';
import { statementConnection, statementList } from '../statement/statement.service';
import { declareFieldColumns } from '../../graphql/field-columns';
import { declareNestedLists } from '../../graphql/nested-lists';
import { speakerRoles } from '../role/role.service';

import { Speaker, SpeakerKind } from './speaker.entity';
import { speakerConnection } from './speaker.service';
import { SpeakerMatch, SpeakerMatchesArgs } from './speaker-match.types';
import { findSimilarSpeakers } from './speaker-matching';
import { hydrate, selectList } from '../../db/entity-rows';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateSpeakerInput, UpdateSpeakerInput, speakerRow, claimSpeakerNames } from './speaker.inputs';

@ArgsType()
class SpeakersArgs extends ConnectionArgs {
  @Field(() => SpeakerKind, { nullable: true, description: 'Only people, or only organizations.' })
  kind?: SpeakerKind;
}

declareNestedLists(Speaker, { statements: (args: StatementConnectionArgs) => statementList('Speaker', args), roles: speakerRoles });
declareFieldColumns(Speaker, { members: [], reviewsWritten: [] });

@Resolver(() => Speaker)
export class SpeakerResolver {
  @Query(() => Speaker, { nullable: true, description: 'A speaker by id; null when there is none.' })
  speaker(@Arg('id', () => ID, { description: 'The global id of a Speaker.' }) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Speaker | null> {
    return findByGlobalId(context, Speaker, id, 'id', info);
  }

  @Query(() => SpeakerConnection, { description: 'All speakers, by name.' })
  speakers(@Args() args: SpeakersArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return speakerConnection(context, args, args.kind, info);
  }

  @Query(() => [SpeakerMatch], {
    description: 'Speakers whose name or an alias is close to a name, best first: tolerant of case, accents, punctuation, transliteration and typos (PostgreSQL pg_trgm). A surname alone finds the person.',
  })
  async speakerMatches(@Args() args: SpeakerMatchesArgs, @Ctx() context: Context): Promise<SpeakerMatch[]> {
    const rows = await findSimilarSpeakers((text, params) => context.sql.query(text, params), args.name, {
      kind: args.kind,
      limit: args.first,
      columns: selectList(context.database.dataSource, Speaker, 's'),
    });
    return rows.map(({ matchedName, score, ...columns }) => ({ speaker: hydrate(Speaker, columns), matchedName, score }));
  }

  @FieldResolver(() => StatementConnection, { description: "The speaker's statements, newest first unless ordered otherwise." })
  statements(@Root() speaker: Speaker, @Args() args: StatementConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return statementConnection(context, 'Speaker', speaker.id, args, info);
  }

  @FieldResolver(() => RoleConnection, { description: 'Positions the speaker held, latest first.' })
  roles(@Root() speaker: Speaker, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return rolesOfSpeaker(context, speaker.id, args, info);
  }

  @FieldResolver(() => RoleConnection, { description: 'For an organization: the positions people held in it, latest first.' })
  members(@Root() speaker: Speaker, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return rolesInOrganization(context, speaker.id, args, info);
  }

  @FieldResolver(() => ReviewConnection, { description: 'For a fact-checking organization: the reviews it published, newest first.' })
  reviewsWritten(@Root() speaker: Speaker, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return reviewsByReviewer(context, speaker.id, args, info);
  }
}

/** createSpeaker, updateSpeaker, deleteSpeaker and restoreSpeaker. */
export const SpeakerWritesResolver = createWritesResolver({
  entity: Speaker,
  target: { table: 'speaker', entityType: 'Speaker' },
  createInput: CreateSpeakerInput,
  updateInput: UpdateSpeakerInput,
  toRow: speakerRow,
  afterWrite: claimSpeakerNames,
});
