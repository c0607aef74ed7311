import { Appearance } from '../domain/appearance/appearance.entity';
import { Event } from '../domain/event/event.entity';
import { Measure } from '../domain/measure/measure.entity';
import { Quantity } from '../domain/quantity/quantity.entity';
import { StatementRelation } from '../domain/relation/statement-relation.entity';
import { Review } from '../domain/review/review.entity';
import { Role } from '../domain/role/role.entity';
import { Source } from '../domain/source/source.entity';
import { Speaker } from '../domain/speaker/speaker.entity';
import { Statement } from '../domain/statement/statement.entity';
import { Topic } from '../domain/topic/topic.entity';

/** Every mapped entity, for the DataSource and for node(id:). */
export const entities = [Speaker, Role, Event, Source, Statement, Appearance, Quantity, Measure, Topic, StatementRelation, Review];
