import type { EntityManager } from 'typeorm';
import type { Transactions } from '../../db/sql-session';
import { DomainError, ErrorCode, type FieldProblem } from '../../graphql/errors';
import { assertGlobalIdOf } from '../../graphql/global-id';
import type { Actor } from '../api-key/api-key.service';
import { spanStart } from '../common/partial-date.input';
import { insertReturning, insertRow, recordCreation, type Row } from '../common/entity-writes.service';
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

const created = (manager: EntityManager, actor: Actor, entityType: string, table: string, row: Row) => insertRow(manager, actor, { table, entityType }, row);

async function assertExists(manager: EntityManager, table: string, id: string, field: string, what: string): Promise<void> {
  const rows = await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND deleted_at IS NULL`, [id]);
  if (rows.length === 0) throw DomainError.badInput(field, `no ${what} has this id`);
}

interface ResolvedSpeaker {
  id: string;
  created: boolean;
  match: SpeakerMatchRow | null;
}

/**
 * The speaker's id: the given one, the one that has any of the names under its normalized
 * form, the closest one of the same kind when it is similar enough, or a new one. Two concurrent writers naming the same new speaker meet on the
 * unique speaker_name_key row; the second waits for the first, then reuses its speaker.
 */
export async function resolveSpeaker(manager: EntityManager, actor: Actor, input: SpeakerRefInput): Promise<ResolvedSpeaker> {
  if (input.id != null) {
    const id = assertGlobalIdOf('Speaker', input.id, 'speaker.id');
    await assertExists(manager, 'speaker', id, 'speaker.id', 'speaker');
    return { id, created: false, match: null };
  }
  const nameKey = normalizeName(input.name!);
  if (!nameKey) throw DomainError.badInput('speaker.name', 'must contain letters or digits');
  const keys = [...new Set([nameKey, ...(input.aliases ?? []).map(normalizeName).filter(Boolean)])];
  const found = await manager.query('SELECT speaker_id FROM speaker_name_key WHERE key = ANY($1) ORDER BY key = $2 DESC LIMIT 1', [keys, nameKey]);
  if (found.length > 0) return { id: found[0].speaker_id, created: false, match: null };
  if (input.similarityThreshold < 1) {
    const [closest] = await findSimilarSpeakers((text, params) => manager.query(text, params), input.name!, { kind: input.kind, limit: 1 });
    if (closest && closest.score >= input.similarityThreshold) return { id: closest.id, created: false, match: closest };
  }

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
  for (const key of keys.slice(1)) {
    await manager.query('INSERT INTO speaker_name_key (key, speaker_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, id]);
  }
  await recordCreation(manager, actor, { table: 'speaker', entityType: 'Speaker' }, { id, version: 1 }, row);
  return { id, created: true, match: null };
}

/**
 * The source stored under the normalized URL, or a new one. Looked up first (a report usually
 * carries several claims, so its source is mostly there already); concurrent writers creating
 * it meet on the unique URL.
 */
async function resolveSource(manager: EntityManager, actor: Actor, input: SourceRefInput): Promise<{ id: string; created: boolean }> {
  const url = normalizeUrl(input.url, 'source.url');
  const [stored] = await manager.query('SELECT id FROM source WHERE url = $1', [url]);
  if (stored) return { id: stored.id, created: false };
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

async function resolveEvent(manager: EntityManager, actor: Actor, input: EventRefInput): Promise<string> {
  if (input.id != null) {
    const id = assertGlobalIdOf('Event', input.id, 'event.id');
    await assertExists(manager, 'event', id, 'event.id', 'event');
    return id;
  }
  return created(manager, actor, 'Event', 'event', {
    kind: input.kind, title: input.title!, occurred_on: spanStart(input.date!), occurred_precision: input.date!.precision,
    place: input.place ?? null, country_code: input.countryCode ?? null, description: input.description ?? null,
  });
}

/** Measure and topic slugs to ids, reporting every unknown one with its position. */
async function resolveSlugs(manager: EntityManager, input: RecordStatementInput): Promise<{ measures: Map<string, string>; topics: Map<string, string> }> {
  const lookup = async (table: string, slugs: string[]) => {
    if (slugs.length === 0) return new Map<string, string>();
    const rows: Array<{ id: string; slug: string }> = await manager.query(`SELECT id, slug FROM ${table} WHERE slug = ANY($1) AND deleted_at IS NULL`, [slugs]);
    return new Map(rows.map((row) => [row.slug, row.id]));
  };
  const measures = await lookup('measure', input.quantities.map((quantity) => quantity.measure));
  const topics = await lookup('topic', input.topics);
  const problems: FieldProblem[] = [
    ...input.quantities.flatMap((quantity, index) => (measures.has(quantity.measure) ? [] : [{ field: `quantities.${index}.measure`, message: `no measure has the slug "${quantity.measure}"` }])),
    ...input.topics.flatMap((slug, index) => (topics.has(slug) ? [] : [{ field: `topics.${index}`, message: `no topic has the slug "${slug}"` }])),
  ];
  if (problems.length) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), problems);
  }
  return { measures, topics };
}

/**
 * Records a statement with its speaker, event, source, appearance, figures and topics in
 * one transaction, with a revision for every row it creates. Any failure leaves nothing
 * behind. With an idempotency key, a repeated call returns the first call's statement.
 */
export function recordStatement(db: Transactions, actor: Actor, input: RecordStatementInput, idempotencyKey?: string): Promise<RecordedStatement> {
  return db.transaction((manager) => recordStatementWith(manager, actor, input, idempotencyKey));
}

/** recordStatement inside a transaction the caller holds, for writes that record more around it. */
export async function recordStatementWith(manager: EntityManager, actor: Actor, input: RecordStatementInput, idempotencyKey?: string): Promise<RecordedStatement> {
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
  const { measures, topics } = await resolveSlugs(manager, input);
  const speaker = await resolveSpeaker(manager, actor, input.speaker);
  const eventId = input.event ? await resolveEvent(manager, actor, input.event) : null;
  const source = input.source ? await resolveSource(manager, actor, input.source) : null;
  const statementId = await created(manager, actor, 'Statement', 'statement', {
    text: input.text, mode: input.mode, speaker_id: speaker.id, event_id: eventId,
    stated_on: spanStart(input.stated), stated_precision: input.stated.precision, language: input.language ?? null, status: input.status,
  });
  if (source) {
    await created(manager, actor, 'Appearance', 'appearance', {
      statement_id: statementId, source_id: source.id, excerpt: input.source!.excerpt,
      start_offset: input.source!.startOffset ?? null, end_offset: input.source!.endOffset ?? null,
    });
  }
  for (const [index, quantity] of input.quantities.entries()) {
    await created(manager, actor, 'Quantity', 'quantity', {
      statement_id: statementId, measure_id: measures.get(quantity.measure), position: index + 1,
      value: quantity.value ?? null, lower: quantity.lower ?? null, upper: quantity.upper ?? null, approximate: quantity.approximate,
      unit: quantity.unit, period: quantity.period, span_length: quantity.spanLength ?? null, span_unit: quantity.spanUnit ?? null, kind: quantity.kind,
    });
  }
  for (const slug of new Set(input.topics)) {
    await manager.query('INSERT INTO statement_topic (statement_id, topic_id) VALUES ($1, $2)', [statementId, topics.get(slug)]);
  }
  const result = { statementId, speakerCreated: speaker.created, speakerMatch: speaker.match, sourceCreated: source?.created ?? false };
  if (idempotencyKey != null) {
    await manager.query('UPDATE idempotency_key SET result = $3 WHERE actor = $1 AND key = $2', [actor.name, idempotencyKey, JSON.stringify(result)]);
  }
  return { ...result, replayed: false };
}
