import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AppearanceResolver, AppearanceWritesResolver } from '../domain/appearance/appearance.resolver';
import { EventResolver, EventWritesResolver } from '../domain/event/event.resolver';
import { MeasureResolver, MeasureWritesResolver } from '../domain/measure/measure.resolver';
import { QuantityResolver, QuantityWritesResolver } from '../domain/quantity/quantity.resolver';
import { RelationResolver, StatementRelationWritesResolver } from '../domain/relation/relation.resolver';
import { ReviewResolver, ReviewWritesResolver } from '../domain/review/review.resolver';
import { RevisionResolver } from '../domain/revision/revision.resolver';
import { RoleResolver, RoleWritesResolver } from '../domain/role/role.resolver';
import { SourceResolver, SourceWritesResolver } from '../domain/source/source.resolver';
import { SpeakerResolver, SpeakerWritesResolver } from '../domain/speaker/speaker.resolver';
import { ComparedFigureResolver, FigureComparisonResolver, FigureConflictResolver, StatementConflictsResolver } from '../domain/comparison/figure-comparison.resolver';
import { StatementSearchResolver } from '../domain/search/statement-search.resolver';
import { StatementResolver } from '../domain/statement/statement.resolver';
import { RecordStatementPayloadResolver, StatementWritesResolver } from '../domain/statement/statement-writes.resolver';
import { TopicResolver, TopicWritesResolver } from '../domain/topic/topic.resolver';
import { authChecker } from './auth-checker';
import { NodeResolver } from './node.resolver';
import { validateArgs } from './validate-args';

export const resolvers = [
  NodeResolver,
  SpeakerResolver,
  RoleResolver,
  EventResolver,
  SourceResolver,
  StatementResolver,
  StatementSearchResolver,
  FigureComparisonResolver,
  ComparedFigureResolver,
  FigureConflictResolver,
  StatementConflictsResolver,
  AppearanceResolver,
  QuantityResolver,
  MeasureResolver,
  TopicResolver,
  RelationResolver,
  ReviewResolver,
  RevisionResolver,
  StatementWritesResolver,
  RecordStatementPayloadResolver,
  SpeakerWritesResolver,
  RoleWritesResolver,
  EventWritesResolver,
  SourceWritesResolver,
  AppearanceWritesResolver,
  QuantityWritesResolver,
  MeasureWritesResolver,
  TopicWritesResolver,
  StatementRelationWritesResolver,
  ReviewWritesResolver,
] as const;

/** The executable schema, built from the decorated classes with argument validation on. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker,
    // class-validator rules on args and input classes, checked once per distinct value.
    validateFn: validateArgs,
  });
  // type-graphql has no option for the root type's description; the playground shows it first.
  schema.getQueryType()!.description =
    'Entry points for reading claims: look objects up by global id, slug or URL, or page through lists.';
  schema.getMutationType()!.description = 'Writes. Each needs an API key (Authorization: Bearer <key>) with the role it names, and is recorded as revisions.';
  return schema;
}

/** The schema as committed to schema/schema.graphql: SDL with types and fields sorted. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
