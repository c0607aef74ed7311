import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { DomainError } from '../../graphql/errors';
import type { ListDefinition } from '../../graphql/lists';
import { Event } from './event.entity';
import type { EventFilter } from './event.inputs';

const EVENTS: ListDefinition<Event> = {
  name: 'Query.events',
  entity: Event,
  order: [
    { expr: 't.occurred_on', type: 'date' },
    { expr: 't.id', type: 'uuid' },
  ],
  descending: true,
};

/** Events, newest first, optionally of some kinds and overlapping a date range. */
export function eventConnection(context: Context, args: ConnectionArgs, filter: EventFilter | undefined, info: GraphQLResolveInfo): Promise<ConnectionValue<Event>> {
  const kinds = filter?.kind?.length ? [...filter.kind] : null;
  const from = filter?.from ?? null;
  const to = filter?.to ?? null;
  if (from && to && from > to) throw DomainError.badInput('filter.to', 'must not be before from');
  return context.loaders.connection(EVENTS, args, null, info, {
    key: JSON.stringify([kinds, from, to]),
    conditions: (params) => [
      ...(kinds ? [params.oneOf('t.kind', kinds, 'text')] : []),
      ...(from ? [`t.occurred_until >= ${params.add(from, 'date')}`] : []),
      ...(to ? [`t.occurred_on <= ${params.add(to, 'date')}`] : []),
    ],
  });
}
