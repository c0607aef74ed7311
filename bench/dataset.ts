import type { Pool, PoolClient } from 'pg';
import { Random, Zipf } from './random';

/** Bumped whenever the generator changes, so old datasets are rebuilt. */
export const GENERATOR_VERSION = 3;

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = Math.floor((Date.UTC(2026, 5, 30) - FIRST_DAY) / DAY_MS);

export const benchId = (group: number, n: number): string =>
  `b0000000-0000-4000-8${String(group).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A date and precision, the date snapped to the start of its span as the schema requires. */
function partialDate(random: Random): [string, string] {
  const ms = FIRST_DAY + random.int(DAYS) * DAY_MS;
  const roll = random.next();
  if (roll < 0.9) return [iso(ms), 'DAY'];
  const date = new Date(ms);
  if (roll < 0.95) return [iso(ms - ((date.getUTCDay() + 6) % 7) * DAY_MS), 'WEEK'];
  return [iso(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)), 'MONTH'];
}

const WORDS = ['losses', 'troops', 'offensive', 'ceasefire', 'sanctions', 'budget', 'exports', 'inflation', 'casualties', 'drones', 'front', 'recruitment', 'aid', 'missiles', 'refugees', 'energy', 'grain', 'talks', 'border', 'reserves'];
const PLACES: Array<[string, string]> = [['Brussels', 'BE'], ['Kyiv', 'UA'], ['Washington', 'US'], ['Berlin', 'DE'], ['Paris', 'FR'], ['London', 'GB'], ['Warsaw', 'PL'], ['Geneva', 'CH'], ['Moscow', 'RU'], ['Ankara', 'TR']];
const EVENT_KINDS = ['PRESS_BRIEFING', 'SPEECH', 'INTERVIEW', 'PRESS_RELEASE', 'REPORT', 'MEETING', 'SOCIAL_MEDIA_POST', 'OTHER'];
const STATUSES = ['UNVERIFIED', 'UNVERIFIABLE', 'DISPUTED', 'CORROBORATED', 'CONFIRMED', 'RETRACTED'];
const STATUS_WEIGHTS = [60, 8, 12, 10, 8, 2];
const RELATION_TYPES = ['CONTRADICTS', 'SUPPORTS', 'COMPARES_WITH', 'REVISES', 'RESPONDS_TO'];
const PERIODS = ['DAY', 'WEEK', 'MONTH', 'YEAR', 'TOTAL'];
const PERIOD_WEIGHTS = [15, 10, 45, 20, 10];
const KINDS = ['ESTIMATE', 'TARGET', 'HISTORICAL', 'PROJECTION'];
const KIND_WEIGHTS = [70, 10, 12, 8];

function sentence(random: Random, n: number): string {
  const words = Array.from({ length: 8 + random.int(10) }, () => random.pick(WORDS));
  return `${words.join(' ')} (${n}).`;
}

interface Column {
  name: string;
  type: string;
  values: unknown[];
}

const BATCH = 10_000;

/** Inserts rows `start` to `end` of columns of equal length as one multi-row INSERT ... SELECT FROM unnest(...). */
async function insertSlice(client: Pool | PoolClient, table: string, columns: Column[], start: number, end: number): Promise<void> {
  await client.query(
    `INSERT INTO ${table} (${columns.map((column) => column.name).join(', ')})
     SELECT * FROM unnest(${columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')})`,
    columns.map((column) => column.values.slice(start, end)),
  );
}

/** Writes columns of equal length in batches. */
async function insertColumns(pool: Pool, table: string, columns: Column[]): Promise<number> {
  const rows = columns[0].values.length;
  for (let start = 0; start < rows; start += BATCH) await insertSlice(pool, table, columns, start, start + BATCH);
  return rows;
}

/**
 * Writes statements with their appearances as the service and the importer do: each batch's
 * appearances first, then its statements, whose search documents then hold the excerpts when
 * they are inserted, so that no statement row is written twice (migration 1764320000000). The
 * appearances' check of their statements waits for the statements, inside the batch's
 * transaction. Until generator version 3 the appearances came after all statements and their
 * trigger rewrote each statement they reported: 174 MB of heap for 94 MB of live rows.
 * `owners` holds each appearance's statement number, ascending.
 */
