import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { ListDefinition } from '../../graphql/lists';
import { Measure } from './measure.entity';

const MEASURES: ListDefinition<Measure> = {
  name: 'Query.measures',
  entity: Measure,
  order: [
    { expr: 't.slug', type: 'text' },
    { expr: 't.id', type: 'uuid' },
  ],
  descending: false,
};

/** All measures by slug. */
export function measureConnection(context: Context, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Measure>> {
  return context.loaders.connection(MEASURES, args, null, info);
}
