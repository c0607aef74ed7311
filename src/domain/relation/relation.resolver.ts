import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { declareReferences } from '../../graphql/reference-joins';
import { Statement } from '../statement/statement.entity';
import { StatementRelation } from './statement-relation.entity';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateStatementRelationInput, UpdateStatementRelationInput, relationRow } from './relation.inputs';

declareReferences(StatementRelation, { from: [Statement, 'fromId'], to: [Statement, 'toId'] });

@Resolver(() => StatementRelation)
export class RelationResolver {
  @FieldResolver(() => Statement, { description: 'The statement the relation starts from.' })
  from(@Root() relation: StatementRelation, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Statement | Promise<Statement> {
    return context.loaders.referenced(Statement, relation.fromId, info) as Statement | Promise<Statement>;
  }

  @FieldResolver(() => Statement, { description: 'The statement the relation points to.' })
  to(@Root() relation: StatementRelation, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Statement | Promise<Statement> {
    return context.loaders.referenced(Statement, relation.toId, info) as Statement | Promise<Statement>;
  }
}

/** createStatementRelation, updateStatementRelation, deleteStatementRelation and restoreStatementRelation. */
export const StatementRelationWritesResolver = createWritesResolver({
  entity: StatementRelation,
  target: { table: 'statement_relation', entityType: 'StatementRelation' },
  createInput: CreateStatementRelationInput,
  updateInput: UpdateStatementRelationInput,
  toRow: relationRow,
});
