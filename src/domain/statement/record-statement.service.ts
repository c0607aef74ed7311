import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SqlParams, type SqlSession } from '../../db/sql-session';
import { DomainError, ErrorCode } from '../../graphql/errors';
import type { Actor } from '../api-key/api-key.service';
import { spanStart } from '../common/partial-date.input';
import { insertReturning, insertRow, insertRows, insertRowsWhere, LookedUp, recordCreation, type RowToInsert } from '../common/entity-writes.service';
import { findSimilarSpeakers, type SpeakerMatchRow } from '../speaker/speaker-matching';
import type { EventRefInput, RecordStatementInput, SourceRefInput, SpeakerRefInput } from './record-statement.inputs';
import {
  allStored, lookedUpSlugs, lookUpReferences, readReferences, referenceLookups, speakerKeys, speakerLookup, type Found, type References, type SpeakerKeys,
} from './statement-references';

export interface RecordedStatement {
  statementId: string;
  speakerCreated: boolean;
  /** Set when the speaker was taken for a close spelling of one of its names. */
  speakerMatch: SpeakerMatchRow | null;
  sourceCreated: boolean;
  /** True when an earlier call with the same idempotency key already recorded it. */
  replayed: boolean;
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
 * a revision for every row it creates; any failure leaves nothing behind. When the speaker,
 * event and source it names are all stored already (most calls: a report carries several
 * claims), looking them up and inserting the statement and everything on it are one SQL
 * statement, atomic alone, with no transaction around it; otherwise what that statement found
 * is reported (unknown ids and slugs) or completed (creations) and the insert runs in one
 * transaction. With an idempotency key, a repeated call returns the first call's statement.
 */
export async function recordStatement(sql: SqlSession, actor: Actor, input: RecordStatementInput, idempotencyKey?: string): Promise<RecordedStatement> {
  if (idempotencyKey != null) return sql.transaction((manager) => recordStatementWith(manager, actor, input, idempotencyKey));
  sql.pinToPrimary();
  // The look-ups and the insert in one statement: the rows go in when all they name is stored.
  const lookups = referenceLookups(input);
  const statementId = randomUUID();
  const refs = (column: string) => new LookedUp(`refs."${column}"`);
  const rows = statementRows(input, statementId, {
    speaker: refs('speakerId'), event: input.event ? refs('eventId') : null, source: lookups.sourceUrl ? refs('sourceId') : null, ...lookedUpSlugs(lookups),
  });
  const attempt = await insertRowsWhere(sql, actor, rows, { params: lookups.params, select: lookups.select, when: allStored(input, lookups) });
  if (attempt.inserted) return { statementId, speakerCreated: false, speakerMatch: null, sourceCreated: false, replayed: false };
  const found = readReferences(input, lookups, attempt.refs);
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
  const statementId = randomUUID();
  await insertRows(manager, actor, statementRows(input, statementId, {
    speaker: speaker.id, event: eventId, source: source?.id ?? null,
    measure: (slug) => references.measures.get(slug), topic: (slug) => references.topics.get(slug),
  }));
  const result = { statementId, speakerCreated: speaker.created, speakerMatch: speaker.match, sourceCreated: source?.created ?? false };
  if (idempotencyKey != null) {
    await manager.query('UPDATE idempotency_key SET result = $3 WHERE actor = $1 AND key = $2', [actor.name, idempotencyKey, JSON.stringify(result)]);
  }
  return { ...result, replayed: false };
}

/** The ids the rows of a recorded statement name, or LookedUp values when the inserting statement finds them. */
interface RowReferences {
  speaker: unknown;
  event: unknown;
  /** null: no appearance. */
  source: unknown;
  measure(slug: string): unknown;
  topic(slug: string): unknown;
}

/** The statement and everything hanging on it, to insert in one statement with their revisions. */
function statementRows(input: RecordStatementInput, statementId: string, ids: RowReferences): RowToInsert[] {
  // The appearance goes in first (its statement is checked at the end of the SQL statement), so
  // that the statement's search document, made as the statement is inserted, already holds the
  // excerpt, and the appearance's trigger leaves the new row alone (migration 1764310000000).
  const rows: RowToInsert[] = [];
  if (ids.source !== null) {
    rows.push({
      target: { table: 'appearance', entityType: 'Appearance' },
      row: {
        statement_id: statementId, source_id: ids.source, excerpt: input.source!.excerpt,
        start_offset: input.source!.startOffset ?? null, end_offset: input.source!.endOffset ?? null,
      },
    });
  }
  rows.push({
    target: { table: 'statement', entityType: 'Statement' },
    row: {
      id: statementId, text: input.text, mode: input.mode, speaker_id: ids.speaker, event_id: ids.event,
      stated_on: spanStart(input.stated), stated_precision: input.stated.precision, language: input.language ?? null, status: input.status,
    },
  });
  for (const [index, quantity] of input.quantities.entries()) {
    rows.push({
      target: { table: 'quantity', entityType: 'Quantity' },
      row: {
        statement_id: statementId, measure_id: ids.measure(quantity.measure), position: index + 1,
        value: quantity.value ?? null, lower: quantity.lower ?? null, upper: quantity.upper ?? null, approximate: quantity.approximate,
        unit: quantity.unit, period: quantity.period, span_length: quantity.spanLength ?? null, span_unit: quantity.spanUnit ?? null, kind: quantity.kind,
      },
    });
  }
  for (const slug of new Set(input.topics)) {
    rows.push({ target: { table: 'statement_topic', entityType: null }, row: { statement_id: statementId, topic_id: ids.topic(slug) } });
  }
  return rows;
}
