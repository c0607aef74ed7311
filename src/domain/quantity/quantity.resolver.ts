import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { declareFieldColumns } from '../../graphql/field-columns';
import { declareReferences } from '../../graphql/reference-joins';
import { Measure } from '../measure/measure.entity';
import { Statement } from '../statement/statement.entity';
import { Quantity, Rate } from './quantity.entity';
import { TimeUnit } from './time-unit';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateQuantityInput, UpdateQuantityInput, quantityRow } from './quantity.inputs';

declareReferences(Quantity, { measure: [Measure, 'measureId'], statement: [Statement, 'statementId'] });
declareFieldColumns(Quantity, { rate: ['perDay', 'perDayLow', 'perDayHigh'] });

@Resolver(() => Quantity)
export class QuantityResolver {
  @FieldResolver(() => Rate, { description: 'The figure as a rate per the chosen period (a TOTAL is spread over its span); null values when it has no span.' })
  rate(@Root() quantity: Quantity, @Arg('per', () => TimeUnit, { description: 'The period to convert to.' }) per: TimeUnit): Rate {
    return quantity.rateIn(per);
  }

  @FieldResolver(() => Measure, { description: 'What the figure counts.' })
  measure(@Root() quantity: Quantity, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Measure | Promise<Measure> {
    return context.loaders.referenced(Measure, quantity.measureId, info) as Measure | Promise<Measure>;
  }

  @FieldResolver(() => Statement, { description: 'The statement the figure is in.' })
  statement(@Root() quantity: Quantity, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Statement | Promise<Statement> {
    return context.loaders.referenced(Statement, quantity.statementId, info) as Statement | Promise<Statement>;
  }
}

/** createQuantity, updateQuantity, deleteQuantity and restoreQuantity. */
export const QuantityWritesResolver = createWritesResolver({
  entity: Quantity,
  target: { table: 'quantity', entityType: 'Quantity' },
  createInput: CreateQuantityInput,
  updateInput: UpdateQuantityInput,
  toRow: quantityRow,
});
