import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SqlParams, type SqlSession } from '../../db/sql-session';
import { DomainError, ErrorCode, type FieldProblem } from '../../graphql/errors';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { Actor } from '../api-key/api-key.service';
import { spanStart } from '../common/partial-date.input';
import { insertReturning, insertRow, insertRows, recordCreation, type RowToInsert, type Statements } from '../common/entity-writes.service';
import { normalizeUrl } from '../source/source.service';
import { findSimilarSpeakers, normalizeName, type SpeakerMatchRow } from '../speaker/speaker-matching';
import type { EventRefInput, RecordStatementInput, SourceRefInput, SpeakerRefInput } from './record-statement.inputs';

export interface RecordedStatement {
  statementId: string;
  speakerCreated: boolean;
  /** Set when the speaker was taken for a close spelling of one of its names. */
  speakerMatch: SpeakerMatchRow | null;
  sourceCreated: boolean;
  /** True when an earlier call with the same idempotency key already recorded it. */
  replayed: boolean;
}

/** What a speaker reference names, ready to look up: an id to check, or name keys (the name's first). */
type SpeakerKeys = { id: string } | { keys: string[] };

function speakerKeys(input: SpeakerRefInput): SpeakerKeys {
  if (input.id != null) return { id: assertGlobalIdOf('Speaker', input.id, 'speaker.id') };
  const nameKey = normalizeName(input.name!);
  if (!nameKey) throw DomainError.badInput('speaker.name', 'must contain letters or digits');
  return { keys: [...new Set([nameKey, ...(input.aliases ?? []).map(normalizeName).filter(Boolean)])] };
}

/** The SQL expression of the speaker's id: the given one if it exists, or the one holding a name key (the name's first). */
function speakerLookup(params: SqlParams, speaker: SpeakerKeys): string {
  return 'id' in speaker
    ? `(SELECT id FROM speaker WHERE id = ${params.add(speaker.id, 'uuid')} AND deleted_at IS NULL)`
    : `(SELECT speaker_id FROM speaker_name_key WHERE key = ANY(${params.add(speaker.keys, 'text[]')}) ORDER BY key = ${params.add(speaker.keys[0], 'text')} DESC LIMIT 1)`;
}

/** A reference as looked up: what it was looked up by, and the stored row's id (null when none). */
interface Found<Key> {
  key: Key;
  id: string | null;
}

/** What the input refers to, found in one statement: slugs to ids, and each stored row it names. */
interface References {
  measures: Map<string, string>;
  topics: Map<string, string>;
  speaker: Found<SpeakerKeys>;
  eventId: string | null;
  /** By its normalized URL. */
  source: Found<string> | null;
}

/**
 * Looks up everything the input names in one statement, and refuses it with every unknown
 * id and slug at once. A speaker, event or source it names without an id is null when
 * not stored yet; resolving it creates it.
 */
async function lookUpReferences(statements: Statements, input: RecordStatementInput): Promise<References> {
  const params = new SqlParams();
  const speaker = speakerKeys(input.speaker);
  const eventId = input.event?.id != null ? assertGlobalIdOf('Event', input.event.id, 'event.id') : null;
  const sourceUrl = input.source ? normalizeUrl(input.source.url, 'source.url') : null;
  const slugs = (table: string, list: string[]) =>
    `(SELECT coalesce(json_object_agg(slug, id), '{}') FROM ${table} WHERE slug = ANY(${params.add(list, 'text[]')}) AND deleted_at IS NULL)`;
  const [row] = await statements.query(
    `SELECT ${speakerLookup(params, speaker)} AS "speakerId",
       ${input.quantities.length ? slugs('measure', input.quantities.map((quantity) => quantity.measure)) : "'{}'::json"} AS measures,
       ${input.topics.length ? slugs('topic', input.topics) : "'{}'::json"} AS topics,
       ${eventId ? `(SELECT id FROM event WHERE id = ${params.add(eventId, 'uuid')} AND deleted_at IS NULL)` : 'NULL::uuid'} AS "eventId",
       ${sourceUrl ? `(SELECT id FROM source WHERE url = ${params.add(sourceUrl, 'text')})` : 'NULL::uuid'} AS "sourceId"`,
    params.values,
  );
  const found: References = {
    measures: new Map(Object.entries(row.measures)),
    topics: new Map(Object.entries(row.topics)),
    speaker: { key: speaker, id: row.speakerId },
    eventId: row.eventId,
    source: sourceUrl ? { key: sourceUrl, id: row.sourceId } : null,
  };
  const problems: FieldProblem[] = [
    ...('id' in speaker && !found.speaker.id ? [{ field: 'speaker.id', message: 'no speaker has this id' }] : []),
    ...(eventId && !row.eventId ? [{ field: 'event.id', message: 'no event has this id' }] : []),
    ...input.quantities.flatMap((quantity, index) => (found.measures.has(quantity.measure) ? [] : [{ field: `quantities.${index}.measure`, message: `no measure has the slug "${quantity.measure}"` }])),
    ...input.topics.flatMap((slug, index) => (found.topics.has(slug) ? [] : [{ field: `topics.${index}`, message: `no topic has the slug "${slug}"` }])),
  ];
  if (problems.length) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), problems);
  }
  return found;
}

