import type { GraphQLResolveInfo } from 'graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection';
import { EventConnection, SpeakerConnection, StatementConnection } from '../../graphql/connection-types';
import type { Context } from '../../graphql/context';
import { findByGlobalId } from '../../graphql/node.resolver';
import { eventSpeakerConnection } from '../speaker/speaker.service';
import { StatementConnectionArgs } from '../statement/statement.inputs';
import { statementConnection, statementList } from '../statement/statement.service';
import { declareFieldColumns } from '../../graphql/field-columns';
import { declareNestedLists } from '../../graphql/nested-lists';

import { Event } from './event.entity';
import { EventFilter } from './event.inputs';
import { eventConnection } from './event.service';
import { createWritesResolver } from '../../graphql/writes-resolver.factory';
import { CreateEventInput, UpdateEventInput, eventRow } from './event-writes.inputs';

@ArgsType()
class EventsArgs extends ConnectionArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Conditions the events must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: EventFilter;
}

declareNestedLists(Event, { statements: (args: StatementConnectionArgs) => statementList('Event', args) });
declareFieldColumns(Event, { speakers: [] });

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: 'An event by id; null when there is none.' })
  event(@Arg('id', () => ID, { description: 'The global id of an Event.' }) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Event | null> {
    return findByGlobalId(context, Event, id, 'id', info);
  }

  @Query(() => EventConnection, { description: 'All events, newest first.' })
  events(@Args() args: EventsArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return eventConnection(context, args, args.filter, info);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements made at this event, newest first unless ordered otherwise.' })
  statements(@Root() event: Event, @Args() args: StatementConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return statementConnection(context, 'Event', event.id, args, info);
  }

  @FieldResolver(() => SpeakerConnection, { description: 'Everyone who made a statement at this event, by name.' })
  speakers(@Root() event: Event, @Args() args: ConnectionArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    return eventSpeakerConnection(context, event.id, args, info);
  }
}

/** createEvent, updateEvent, deleteEvent and restoreEvent. */
export const EventWritesResolver = createWritesResolver({
  entity: Event,
  target: { table: 'event', entityType: 'Event' },
  createInput: CreateEventInput,
  updateInput: UpdateEventInput,
  toRow: eventRow,
});
