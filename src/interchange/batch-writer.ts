import type { PoolClient } from 'pg';
import { spanStart } from '../domain/common/partial-date.input';
import type { PartialDateInput } from '../domain/common/partial-date.input';
import { normalizeUrl } from '../domain/source/source.service';
import { normalizeName } from '../domain/speaker/speaker-matching';
import { deterministicId } from './deterministic-id';
import { insertRows, TABLES, type ImportTable, type Row } from './row-insert';
import type { PartialDateLine, SpeakerLine, StatementLine } from './statement-line.schema';

/** A line that passed the schema, with its number in the file. */
export interface ParsedLine {
  number: number;
  line: StatementLine;
}

/** A fault of one line, found while writing it. */
export class LineError extends Error {
  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(message);
  }
}

/** A relation whose target statement is neither stored nor in this batch yet; written at the end of the file. */
export interface PendingRelation {
  line: number;
  row: Row;
}

export type Counts = Record<string, number>;

const dateOf = (date: PartialDateLine) => spanStart(date as PartialDateInput);

/** Ids already stored for the natural keys of a batch: existing ids, and ids by URL, slug, Wikidata QID and name key. */
interface Known {
  speakerIds: Set<string>;
  speakerByWikidata: Map<string, string>;
  speakerByName: Map<string, string>;
  sourceIds: Set<string>;
  sourceByUrl: Map<string, string>;
  measureIds: Set<string>;
  measureBySlug: Map<string, string>;
  topicIds: Set<string>;
  topicBySlug: Map<string, string>;
  statementIds: Set<string>;
}

async function lookUp(client: PoolClient, lines: ParsedLine[]): Promise<Known> {
  const speakers = lines.flatMap(({ line }) => [
    line.speaker,
    ...(line.speaker.roles ?? []).map((role) => role.organization),
    ...(line.reviews ?? []).map((review) => review.reviewer),
  ]);
  const sources = lines.flatMap(({ line }) => (line.appearances ?? []).map((appearance) => appearance.source));
  const measures = lines.flatMap(({ line }) => (line.quantities ?? []).map((quantity) => quantity.measure));
  const topics = lines.flatMap(({ line }) => line.topics ?? []);
  const relationTargets = lines.flatMap(({ line }) => (line.relations ?? []).map((relation) => relation.to));
  const ids = (items: Array<{ id?: string | null }>) => [...new Set(items.flatMap((item) => (item.id ? [item.id] : [])))];
  const query = async (sql: string, values: unknown[]) => (await client.query(sql, values)).rows as Array<{ id: string; key: string }>;
  // One query at a time: a pg client runs them in sequence anyway.
  const speakerIds = await query('SELECT id, id AS key FROM speaker WHERE id = ANY($1::uuid[])', [ids(speakers)]);
  const byWikidata = await query('SELECT id, wikidata_id AS key FROM speaker WHERE wikidata_id = ANY($1::text[])', [
    speakers.flatMap((speaker) => (speaker.wikidataId ? [speaker.wikidataId] : [])),
  ]);
  const byName = await query('SELECT speaker_id AS id, key FROM speaker_name_key WHERE key = ANY($1::text[])', [
    speakers.filter((speaker) => !speaker.id).map((speaker) => normalizeName(speaker.name)),
  ]);
  const sourceIds = await query('SELECT id, id AS key FROM source WHERE id = ANY($1::uuid[])', [ids(sources)]);
  const byUrl = await query('SELECT id, url AS key FROM source WHERE url = ANY($1::text[])', [sources.map((source) => normalizeUrl(source.url))]);
  const measureIds = await query('SELECT id, id AS key FROM measure WHERE id = ANY($1::uuid[])', [ids(measures)]);
  const measureSlugs = await query('SELECT id, slug AS key FROM measure WHERE slug = ANY($1::text[])', [measures.map((measure) => measure.slug)]);
  const topicIds = await query('SELECT id, id AS key FROM topic WHERE id = ANY($1::uuid[])', [ids(topics)]);
  const topicSlugs = await query('SELECT id, slug AS key FROM topic WHERE slug = ANY($1::text[])', [topics.map((topic) => topic.slug)]);
  const statementIds = await query('SELECT id, id AS key FROM statement WHERE id = ANY($1::uuid[])', [relationTargets]);
  const toMap = (rows: Array<{ id: string; key: string }>) => new Map(rows.map((row) => [row.key, row.id]));
  const toSet = (rows: Array<{ id: string }>) => new Set(rows.map((row) => row.id));
  return {
    speakerIds: toSet(speakerIds), speakerByWikidata: toMap(byWikidata), speakerByName: toMap(byName),
    sourceIds: toSet(sourceIds), sourceByUrl: toMap(byUrl),
    measureIds: toSet(measureIds), measureBySlug: toMap(measureSlugs),
    topicIds: toSet(topicIds), topicBySlug: toMap(topicSlugs),
    statementIds: toSet(statementIds),
  };
}