interface ResolvedSpeaker {
  id: string;
  created: boolean;
  match: SpeakerMatchRow | null;
}

/**
 * The speaker's id: the given one, the one that has any of the names under its normalized
 * form, the closest one of the same kind when it is similar enough, or a new one. `found` is
 * what speakerLookup found, when the caller looked it up already. Two concurrent writers naming
 * the same new speaker meet on the unique speaker_name_key row; the second waits for the first,
 * then reuses its speaker.
 */
export async function resolveSpeaker(manager: EntityManager, actor: Actor, input: SpeakerRefInput, found?: Found<SpeakerKeys>): Promise<ResolvedSpeaker> {
  const speaker = found?.key ?? speakerKeys(input);
  let stored = found?.id;
  if (stored === undefined) {
    const params = new SqlParams();
    [{ id: stored }] = await manager.query(`SELECT ${speakerLookup(params, speaker)} AS id`, params.values);
  }
  if (stored) return { id: stored, created: false, match: null };
  if ('id' in speaker) throw DomainError.badInput('speaker.id', 'no speaker has this id');
  if (input.similarityThreshold < 1) {
    const [closest] = await findSimilarSpeakers((text, params) => manager.query(text, params), input.name!, { kind: input.kind, limit: 1 });
    if (closest && closest.score >= input.similarityThreshold) return { id: closest.id, created: false, match: closest };
  }

  const [nameKey, ...aliasKeys] = speaker.keys;
  const row = {
    kind: input.kind, name: input.name!.trim(), aliases: input.aliases ?? [], description: input.description ?? null, wikidata_id: input.wikidataId ?? null,
  };
  const { id } = (await insertReturning(manager, 'speaker', row))!;
  const claimed = await manager.query('INSERT INTO speaker_name_key (key, speaker_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING speaker_id', [nameKey, id]);
  if (claimed.length === 0) {
    // Someone recorded this name between our look-up and our insert: use theirs.
    await manager.query('DELETE FROM speaker WHERE id = $1', [id]);
    const [existing] = await manager.query('SELECT speaker_id FROM speaker_name_key WHERE key = $1', [nameKey]);
    return { id: existing.speaker_id, created: false, match: null };
  }
  for (const key of aliasKeys) {
    await manager.query('INSERT INTO speaker_name_key (key, speaker_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, id]);
  }
  await recordCreation(manager, actor, { table: 'speaker', entityType: 'Speaker' }, { id, version: 1 }, row);
  return { id, created: true, match: null };
}

/**
 * The source stored under the normalized URL (`found`, looked up with the other references:
 * a report usually carries several claims, so its source is mostly there already), or a new
 * one. Concurrent writers creating it meet on the unique URL.
 */
async function resolveSource(manager: EntityManager, actor: Actor, input: SourceRefInput, found: Found<string>): Promise<{ id: string; created: boolean }> {
  if (found.id) return { id: found.id, created: false };
  const url = found.key;
  const row = {
    url, title: input.title, publisher: input.publisher ?? null,
    published_on: input.published ? spanStart(input.published) : null, published_precision: input.published?.precision ?? null,
    language: input.language ?? null,
  };
  const inserted = await insertReturning(manager, 'source', row, '(url) DO NOTHING');
  if (!inserted) {
    const [existing] = await manager.query('SELECT id FROM source WHERE url = $1', [url]);
    return { id: existing.id, created: false };
  }
  await recordCreation(manager, actor, { table: 'source', entityType: 'Source' }, inserted, row);
  return { id: inserted.id, created: true };
}

/** The event's id: the stored one the input names (checked by lookUpReferences), or a new one. */
async function resolveEvent(manager: EntityManager, actor: Actor, input: EventRefInput, stored: string | null): Promise<string> {
  if (stored) return stored;
  return insertRow(manager, actor, { table: 'event', entityType: 'Event' }, {
    kind: input.kind, title: input.title!, occurred_on: spanStart(input.date!), occurred_precision: input.date!.precision,
    place: input.place ?? null, country_code: input.countryCode ?? null, description: input.description ?? null,
  });
}

/**
 * Records a statement with its speaker, event, source, appearance, figures and topics, with
 * a revision for every row it creates; any failure leaves nothing behind. What the input
 * names is looked up first: when the speaker, event and source are all stored already (most
 * calls: a report carries several claims) the statement and everything on it are one INSERT,
 * atomic alone, with no transaction around it; otherwise the creations and the insert run in
 * one transaction. With an idempotency key, a repeated call returns the first call's statement.
 */
export async function recordStatement(sql: SqlSession, actor: Actor, input: RecordStatementInput, idempotencyKey?: string): Promise<RecordedStatement> {
  if (idempotencyKey != null) return sql.transaction((manager) => recordStatementWith(manager, actor, input, idempotencyKey));
  sql.pinToPrimary();
  const found = await lookUpReferences(sql, input);
  if (found.speaker.id && (!input.event || found.eventId) && (!found.source || found.source.id)) {
    const statementId = await insertStatement(sql, actor, input, found, found.speaker.id, found.eventId, found.source?.id ?? null);
    return { statementId, speakerCreated: false, speakerMatch: null, sourceCreated: false, replayed: false };
  }
  return sql.transaction((manager) => recordStatementWith(manager, actor, input, undefined, found));
}

/**
 * recordStatement inside a transaction the caller holds, for writes that record more around
 * it; `found` is what the caller looked up already (lookUpReferences).
 */
export async function recordStatementWith(manager: EntityManager, actor: Actor, input: RecordStatementInput, idempotencyKey?: string, found?: References): Promise<RecordedStatement> {
  if (idempotencyKey != null) {
    const claimed = await manager.query(
      "INSERT INTO idempotency_key (actor, key, operation, result) VALUES ($1, $2, 'recordStatement', '{}') ON CONFLICT DO NOTHING RETURNING 1",
      [actor.name, idempotencyKey],
    );
    if (claimed.length === 0) {
      const [earlier] = await manager.query('SELECT operation, result FROM idempotency_key WHERE actor = $1 AND key = $2', [actor.name, idempotencyKey]);
      if (earlier.operation !== 'recordStatement') throw new DomainError(ErrorCode.CONFLICT, 'this idempotency key was used for another operation');
      return { ...earlier.result, replayed: true };
    }
  }
  const references = found ?? (await lookUpReferences(manager, input));
  const speaker = await resolveSpeaker(manager, actor, input.speaker, references.speaker);
  const eventId = input.event ? await resolveEvent(manager, actor, input.event, references.eventId) : null;
  const source = references.source ? await resolveSource(manager, actor, input.source!, references.source) : null;
  const statementId = await insertStatement(manager, actor, input, references, speaker.id, eventId, source?.id ?? null);
  const result = { statementId, speakerCreated: speaker.created, speakerMatch: speaker.match, sourceCreated: source?.created ?? false };
  if (idempotencyKey != null) {
    await manager.query('UPDATE idempotency_key SET result = $3 WHERE actor = $1 AND key = $2', [actor.name, idempotencyKey, JSON.stringify(result)]);
  }
  return { ...result, replayed: false };
}

/** The statement and everything hanging on it, with their revisions, in one statement; returns its id. */
async function insertStatement(
  statements: Statements, actor: Actor, input: RecordStatementInput, found: References, speakerId: string, eventId: string | null, sourceId: string | null,
): Promise<string> {
  const statementId = randomUUID();
  // The appearance goes in first (its statement is checked at the end of the SQL statement), so
  // that the statement's search document, made as the statement is inserted, already holds the
  // excerpt, and the appearance's trigger leaves the new row alone (migration 1764310000000).
  const rows: RowToInsert[] = [];
  if (sourceId) {
    rows.push({
      target: { table: 'appearance', entityType: 'Appearance' },
      row: {
        statement_id: statementId, source_id: sourceId, excerpt: input.source!.excerpt,
        start_offset: input.source!.startOffset ?? null, end_offset: input.source!.endOffset ?? null,
      },
    });
  }
  rows.push({
    target: { table: 'statement', entityType: 'Statement' },
    row: {
      id: statementId, text: input.text, mode: input.mode, speaker_id: speakerId, event_id: eventId,
      stated_on: spanStart(input.stated), stated_precision: input.stated.precision, language: input.language ?? null, status: input.status,
    },
  });
  for (const [index, quantity] of input.quantities.entries()) {
    rows.push({
      target: { table: 'quantity', entityType: 'Quantity' },
      row: {
        statement_id: statementId, measure_id: found.measures.get(quantity.measure), position: index + 1,
        value: quantity.value ?? null, lower: quantity.lower ?? null, upper: quantity.upper ?? null, approximate: quantity.approximate,
        unit: quantity.unit, period: quantity.period, span_length: quantity.spanLength ?? null, span_unit: quantity.spanUnit ?? null, kind: quantity.kind,
      },
    });
  }
  for (const slug of new Set(input.topics)) {
    rows.push({ target: { table: 'statement_topic', entityType: null }, row: { statement_id: statementId, topic_id: found.topics.get(slug) } });
  }
  await insertRows(statements, actor, rows);
  return statementId;
}
