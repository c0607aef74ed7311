import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { DomainError } from '../../graphql/errors';
import { assertGlobalIdOf } from '../../graphql/global-id';
import { DeletePayload, readBack } from '../../graphql/writes-resolver.factory';
import { ApiRole } from '../api-key/api-key.service';
import { RecordStatementInput, UpdateStatementInput } from './record-statement.inputs';
import { recordStatement } from './record-statement.service';
import { setDeleted } from '../common/entity-writes.service';
import { STATEMENT_TABLE, updateStatement } from './statement-writes.service';
import { Statement } from './statement.entity';
import { Speaker } from '../speaker/speaker.entity';
import { SpeakerMatch } from '../speaker/speaker-match.types';

@ObjectType({ description: 'What recordStatement did.' })
class RecordStatementPayload {
  /** The statement recorded, read back only when selected (see RecordStatementPayloadResolver). */
  statementId: string;

  @Field({ description: 'True when no speaker matched the name or aliases and one was created.' })
  speakerCreated: boolean;

  @Field(() => SpeakerMatch, { nullable: true, description: 'Set when no name matched exactly and the speaker was taken for a close spelling (see speaker.similarityThreshold): which name and how close.' })
  speakerMatch: SpeakerMatch | null;

  @Field({ description: 'True when no source had the normalized URL and one was created.' })
  sourceCreated: boolean;

  @Field({ description: 'True when an earlier call with the same idempotency key had recorded it; nothing was written this time.' })
  replayed: boolean;
}

const freshStatement = (context: Context, id: string) => readBack(context, Statement, id);

@Resolver()
export class StatementWritesResolver {
  @Authorized(ApiRole.EDITOR)
  @Mutation(() => RecordStatementPayload, { description: 'Records a claim with its speaker (matched by name or alias, else created), event, source (matched by normalized URL, else created), excerpt, figures and topics, all or nothing. Needs an EDITOR key.' })
  async recordStatement(
    @Arg('input', () => RecordStatementInput, { description: 'The claim and everything around it.' }) input: RecordStatementInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Any string unique to this intended write (at most 200 characters); retrying with the same key returns the first result instead of writing again.' })
    idempotencyKey?: string,
  ): Promise<RecordStatementPayload> {
    if (idempotencyKey != null && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
      throw DomainError.badInput('idempotencyKey', 'must be 1 to 200 characters');
    }
    const recorded = await recordStatement(context.sql, context.actor!, input, idempotencyKey ?? undefined);
    const { speakerMatch } = recorded;
    return {
      ...recorded,
      speakerMatch: speakerMatch && { speaker: (await context.loaders.byId(Speaker).load(speakerMatch.id))!, matchedName: speakerMatch.matchedName, score: speakerMatch.score },
    };
  }

  @Authorized(ApiRole.EDITOR)
  @Mutation(() => Statement, { description: 'Changes the given fields of a statement and records the change. Needs an EDITOR key.' })
  async updateStatement(
    @Arg('id', () => ID, { description: 'The statement to change.' }) id: string,
    @Arg('input', () => UpdateStatementInput, { description: 'The fields to change.' }) input: UpdateStatementInput,
    @Ctx() context: Context,
  ): Promise<Statement> {
    const statementId = assertGlobalIdOf('Statement', id, 'id');
    await updateStatement(context.sql, context.actor!, statementId, input);
    return freshStatement(context, statementId);
  }

  @Authorized(ApiRole.EDITOR)
  @Mutation(() => DeletePayload, { description: 'Hides a statement from every read; an ADMIN can restore it. Needs an EDITOR key.' })
  async deleteStatement(
    @Arg('id', () => ID, { description: 'The statement to delete.' }) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT if it has changed since.' }) expectedVersion?: number,
  ): Promise<DeletePayload> {
    await setDeleted(context.sql, context.actor!, STATEMENT_TABLE, assertGlobalIdOf('Statement', id, 'id'), true, expectedVersion);
    return { id };
  }

  @Authorized(ApiRole.ADMIN)
  @Mutation(() => Statement, { description: 'Brings back a deleted statement. Needs an ADMIN key.' })
  async restoreStatement(@Arg('id', () => ID, { description: 'The deleted statement.' }) id: string, @Ctx() context: Context): Promise<Statement> {
    const statementId = assertGlobalIdOf('Statement', id, 'id');
    await setDeleted(context.sql, context.actor!, STATEMENT_TABLE, statementId, false);
    return freshStatement(context, statementId);
  }
}

@Resolver(() => RecordStatementPayload)
export class RecordStatementPayloadResolver {
  @FieldResolver(() => Statement, { description: 'The statement recorded.' })
  statement(@Root() payload: RecordStatementPayload, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Statement> {
    // With what is selected on it (its speaker, say) in one statement.
    return readBack(context, Statement, payload.statementId, info);
  }
}