async function insertStatementsWithAppearances(pool: Pool, statements: Column[], appearances: Column[], owners: number[]): Promise<void> {
  const client = await pool.connect();
  try {
    let from = 0;
    for (let start = 0; start < statements[0].values.length; start += BATCH) {
      let to = from;
      while (to < owners.length && owners[to] < start + BATCH) to += 1;
      await client.query('BEGIN');
      await client.query('SET CONSTRAINTS appearance_statement_id_fkey DEFERRED');
      await insertSlice(client, 'appearance', appearances, from, to);
      await insertSlice(client, 'statement', statements, start, start + BATCH);
      await client.query('COMMIT');
      from = to;
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Sizes of each table for a dataset of `statements` statements (200,000 gives the issue's shape). */
export function datasetSizes(statements: number) {
  const scale = statements / 200_000;
  const at = (count: number, minimum: number) => Math.max(minimum, Math.round(count * scale));
  return {
    statements,
    organizations: at(500, 25),
    persons: at(9_500, 100),
    events: at(20_000, 100),
    sources: at(50_000, 100),
    measures: at(500, 10),
    topics: at(200, 10),
  };
}

/**
 * Fills an empty, migrated database with a deterministic dataset shaped like news: about
 * 10,000 speakers with roles, 20,000 events, 300,000 figures over 500 measures, 50,000
 * sources with appearances, relations and fact-checks per 200,000 statements, speakers and
 * measures drawn from a Zipf law. Returns rows written per table.
 */
export async function generateDataset(pool: Pool, statements: number): Promise<Record<string, number>> {
  const random = new Random(20260116);
  const size = datasetSizes(statements);
  const written: Record<string, number> = {};
  const speakerCount = size.organizations + size.persons;
  const organizationId = (n: number) => benchId(1, n);
  const personId = (n: number) => benchId(1, size.organizations + n);

  written.speaker = await insertColumns(pool, 'speaker', [
    { name: 'id', type: 'uuid', values: Array.from({ length: speakerCount }, (_, n) => benchId(1, n)) },
    { name: 'kind', type: 'text', values: Array.from({ length: speakerCount }, (_, n) => (n < size.organizations ? 'ORGANIZATION' : 'PERSON')) },
    { name: 'name', type: 'text', values: Array.from({ length: speakerCount }, (_, n) => (n < size.organizations ? `Organization ${n}` : `Person ${n - size.organizations}`)) },
  ]);
  // unnest() flattens arrays of arrays, so aliases are set in one statement afterwards.
  await pool.query("UPDATE speaker SET aliases = ARRAY['Alias ' || name]");
  // The name keys recordStatement matches on; these names are plain ASCII, so lower() is the API's fold.
  await pool.query('INSERT INTO speaker_name_key (key, speaker_id) SELECT lower(n), s.id FROM speaker s, unnest(array_prepend(s.name, s.aliases)) n');

  const organizationZipf = new Zipf(size.organizations, 1.0);
  const roles: Column[] = ['id:uuid', 'speaker_id:uuid', 'organization_id:uuid', 'title:text', 'started_on:date', 'ended_on:date'].map((spec) => {
    const [name, type] = spec.split(':');
    return { name, type, values: [] };
  });
  let roleCount = 0;
  const addRole = (speaker: string, started: string, ended: string | null) => {
    const values = [benchId(2, roleCount++), speaker, organizationId(organizationZipf.draw(random)), random.pick(['Minister', 'Spokesperson', 'Director', 'Commander', 'Adviser']), started, ended];
    values.forEach((value, index) => roles[index].values.push(value));
  };
  for (let n = 0; n < size.persons; n += 1) {
    const start = FIRST_DAY - random.int(3000) * DAY_MS;
    if (random.chance(0.4)) {
      const switchDay = FIRST_DAY + random.int(DAYS) * DAY_MS;
      addRole(personId(n), iso(start), iso(switchDay - DAY_MS));
      addRole(personId(n), iso(switchDay), null);
    } else {
      addRole(personId(n), iso(start), null);
    }
  }
  written.role = await insertColumns(pool, 'role', roles);

  const events = Array.from({ length: size.events }, () => partialDate(random));
  written.event = await insertColumns(pool, 'event', [
    { name: 'id', type: 'uuid', values: events.map((_, n) => benchId(3, n)) },
    { name: 'kind', type: 'text', values: events.map(() => random.pick(EVENT_KINDS)) },
    { name: 'title', type: 'text', values: events.map((_, n) => `Event ${n}`) },
    { name: 'occurred_on', type: 'date', values: events.map(([date]) => date) },
    { name: 'occurred_precision', type: 'text', values: events.map(([, precision]) => precision) },
    { name: 'place', type: 'text', values: events.map((_, n) => PLACES[n % PLACES.length][0]) },
    { name: 'country_code', type: 'text', values: events.map((_, n) => PLACES[n % PLACES.length][1]) },
  ]);

  written.source = await insertColumns(pool, 'source', [
    { name: 'id', type: 'uuid', values: Array.from({ length: size.sources }, (_, n) => benchId(4, n)) },
    { name: 'url', type: 'text', values: Array.from({ length: size.sources }, (_, n) => `https://news${n % 50}.example/story/${n}`) },
    { name: 'title', type: 'text', values: Array.from({ length: size.sources }, (_, n) => `Story ${n}`) },
    { name: 'publisher', type: 'text', values: Array.from({ length: size.sources }, (_, n) => `Publisher ${n % 50}`) },
    { name: 'published_on', type: 'date', values: Array.from({ length: size.sources }, () => iso(FIRST_DAY + random.int(DAYS) * DAY_MS)) },
    { name: 'published_precision', type: 'text', values: Array.from({ length: size.sources }, () => 'DAY') },
    { name: 'language', type: 'text', values: Array.from({ length: size.sources }, () => random.pick(['en', 'en', 'uk', 'fr', 'de'])) },
  ]);

  written.measure = await insertColumns(pool, 'measure', [
    { name: 'id', type: 'uuid', values: Array.from({ length: size.measures }, (_, n) => benchId(5, n)) },
    { name: 'slug', type: 'text', values: Array.from({ length: size.measures }, (_, n) => `measure-${n}`) },
    { name: 'label', type: 'text', values: Array.from({ length: size.measures }, (_, n) => `Measure ${n}`) },
    { name: 'unit', type: 'text', values: Array.from({ length: size.measures }, () => 'units') },
  ]);
  written.topic = await insertColumns(pool, 'topic', [
    { name: 'id', type: 'uuid', values: Array.from({ length: size.topics }, (_, n) => benchId(7, n)) },
    { name: 'slug', type: 'text', values: Array.from({ length: size.topics }, (_, n) => `topic-${n}`) },
    { name: 'label', type: 'text', values: Array.from({ length: size.topics }, (_, n) => `Topic ${n}`) },
  ]);

  const speakerZipf = new Zipf(size.persons, 1.07);
  const statementSpeaker: string[] = [];
  const statementEvent: Array<string | null> = [];
  const statementDate: string[] = [];
  const statementPrecision: string[] = [];
  for (let n = 0; n < statements; n += 1) {
    statementSpeaker.push(personId(speakerZipf.draw(random)));
    if (random.chance(0.85)) {
      const event = random.int(size.events);
      statementEvent.push(benchId(3, event));
      statementDate.push(events[event][0]);
      statementPrecision.push(events[event][1]);
    } else {
      const [date, precision] = partialDate(random);
      statementEvent.push(null);
      statementDate.push(date);
      statementPrecision.push(precision);
    }
  }
  const statementId = (n: number) => benchId(6, n);
  const statementColumns: Column[] = [
    { name: 'id', type: 'uuid', values: statementSpeaker.map((_, n) => statementId(n)) },
    { name: 'text', type: 'text', values: statementSpeaker.map((_, n) => sentence(random, n)) },
    { name: 'mode', type: 'text', values: statementSpeaker.map(() => (random.chance(0.3) ? 'DIRECT_QUOTE' : 'PARAPHRASE')) },
    { name: 'speaker_id', type: 'uuid', values: statementSpeaker },
    { name: 'event_id', type: 'uuid', values: statementEvent },
    { name: 'stated_on', type: 'date', values: statementDate },
    { name: 'stated_precision', type: 'text', values: statementPrecision },
    { name: 'language', type: 'text', values: statementSpeaker.map(() => 'en') },
    { name: 'status', type: 'text', values: statementSpeaker.map(() => STATUSES[random.weighted(STATUS_WEIGHTS)]) },
  ];

  const appearance: Column[] = ['statement_id:uuid', 'source_id:uuid', 'excerpt:text'].map((spec) => ({ name: spec.split(':')[0], type: spec.split(':')[1], values: [] }));
  const appearanceOwners: number[] = [];
  const sourceZipf = new Zipf(size.sources, 0.6);
  for (let n = 0; n < statements; n += 1) {
    const first = sourceZipf.draw(random);
    const sources = random.chance(0.3) ? [first, (first + 1 + random.int(size.sources - 1)) % size.sources] : [first];
    for (const source of sources) {
      appearanceOwners.push(n);
      appearance[0].values.push(statementId(n));
      appearance[1].values.push(benchId(4, source));
      appearance[2].values.push(`Excerpt of statement ${n} as printed.`);
    }
  }
  await insertStatementsWithAppearances(pool, statementColumns, appearance, appearanceOwners);
  written.statement = statements;
  written.appearance = appearanceOwners.length;

  const topics: Column[] = ['statement_id:uuid', 'topic_id:uuid'].map((spec) => ({ name: spec.split(':')[0], type: spec.split(':')[1], values: [] }));
  for (let n = 0; n < statements; n += 1) {
    const first = random.int(size.topics);
    const count = 1 + random.int(3);
    for (let k = 0; k < count; k += 1) {
      topics[0].values.push(statementId(n));
      topics[1].values.push(benchId(7, (first + k) % size.topics));
    }
  }
  written.statement_topic = await insertColumns(pool, 'statement_topic', topics);

  const quantity: Column[] = ['statement_id:uuid', 'measure_id:uuid', 'position:integer', 'value:numeric', 'lower:numeric', 'upper:numeric', 'approximate:boolean', 'unit:text', 'period:text', 'span_length:numeric', 'span_unit:text', 'kind:text'].map(
    (spec) => ({ name: spec.split(':')[0], type: spec.split(':')[1], values: [] }),
  );
  const measureZipf = new Zipf(size.measures, 1.0);
  for (let n = 0; n < statements; n += 1) {
    const count = random.weighted([20, 35, 25, 12, 8]);
    for (let position = 1; position <= count; position += 1) {
      const magnitude = Math.round(Math.exp(3 + random.next() * 8));
      const range = random.chance(0.3);
      const period = PERIODS[random.weighted(PERIOD_WEIGHTS)];
      const values = [
        statementId(n), benchId(5, measureZipf.draw(random)), position,
        range ? null : magnitude, range ? magnitude : null, range ? Math.round(magnitude * 1.25) : null,
        random.chance(0.5), 'units', period,
        period === 'TOTAL' ? 1 + random.int(10) : null, period === 'TOTAL' ? 'YEAR' : null,
        KINDS[random.weighted(KIND_WEIGHTS)],
      ];
      values.forEach((value, index) => quantity[index].values.push(value));
    }
  }
  written.quantity = await insertColumns(pool, 'quantity', quantity);

  const relation: Column[] = ['from_id:uuid', 'to_id:uuid', 'type:text', 'note:text'].map((spec) => ({ name: spec.split(':')[0], type: spec.split(':')[1], values: [] }));
  const seen = new Set<string>();
  for (let k = 0; k < Math.round(statements * 0.1); k += 1) {
    const from = random.int(statements);
    const to = (from + 1 + random.int(Math.min(1000, statements - 1))) % statements;
    const type = random.pick(RELATION_TYPES);
    const key = `${from}/${to}/${type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    [statementId(from), statementId(to), type, 'Generated relation.'].forEach((value, index) => relation[index].values.push(value));
  }
  written.statement_relation = await insertColumns(pool, 'statement_relation', relation);

  const reviews = Math.round(statements * 0.05);
  const reviewed = Array.from({ length: reviews }, () => random.int(statements));
  written.review = await insertColumns(pool, 'review', [
    { name: 'statement_id', type: 'uuid', values: reviewed.map(statementId) },
    { name: 'reviewer_id', type: 'uuid', values: reviewed.map(() => organizationId(random.int(Math.min(20, size.organizations)))) },
    { name: 'rating_text', type: 'text', values: reviewed.map(() => random.pick(['False', 'Misleading', 'Mostly true', 'True', 'Unproven'])) },
    { name: 'rating_value', type: 'numeric', values: reviewed.map(() => 1 + random.int(5)) },
    { name: 'best_rating', type: 'numeric', values: reviewed.map(() => 5) },
    { name: 'worst_rating', type: 'numeric', values: reviewed.map(() => 1) },
    { name: 'reviewed_on', type: 'date', values: reviewed.map(() => iso(FIRST_DAY + random.int(DAYS) * DAY_MS)) },
  ]);
  // VACUUM sets the visibility map, so counts can be answered from indexes alone.
  await pool.query('VACUUM ANALYZE');
  return written;
}
