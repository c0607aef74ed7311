import { ObjectType } from 'type-graphql';
import { Appearance } from '../domain/appearance/appearance.entity';
import { Event } from '../domain/event/event.entity';
import { Measure } from '../domain/measure/measure.entity';
import { Quantity } from '../domain/quantity/quantity.entity';
import { StatementRelation } from '../domain/relation/statement-relation.entity';
import { Review } from '../domain/review/review.entity';
import { Revision } from '../domain/revision/revision.entity';
import { Role } from '../domain/role/role.entity';
import { Source } from '../domain/source/source.entity';
import { Speaker } from '../domain/speaker/speaker.entity';
import { Statement } from '../domain/statement/statement.entity';
import { Topic } from '../domain/topic/topic.entity';
import { ConnectionType } from './connection';

@ObjectType({ description: 'A page of statements.' })
export class StatementConnection extends ConnectionType(Statement, 'Statement') {}

@ObjectType({ description: 'A page of speakers.' })
export class SpeakerConnection extends ConnectionType(Speaker, 'Speaker') {}

@ObjectType({ description: 'A page of roles.' })
export class RoleConnection extends ConnectionType(Role, 'Role') {}

@ObjectType({ description: 'A page of events.' })
export class EventConnection extends ConnectionType(Event, 'Event') {}

@ObjectType({ description: 'A page of sources.' })
export class SourceConnection extends ConnectionType(Source, 'Source') {}

@ObjectType({ description: 'A page of appearances.' })
export class AppearanceConnection extends ConnectionType(Appearance, 'Appearance') {}

@ObjectType({ description: 'A page of quantities.' })
export class QuantityConnection extends ConnectionType(Quantity, 'Quantity') {}

@ObjectType({ description: 'A page of measures.' })
export class MeasureConnection extends ConnectionType(Measure, 'Measure') {}

@ObjectType({ description: 'A page of topics.' })
export class TopicConnection extends ConnectionType(Topic, 'Topic') {}

@ObjectType({ description: 'A page of statement relations.' })
export class StatementRelationConnection extends ConnectionType(StatementRelation, 'StatementRelation') {}

@ObjectType({ description: 'A page of revisions.' })
export class RevisionConnection extends ConnectionType(Revision, 'Revision') {}

@ObjectType({ description: 'A page of reviews.' })
export class ReviewConnection extends ConnectionType(Review, 'Review') {}