/** Rows of one table, by id; a row met twice in a batch (a speaker of many lines) is written once. */
class Rows {
  readonly byId = new Map<string, Row>();
  add(row: Row): string {
    if (!this.byId.has(row.id as string)) this.byId.set(row.id as string, row);
    return row.id as string;
  }
  get list(): Row[] {
    return [...this.byId.values()];
  }
}

/**
 * Writes the lines of one batch, table by table, one INSERT per table; rows already
 * stored are kept as they are. Ids are the line's own, else those of rows already stored
 * under the same natural key (URL, slug, Wikidata QID, name), else derived from the content.
 */
export async function writeBatch(client: PoolClient, lines: ParsedLine[], actor: string): Promise<{ counts: Counts; pending: PendingRelation[] }> {
  const known = await lookUp(client, lines);
  const rows = Object.fromEntries(Object.keys(TABLES).map((name) => [name, new Rows()])) as Record<keyof typeof TABLES, Rows>;
  const speakerNames = new Map<string, string[]>();

  const speakerId = (speaker: SpeakerLine, kind: string): string => {
    const key = normalizeName(speaker.name);
    const id =
      (speaker.id && known.speakerIds.has(speaker.id) ? speaker.id : undefined) ??
      (speaker.wikidataId ? known.speakerByWikidata.get(speaker.wikidataId) : undefined) ??
      speaker.id ??
      known.speakerByName.get(key) ??
      deterministicId('speaker', speaker.kind ?? kind, key);
    rows.speaker.add({
      id, kind: speaker.kind ?? kind, name: speaker.name.trim(), aliases: speaker.aliases ?? [], description: speaker.description ?? null, wikidata_id: speaker.wikidataId ?? null,
    });
    speakerNames.set(id, [speaker.name, ...(speaker.aliases ?? [])]);
    return id;
  };
  const byNaturalKey = (ids: Set<string>, byKey: Map<string, string>, id: string | null | undefined, key: string, kind: string) =>
    (id && ids.has(id) ? id : undefined) ?? byKey.get(key) ?? id ?? deterministicId(kind, key);

  const statementIds = new Set<string>();
  const relations: PendingRelation[] = [];
  for (const { number, line } of lines) {
    const speaker = speakerId(line.speaker, 'PERSON');
    for (const role of line.speaker.roles ?? []) {
      const organization = speakerId(role.organization, 'ORGANIZATION');
      rows.role.add({
        id: role.id ?? deterministicId('role', speaker, organization, role.title, role.startedOn ?? null),
        speaker_id: speaker, organization_id: organization, title: role.title, started_on: role.startedOn ?? null, ended_on: role.endedOn ?? null,
      });
    }
    let eventId: string | null = null;
    if (line.event) {
      const { event } = line;
      eventId = rows.event.add({
        id: event.id ?? deterministicId('event', event.kind ?? 'OTHER', event.title, dateOf(event.date), event.date.precision),
        kind: event.kind ?? 'OTHER', title: event.title, occurred_on: dateOf(event.date), occurred_precision: event.date.precision,
        place: event.place ?? null, country_code: event.countryCode ?? null, description: event.description ?? null,
      });
    }
    const statementId = rows.statement.add({
      id: line.id ?? deterministicId('statement', speaker, line.text, dateOf(line.stated), line.stated.precision),
      text: line.text, mode: line.mode, speaker_id: speaker, event_id: eventId, stated_on: dateOf(line.stated), stated_precision: line.stated.precision,
      language: line.language ?? null, status: line.status ?? 'UNVERIFIED',
    });
    statementIds.add(statementId);
    for (const appearance of line.appearances ?? []) {
      const { source } = appearance;
      const url = normalizeUrl(source.url);
      const sourceId = rows.source.add({
        id: byNaturalKey(known.sourceIds, known.sourceByUrl, source.id, url, 'source'),
        url, title: source.title, publisher: source.publisher ?? null,
        published_on: source.published ? dateOf(source.published) : null, published_precision: source.published?.precision ?? null, language: source.language ?? null,
      });
      rows.appearance.add({
        id: appearance.id ?? deterministicId('appearance', statementId, sourceId),
        statement_id: statementId, source_id: sourceId, excerpt: appearance.excerpt, start_offset: appearance.startOffset ?? null, end_offset: appearance.endOffset ?? null,
      });
    }
    for (const [index, quantity] of (line.quantities ?? []).entries()) {
      const { measure } = quantity;
      const measureId = byNaturalKey(known.measureIds, known.measureBySlug, measure.id, measure.slug, 'measure');
      if (!known.measureIds.has(measureId) && !known.measureBySlug.has(measure.slug)) {
        if (!measure.label || !measure.unit) throw new LineError(number, `measure "${measure.slug}" is not stored: give its label and unit to create it`);
        rows.measure.add({ id: measureId, slug: measure.slug, label: measure.label, unit: measure.unit, description: measure.description ?? null });
      }
      const position = quantity.position ?? index + 1;
      rows.quantity.add({
        id: quantity.id ?? deterministicId('quantity', statementId, position),
        statement_id: statementId, measure_id: measureId, position, value: quantity.value ?? null, lower: quantity.lower ?? null, upper: quantity.upper ?? null,
        approximate: quantity.approximate ?? false, unit: quantity.unit, period: quantity.period, span_length: quantity.spanLength ?? null,
        span_unit: quantity.spanUnit ?? null, kind: quantity.kind ?? 'ESTIMATE',
      });
    }
    for (const topic of line.topics ?? []) {
      const topicId = byNaturalKey(known.topicIds, known.topicBySlug, topic.id, topic.slug, 'topic');
      if (!known.topicIds.has(topicId) && !known.topicBySlug.has(topic.slug)) {
        if (!topic.label) throw new LineError(number, `topic "${topic.slug}" is not stored: give its label to create it`);
        rows.topic.add({ id: topicId, slug: topic.slug, label: topic.label, description: topic.description ?? null });
      }
      rows.statementTopic.byId.set(`${statementId}:${topicId}`, { statement_id: statementId, topic_id: topicId });
    }
    for (const relation of line.relations ?? []) {
      relations.push({
        line: number,
        row: { id: relation.id ?? deterministicId('relation', statementId, relation.to, relation.type), from_id: statementId, to_id: relation.to, type: relation.type, note: relation.note ?? null },
      });
    }
    for (const review of line.reviews ?? []) {
      const reviewer = speakerId(review.reviewer, 'ORGANIZATION');
      rows.review.add({
        id: review.id ?? deterministicId('review', statementId, reviewer, review.url ?? null, review.reviewedOn, review.ratingText),
        statement_id: statementId, reviewer_id: reviewer, rating_text: review.ratingText, rating_value: review.ratingValue ?? null,
        best_rating: review.bestRating ?? null, worst_rating: review.worstRating ?? null, summary: review.summary ?? null, url: review.url ?? null, reviewed_on: review.reviewedOn,
      });
    }
  }
  const pending: PendingRelation[] = [];
  for (const relation of relations) {
    const target = relation.row.to_id as string;
    if (statementIds.has(target) || known.statementIds.has(target)) rows.relation.add(relation.row);
    else pending.push(relation);
  }

  const counts: Counts = {};
  const write = async (name: keyof typeof TABLES) => {
    const created = await insertRows(client, TABLES[name] as ImportTable, rows[name].list, actor);
    counts[TABLES[name].table] = created.length;
    return created;
  };
  const createdSpeakers = await write('speaker');
  const nameKeys = new Map<string, Row>();
  for (const id of createdSpeakers) {
    for (const name of speakerNames.get(id) ?? []) {
      const key = normalizeName(name);
      if (key && !nameKeys.has(key)) nameKeys.set(key, { key, speaker_id: id });
    }
  }
  await insertRows(client, TABLES.speakerNameKey, [...nameKeys.values()], actor);
  for (const name of ['role', 'event', 'source', 'measure', 'topic'] as const) await write(name);
  // Appearances before their statements, whose search documents then hold the excerpts when
  // they are inserted, so that no statement row is written twice (migration 1764320000000).
  // Their statements are checked when the statements are in, still inside the batch.
  await client.query('SET CONSTRAINTS appearance_statement_id_fkey DEFERRED');
  await write('appearance');
  await write('statement');
  await client.query('SET CONSTRAINTS appearance_statement_id_fkey IMMEDIATE');
  for (const name of ['quantity', 'statementTopic', 'relation', 'review'] as const) await write(name);
  // Reported in the tables' usual order (statements before their appearances).
  const inTableOrder = Object.fromEntries(Object.values(TABLES).flatMap(({ table }) => (table in counts ? [[table, counts[table]]] : [])));
  return { counts: inTableOrder, pending };
}
