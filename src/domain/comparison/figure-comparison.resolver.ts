import type { GraphQLResolveInfo } from 'graphql';
import { Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, MAX_PAGE_SIZE } from '../../graphql/connection';
import { ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { ColumnSet } from '../../db/entity-rows';
import { columnsOf } from '../../graphql/field-columns';
import { DomainError } from '../../graphql/errors';
import { PartialDate } from '../common/partial-date';
import { Role } from '../role/role.entity';
import { findRoleAtStatement } from '../role/role.service';
import { Speaker } from '../speaker/speaker.entity';
import { Statement, VerificationStatus } from '../statement/statement.entity';
import { comparedFigures, openComparison } from './figure-comparison.service';
import { CompareFiguresArgs, ComparedFigure, FigureComparison, FigureConflict } from './figure-comparison.types';
import { conflictingFigures } from './figure-conflicts.service';

@ObjectType({ description: 'A page of compared figures.' })
export class ComparedFigureConnection extends ConnectionType(ComparedFigure, 'ComparedFigure') {}

const statementColumns = new Map<string, ColumnSet | null>();

/**
 * The figure's statement, with at least the columns the figure's field `field` needs of it (or
 * that `info`'s selections need): at once when the page read it along (so the field costs no
 * promise, as other to-one fields do), else by id.
 */
function statementOf(context: Context, figure: ComparedFigure, field: string, info?: GraphQLResolveInfo): Statement | Promise<Statement> {
  let need = info ?? statementColumns.get(field);
  if (need === undefined) statementColumns.set(field, (need = columnsOf(context.loaders.dataSource, Statement, [field])));
  return context.loaders.referenced(Statement, figure.quantity.statementId, need) as Statement | Promise<Statement>;
}

/** What `field` of the figure's statement gives, `then` applied to the statement: at once when it is at hand. */
function fromStatement<T>(context: Context, figure: ComparedFigure, field: string, then: (statement: Statement) => T | Promise<T>): T | Promise<T> {
  const statement = statementOf(context, figure, field);
  return statement instanceof Promise ? statement.then(then) : then(statement);
}

@Resolver(() => FigureComparison)
export class FigureComparisonResolver {
  @Query(() => FigureComparison, {
    nullable: true,
    description: 'Lines up every figure given on a measure in one period (per month by default), with who gave it, in what role and when, and the spread between them, estimates and targets kept apart. Null when no measure has that slug or id.',
  })
  compareFigures(@Args() args: CompareFiguresArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<FigureComparison | null> {
    if (args.from && args.to && args.from > args.to) throw DomainError.badInput('to', 'must not be before from');
    return openComparison(context, args, info);
  }

  @FieldResolver(() => ComparedFigureConnection, { description: 'The figures, newest statement first.' })
  figures(@Root() comparison: FigureComparison, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return comparedFigures(context, comparison, args, info);
  }
}

@Resolver(() => ComparedFigure)
export class ComparedFigureResolver {
  @FieldResolver(() => Statement, { description: 'The statement that gives the figure.' })
  statement(@Root() figure: ComparedFigure, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Statement | Promise<Statement> {
    return statementOf(context, figure, 'statement', info);
  }

  @FieldResolver(() => Speaker, { description: 'Who gave the figure.' })
  speaker(@Root() figure: ComparedFigure, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Speaker | Promise<Speaker> {
    return fromStatement(context, figure, 'speaker', (statement) => context.loaders.referenced(Speaker, statement.speakerId, info) as Speaker | Promise<Speaker>);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'The role the speaker held when giving it; null if none is recorded.' })
  speakerRole(@Root() figure: ComparedFigure, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Role | null | Promise<Role | null> {
    return fromStatement(context, figure, 'speakerRole', (statement) => findRoleAtStatement(context, statement, info));
  }

  @FieldResolver(() => VerificationStatus, { description: "Where the statement stands on evidence." })
  status(@Root() figure: ComparedFigure, @Ctx() context: Context): VerificationStatus | Promise<VerificationStatus> {
    return fromStatement(context, figure, 'status', (statement) => statement.status);
  }

  @FieldResolver(() => PartialDate, { description: 'When the figure was given, at the precision known.' })
  stated(@Root() figure: ComparedFigure, @Ctx() context: Context): PartialDate | Promise<PartialDate> {
    return fromStatement(context, figure, 'stated', (statement) => statement.stated);
  }
}

@ArgsType()
class ConflictingFiguresArgs {
  @Field(() => Int, { defaultValue: 90, description: 'How many days apart (0 to 3660) two statements may be and still conflict; figures for different times need not agree.' })
  @Min(0)
  @Max(3660)
  withinDays: number;

  @Field(() => Int, { defaultValue: 20, description: `How many conflicts at most (1 to ${MAX_PAGE_SIZE}), widest gap first.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;
}

@Resolver(() => FigureConflict)
export class FigureConflictResolver {
  @FieldResolver(() => Statement, { description: 'The statement that gives the other figure.' })
  async statement(@Root() conflict: FigureConflict, @Ctx() context: Context): Promise<Statement> {
    return (await context.loaders.byId(Statement).load(conflict.otherStatementId))!;
  }
}

@Resolver(() => Statement)
export class StatementConflictsResolver {
  @FieldResolver(() => [FigureConflict], {
    description: "Suggested contradictions: figures of other statements on the same measure and of the same kind (estimate against estimate), both rates, stated within withinDays, whose ranges do not overlap once converted to one period. A suggestion to review, not a verdict; linked tells whether a CONTRADICTS relation already records it.",
  })
  conflictingFigures(@Root() statement: Statement, @Args() args: ConflictingFiguresArgs, @Ctx() context: Context): Promise<FigureConflict[]> {
    return conflictingFigures(context, statement.id, args.withinDays, args.first);
  }
}
