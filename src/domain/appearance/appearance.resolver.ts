import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
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
  async source(@Root() appearance: Appearance, @Ctx() context: Context): Promise<Source> {
    return (await context.loaders.byId(Source).load(appearance.sourceId))!;
  }

  @FieldResolver(() => Statement, { description: 'The statement the excerpt carries.' })
  async statement(@Root() appearance: Appearance, @Ctx() context: Context): Promise<Statement> {
    return (await context.loaders.byId(Statement).load(appearance.statementId))!;
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
