import type { GraphQLResolveInfo } from 'graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import {
  AppearanceConnection,
  QuantityConnection,
  ReviewConnection,
  StatementConnection,
  StatementRelationConnection,
  TopicConnection,
} from '../../graphql/connection-types';
import type { Context } from '../../graphql/context';
import { declareFieldColumns } from '../../graphql/field-columns';
import { declareNestedLists } from '../../graphql/nested-lists';
import { declareComputedReference, declareReferences } from '../../graphql/reference-joins';
import { findByGlobalId } from '../../graphql/node.resolver';
import { appearancesOfStatement, statementAppearances } from '../appearance/appearance.service';
import { Event } from '../event/event.entity';
import { quantitiesOfStatement, statementQuantities } from '../quantity/quantity.service';
import { RelatedStatementConnection } from '../relation/related-statement.types';
import { relatedStatements, relationList, relationsOfStatement } from '../relation/relation.service';
import { RelationDirection, RelationType } from '../relation/statement-relation.entity';
import { reviewsOfStatement, statementReviews } from '../review/review.service';
import { Role } from '../role/role.entity';
import { findRoleAtStatement, ROLE_AT_STATEMENT, roleAtStatement } from '../role/role.service';
import { Speaker } from '../speaker/speaker.entity';
import { statementTopics, topicsOfStatement } from '../topic/topic.service';
import { Statement } from './statement.entity';
import { StatementConnectionArgs } from './statement.inputs';
import { statementConnection } from './statement.service';

@ArgsType()
class RelationsArgs extends ConnectionArgs {
  @Field(() => RelationDirection, { defaultValue: RelationDirection.BOTH, description: 'Relations from this statement, to it, or both.' })
  direction: RelationDirection;

  @Field(() => [RelationType], { nullable: true, description: 'Only relations of these types.' })
  @IsOptional()
  @ArrayMaxSize(5)
  type?: RelationType[];
}

declareReferences(Statement, { speaker: [Speaker, 'speakerId'], event: [Event, 'eventId'] });
declareComputedReference(Statement, 'speakerRole', Role, { choose: roleAtStatement, store: ROLE_AT_STATEMENT, needs: ['speakerId', 'statedOn', 'statedUntil'] });
declareFieldColumns(Statement, { related: [] });
declareNestedLists(Statement, {
  appearances: statementAppearances,
  quantities: statementQuantities,
  topics: statementTopics,
  relations: (args: RelationsArgs) => relationList(args.direction, args.type),
  reviews: statementReviews,
});

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: 'A statement by id; null when there is none.' })
  statement(@Arg('id', () => ID, { description: 'The global id of a Statement.' }) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Statement | null> {
    return findByGlobalId(context, Statement, id, 'id', info);
  }

  @Query(() => StatementConnection, { description: 'Statements, filtered and ordered; newest first by default.' })
  statements(@Args() args: StatementConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return statementConnection(context, null, null, args, info);
  }

  @FieldResolver(() => Speaker, { description: 'Who made the claim.' })
  speaker(@Root() statement: Statement, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Speaker | Promise<Speaker> {
    return context.loaders.referenced(Speaker, statement.speakerId, info) as Speaker | Promise<Speaker>;
  }

  @FieldResolver(() => Role, { nullable: true, description: "The role the speaker held on the date stated (the latest-starting one if several); null if none is recorded." })
  speakerRole(@Root() statement: Statement, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Role | null | Promise<Role | null> {
    return findRoleAtStatement(context, statement, info);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'Where the claim was made, when known.' })
  event(@Root() statement: Statement, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Event | null | Promise<Event | null> {
    return statement.eventId ? context.loaders.referenced(Event, statement.eventId, info) : null;
  }

  @FieldResolver(() => AppearanceConnection, { description: 'Where the claim was reported, earliest source first.' })
  appearances(@Root() statement: Statement, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return appearancesOfStatement(context, statement.id, args, info);
  }

  @FieldResolver(() => QuantityConnection, { description: 'The figures in the claim, in the order given.' })
  quantities(@Root() statement: Statement, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return quantitiesOfStatement(context, statement.id, args, info);
  }

  @FieldResolver(() => TopicConnection, { description: 'Subjects the claim is tagged with.' })
  topics(@Root() statement: Statement, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return topicsOfStatement(context, statement.id, args, info);
  }

  @FieldResolver(() => StatementRelationConnection, { description: 'Typed links between this claim and others, in either direction.' })
  relations(@Root() statement: Statement, @Args() args: RelationsArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return relationsOfStatement(context, statement.id, args.direction, args.type, args, info);
  }

  @FieldResolver(() => RelatedStatementConnection, { description: 'The statements this claim is linked to, in either direction, each with the relation (type, note) and its direction.' })
  related(@Root() statement: Statement, @Args() args: RelationsArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return relatedStatements(context, statement.id, args.direction, args.type, args, info);
  }

  @FieldResolver(() => ReviewConnection, { description: "Fact-checkers' verdicts on this claim, newest first." })
  reviews(@Root() statement: Statement, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return reviewsOfStatement(context, statement.id, args, info);
  }
}
