import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { declareReferences } from '../../graphql/reference-joins';
import { Source } from '../source/source.entity';
import { Statement } from '../statement/statement.entity';
import { Appearance } from './appearance.entity';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateAppearanceInput, UpdateAppearanceInput, appearanceRow } from './appearance.inputs';

declareReferences(Appearance, { source: [Source, 'sourceId'], statement: [Statement, 'statementId'] });

@Resolver(() => Appearance)
export class AppearanceResolver {
  @FieldResolver(() => Source, { description: 'The report the excerpt is from.' })
  source(@Root() appearance: Appearance, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Source | Promise<Source> {
    return context.loaders.referenced(Source, appearance.sourceId, info) as Source | Promise<Source>;
  }

  @FieldResolver(() => Statement, { description: 'The statement the excerpt carries.' })
  statement(@Root() appearance: Appearance, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Statement | Promise<Statement> {
    return context.loaders.referenced(Statement, appearance.statementId, info) as Statement | Promise<Statement>;
  }
}

/** createAppearance, updateAppearance, deleteAppearance and restoreAppearance. */
export const AppearanceWritesResolver = createWritesResolver({
  entity: Appearance,
  target: { table: 'appearance', entityType: 'Appearance' },
  createInput: CreateAppearanceInput,
  updateInput: UpdateAppearanceInput,
  toRow: appearanceRow,
});
