import { SqlParams } from '../../db/sql-session';
import { DomainError, ErrorCode, type FieldProblem } from '../../graphql/errors';
import { assertGlobalIdOf } from '../../graphql/global-id';
import { LookedUp, type Row, type Statements } from '../common/entity-writes.service';
import { normalizeUrl } from '../source/source.service';
import { normalizeName } from '../speaker/speaker-matching';
import type { RecordStatementInput, SpeakerRefInput } from './record-statement.inputs';

/** What a speaker reference names, ready to look up: an id to check, or name keys (the name's first). */
export type SpeakerKeys = { id: string } | { keys: string[] };

export function speakerKeys(input: SpeakerRefInput): SpeakerKeys {
  if (input.id != null) return { id: assertGlobalIdOf('Speaker', input.id, 'speaker.id') };
  const nameKey = normalizeName(input.name!);
  if (!nameKey) throw DomainError.badInput('speaker.name', 'must contain letters or digits');
  return { keys: [...new Set([nameKey, ...(input.aliases ?? []).map(normalizeName).filter(Boolean)])] };
}

/** The SQL expression of the speaker's id: the given one if it exists, or the one holding a name key (the name's first). */
export function speakerLookup(params: SqlParams, speaker: SpeakerKeys): string {
  return 'id' in speaker
    ? `(SELECT id FROM speaker WHERE id = ${params.add(speaker.id, 'uuid')} AND deleted_at IS NULL)`
    : `(SELECT speaker_id FROM speaker_name_key WHERE key = ANY(${params.add(speaker.keys, 'text[]')}) ORDER BY key = ${params.add(speaker.keys[0], 'text')} DESC LIMIT 1)`;
}

/** A reference as looked up: what it was looked up by, and the stored row's id (null when none). */
export interface Found<Key> {
  key: Key;
  id: string | null;
}

/** What the input refers to, found in one statement: slugs to ids, and each stored row it names. */
export interface References {
  measures: Map<string, string>;
  topics: Map<string, string>;
  speaker: Found<SpeakerKeys>;
  eventId: string | null;
  /** By its normalized URL. */
  source: Found<string> | null;
}

/**
 * The look-up of everything an input names, as one row (speakerId, measures and topics by slug,
 * eventId, sourceId), made alone (lookUpReferences) or in the statement that inserts what the
 * input records (recordStatement, through insertRowsWhere).
 */
export interface ReferenceLookups {
  params: SqlParams;
  select: string;
  speaker: SpeakerKeys;
  eventId: string | null;
  sourceUrl: string | null;
}

export function referenceLookups(input: RecordStatementInput): ReferenceLookups {
  const params = new SqlParams();
  const speaker = speakerKeys(input.speaker);
  const eventId = input.event?.id != null ? assertGlobalIdOf('Event', input.event.id, 'event.id') : null;
  const sourceUrl = input.source ? normalizeUrl(input.source.url, 'source.url') : null;
  const slugs = (table: string, list: string[]) =>
    `(SELECT coalesce(json_object_agg(slug, id), '{}') FROM ${table} WHERE slug = ANY(${params.add(list, 'text[]')}) AND deleted_at IS NULL)`;
  const select = `SELECT ${speakerLookup(params, speaker)} AS "speakerId",
       ${input.quantities.length ? slugs('measure', input.quantities.map((quantity) => quantity.measure)) : "'{}'::json"} AS measures,
       ${input.topics.length ? slugs('topic', input.topics) : "'{}'::json"} AS topics,
       ${eventId ? `(SELECT id FROM event WHERE id = ${params.add(eventId, 'uuid')} AND deleted_at IS NULL)` : 'NULL::uuid'} AS "eventId",
       ${sourceUrl ? `(SELECT id FROM source WHERE url = ${params.add(sourceUrl, 'text')})` : 'NULL::uuid'} AS "sourceId"`;
  return { params, select, speaker, eventId, sourceUrl };
}

/** The condition, over the row `lookups` found as `refs`, that every row the input names is stored: nothing to create, nothing unknown. */
export function allStored(input: RecordStatementInput, lookups: ReferenceLookups): string {
  // Every slug named was found: as many keys as distinct slugs (slugs are unique per table).
  const everySlug = (column: string, slugs: string[]) => `(SELECT count(*) FROM json_object_keys(refs.${column})) = ${new Set(slugs).size}`;
  return [
    'refs."speakerId" IS NOT NULL',
    // An event given without an id is one to create.
    ...(input.event ? [lookups.eventId ? 'refs."eventId" IS NOT NULL' : 'false'] : []),
    ...(lookups.sourceUrl ? ['refs."sourceId" IS NOT NULL'] : []),
    everySlug('measures', input.quantities.map((quantity) => quantity.measure)),
    everySlug('topics', input.topics),
  ].join(' AND ');
}

/** The ids of a measure and a topic by slug, as the statement inserting rows with `lookups` finds them. */
export function lookedUpSlugs(lookups: ReferenceLookups) {
  const bySlug = (column: string) => (slug: string) => new LookedUp(`(refs.${column}->>${lookups.params.add(slug, 'text')})::uuid`);
  return { measure: bySlug('measures'), topic: bySlug('topics') };
}

/** What `lookups` found (`row`), or BAD_USER_INPUT naming every unknown id and slug at once. */
export function readReferences(input: RecordStatementInput, lookups: ReferenceLookups, row: Row): References {
  const found: References = {
    measures: new Map(Object.entries(row.measures as object)),
    topics: new Map(Object.entries(row.topics as object)),
    speaker: { key: lookups.speaker, id: row.speakerId as string | null },
    eventId: row.eventId as string | null,
    source: lookups.sourceUrl ? { key: lookups.sourceUrl, id: row.sourceId as string | null } : null,
  };
  const problems: FieldProblem[] = [
    ...('id' in lookups.speaker && !found.speaker.id ? [{ field: 'speaker.id', message: 'no speaker has this id' }] : []),
    ...(lookups.eventId && !found.eventId ? [{ field: 'event.id', message: 'no event has this id' }] : []),
    ...input.quantities.flatMap((quantity, index) => (found.measures.has(quantity.measure) ? [] : [{ field: `quantities.${index}.measure`, message: `no measure has the slug "${quantity.measure}"` }])),
    ...input.topics.flatMap((slug, index) => (found.topics.has(slug) ? [] : [{ field: `topics.${index}`, message: `no topic has the slug "${slug}"` }])),
  ];
  if (problems.length) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), problems);
  }
  return found;
}

/**
 * Looks up everything the input names in one statement, and refuses it with every unknown
 * id and slug at once. A speaker, event or source it names without an id is null when
 * not stored yet; resolving it creates it.
 */
export async function lookUpReferences(statements: Statements, input: RecordStatementInput): Promise<References> {
  const lookups = referenceLookups(input);
  const [row] = await statements.query(lookups.select, lookups.params.values);
  return readReferences(input, lookups, row);
}
