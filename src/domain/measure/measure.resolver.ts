import type { GraphQLResolveInfo } from 'graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import { MeasureConnection, QuantityConnection } from '../../graphql/connection-types';
import type { Context } from '../../graphql/context';
import { DomainError } from '../../graphql/errors';
import { findByGlobalId } from '../../graphql/node.resolver';
import { QuantityKind } from '../quantity/quantity.entity';
import { measureQuantities, quantitiesOnMeasure } from '../quantity/quantity.service';
import { declareNestedLists } from '../../graphql/nested-lists';
import { Measure } from './measure.entity';
import { measureConnection } from './measure.service';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateMeasureInput, UpdateMeasureInput, measureRow } from './measure.inputs';

@ArgsType()
class MeasureQuantitiesArgs extends ConnectionArgs {
  @Field(() => [QuantityKind], { nullable: true, description: 'Only figures of these kinds, e.g. [ESTIMATE].' })
  @IsOptional()
  @ArrayMaxSize(4)
  kind?: QuantityKind[];
}

declareNestedLists(Measure, { quantities: (args: MeasureQuantitiesArgs) => measureQuantities(args.kind) });

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => Measure, { nullable: true, description: 'A measure by id or slug; null when there is none.' })
  measure(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'The global id of a Measure.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: 'The slug, e.g. "russian-military-deaths".' }) slug?: string,
  ): Promise<Measure | null> {
    if ((id == null) === (slug == null)) throw DomainError.badInput('id', 'pass exactly one of id and slug');
    return id != null ? findByGlobalId(context, Measure, id, 'id', info) : context.loaders.lookup(Measure, 'slug', slug!, info);
  }

  @Query(() => MeasureConnection, { description: 'All measures, by slug.' })
  measures(@Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return measureConnection(context, args, info);
  }

  @FieldResolver(() => QuantityConnection, { description: 'Every figure given on this measure, newest statement first.' })
  quantities(@Root() measure: Measure, @Args() args: MeasureQuantitiesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return quantitiesOnMeasure(context, measure.id, args, args.kind, info);
  }
}

/** createMeasure, updateMeasure, deleteMeasure and restoreMeasure. */
export const MeasureWritesResolver = createWritesResolver({
  entity: Measure,
  target: { table: 'measure', entityType: 'Measure' },
  createInput: CreateMeasureInput,
  updateInput: UpdateMeasureInput,
  toRow: measureRow,
});
