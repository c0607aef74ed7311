import type { GraphQLResolveInfo } from 'graphql';
import type { ConnectionArgs, ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import type { ListDefinition } from '../../graphql/lists';
import { Speaker, SpeakerKind } from './speaker.entity';

const BY_NAME = [
  { expr: 't.name', type: 'text' as const },
  { expr: 't.id', type: 'uuid' as const },
];

const SPEAKERS: ListDefinition<Speaker> = { name: 'Query.speakers', entity: Speaker, order: BY_NAME, descending: false };

/** Speakers who made at least one statement at the event k.id. */
const EVENT_SPEAKERS: ListDefinition<Speaker> = {
  name: 'Event.speakers',
  entity: Speaker,
  order: BY_NAME,
  descending: false,
  parentMatch: 'EXISTS (SELECT 1 FROM statement s WHERE s.event_id = k.id AND s.speaker_id = t.id AND s.deleted_at IS NULL)',
};

/** All speakers by name, optionally of one kind. */
export function speakerConnection(context: Context, args: ConnectionArgs, kind: SpeakerKind | undefined, info: GraphQLResolveInfo): Promise<ConnectionValue<Speaker>> {
  return context.loaders.connection(SPEAKERS, args, null, info, {
    key: kind ?? '',
    conditions: (params) => (kind ? [`t.kind = ${params.add(kind, 'text')}`] : []),
  });
}

/** The speakers of an event's statements, by name, each once. */
export function eventSpeakerConnection(context: Context, eventId: string, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<ConnectionValue<Speaker>> {
  return context.loaders.connection(EVENT_SPEAKERS, args, eventId, info);
}
