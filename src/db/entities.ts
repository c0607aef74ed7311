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

/** The entities with global ids, which node(id:) resolves. */
export const nodeEntities = [Speaker, Role, Event, Source, Statement, Appearance, Quantity, Measure, Topic, StatementRelation, Review];

/** Every mapped entity, for the DataSource. */
export const entities = [...nodeEntities, Revision];
