import type { GraphQLResolveInfo } from 'graphql';
import { SqlParams } from '../../db/sql-session';
import { spanEndsOnOrAfter, statementSpanOverlaps } from '../common/partial-date';
import type { ConnectionValue } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { DomainError } from '../../graphql/errors';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { NestedList } from '../../graphql/nested-lists';
import type { ListDefinition, ListFilter } from '../../graphql/lists';
import { Statement } from './statement.entity';
import { OrderDirection, StatementConnectionArgs, StatementFilter } from './statement.inputs';

/** The parents a statement list can hang under, with how a statement row joins to one. */
const PARENTS = {
  Speaker: { from: 'statement t', match: 't.speaker_id = k.id' },
  Event: { from: 'statement t', match: 't.event_id = k.id' },
  Source: { from: 'statement t JOIN appearance a ON a.statement_id = t.id AND a.deleted_at IS NULL', match: 'a.source_id = k.id' },
  Topic: { from: 'statement t JOIN statement_topic st ON st.statement_id = t.id', match: 'st.topic_id = k.id' },
} as const;

export type StatementParent = keyof typeof PARENTS;

const ORDER = [
  { expr: 't.stated_on', type: 'date' as const },
  { expr: 't.id', type: 'uuid' as const },
];

function listOf(parent: StatementParent | null, descending: boolean): ListDefinition<Statement> {
  return {
    // Both orders of one parent's statements may be asked for side by side: their loaders must differ.
    name: `${parent ?? 'Query'}.statements.${descending ? 'newest' : 'oldest'}`,
    entity: Statement,
    from: parent ? PARENTS[parent].from : 'statement t',
    parentMatch: parent ? PARENTS[parent].match : undefined,
    order: ORDER,
    descending,
  };
}

export interface DecodedFilter {
  speaker?: string;
  organization?: string;
  event?: string;
  source?: string;
  topic?: string;
  measure?: string;
  status?: string[];
  mode?: string;
  statedFrom?: string;
  statedTo?: string;
}

/** Checks a statement filter and turns its global ids into database ids. */
export function decodeFilter(filter: StatementFilter | undefined): DecodedFilter {
  if (!filter) return {};
  const id = (typeName: string, value: string | undefined, field: string) =>
    value == null ? undefined : assertGlobalIdOf(typeName, value, `filter.${field}`);
  if (filter.statedFrom && filter.statedTo && filter.statedFrom > filter.statedTo) {
    throw DomainError.badInput('filter.statedTo', 'must not be before statedFrom');
  }
  return {
    speaker: id('Speaker', filter.speaker, 'speaker'),
    organization: id('Speaker', filter.organization, 'organization'),
    event: id('Event', filter.event, 'event'),
    source: id('Source', filter.source, 'source'),
    topic: id('Topic', filter.topic, 'topic'),
    measure: id('Measure', filter.measure, 'measure'),
    status: filter.status?.length ? [...filter.status] : undefined,
    mode: filter.mode ?? undefined,
    statedFrom: filter.statedFrom ?? undefined,
    statedTo: filter.statedTo ?? undefined,
  };
}

/**
 * How a filter's dates are put: for the date index (`stated_on`, where statements are read in
 * date order) or for the span-and-words index (`span`, where a search ranks its matches).
 */
export type DateConditions = 'stated_on' | 'span';

/** The SQL conditions on statement rows (alias t) for a decoded filter. */
export function filterConditions(filter: DecodedFilter, params: SqlParams, dates: DateConditions = 'stated_on'): string[] {
  const conditions: string[] = [];
  if (filter.speaker) conditions.push(`t.speaker_id = ${params.add(filter.speaker, 'uuid')}`);
  if (filter.event) conditions.push(`t.event_id = ${params.add(filter.event, 'uuid')}`);
  if (filter.status) conditions.push(params.oneOf('t.status', filter.status, 'text'));
  if (filter.mode) conditions.push(`t.mode = ${params.add(filter.mode, 'text')}`);
  if (dates === 'span' && (filter.statedFrom || filter.statedTo)) {
    conditions.push(statementSpanOverlaps('t', params.add(filter.statedFrom ?? null, 'date'), params.add(filter.statedTo ?? null, 'date')));
  } else {
    if (filter.statedFrom) conditions.push(...spanEndsOnOrAfter('t', params.add(filter.statedFrom, 'date')));
    if (filter.statedTo) conditions.push(`t.stated_on <= ${params.add(filter.statedTo, 'date')}`);
  }
  if (filter.source) {
    conditions.push(`EXISTS (SELECT 1 FROM appearance fa WHERE fa.statement_id = t.id AND fa.deleted_at IS NULL AND fa.source_id = ${params.add(filter.source, 'uuid')})`);
  }
  if (filter.topic) {
    conditions.push(`EXISTS (SELECT 1 FROM statement_topic ft WHERE ft.statement_id = t.id AND ft.topic_id = ${params.add(filter.topic, 'uuid')})`);
  }
  if (filter.measure) {
    conditions.push(`EXISTS (SELECT 1 FROM quantity fq WHERE fq.statement_id = t.id AND fq.deleted_at IS NULL AND fq.measure_id = ${params.add(filter.measure, 'uuid')})`);
  }
  if (filter.organization) {
    const organization = params.add(filter.organization, 'uuid');
    conditions.push(`(t.speaker_id = ${organization} OR EXISTS (
      SELECT 1 FROM role fr WHERE fr.deleted_at IS NULL AND fr.speaker_id = t.speaker_id AND fr.organization_id = ${organization}
        AND (fr.started_on IS NULL OR fr.started_on <= t.stated_until)
        AND (fr.ended_on IS NULL OR fr.ended_on >= t.stated_on)))`);
  }
  return conditions;
}

/** The statements at the root (`parent` null) or under a speaker, event, source or topic, filtered and ordered as the arguments say. */
export function statementList(parent: StatementParent | null, args: Pick<StatementConnectionArgs, 'filter' | 'orderBy'>): Required<NestedList<Statement>> {
  const decoded = decodeFilter(args.filter);
  const filter: ListFilter = {
    key: JSON.stringify(decoded),
    conditions: (params) => filterConditions(decoded, params),
  };
  const descending = (args.orderBy?.direction ?? OrderDirection.DESC) === OrderDirection.DESC;
  return { list: listOf(parent, descending), filter };
}

/** A page of the statements `statementList` chooses. */
export function statementConnection(
  context: Context,
  parent: StatementParent | null,
  parentId: string | null,
  args: StatementConnectionArgs,
  info: GraphQLResolveInfo,
): Promise<ConnectionValue<Statement>> {
  const { list, filter } = statementList(parent, args);
  return context.loaders.connection(list, args, parentId, info, filter);
}
