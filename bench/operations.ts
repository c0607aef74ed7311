import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { encodeGlobalId } from '../src/graphql/global-id';

const ROOT = path.resolve(__dirname, '../..');

export interface Operation {
  /** File name under bench/operations (and bench/postgraphile/operations when PostGraphile can express it). */
  file: string;
  operationName: string;
  /** Object levels below the root that load rows; the target is statements <= depth + 1. */
  depth: number;
  claimgraph: string;
  postgraphile: string | null;
  /** Variables for Claimgraph (global ids) and for PostGraphile and the raw floor (uuids). */
  variables: { claimgraph: Record<string, string>; raw: Record<string, string> };
  /** A write: Claimgraph needs an EDITOR key for it, and its rows are removed after the run (removeWrites). */
  write: boolean;
}

/** What every benchmark write records, so that its rows can be found and removed. */
export const WRITE_TEXT = 'Bench write: about 1,200 recruits a month, the ministry said.';
export const WRITE_ACTORS = ['bench-writer', 'bench-raw'];

/** Removes what the write operations recorded (revisions, then statements with their appearances and figures). */
export async function removeWrites(pool: Pool): Promise<number> {
  await pool.query('DELETE FROM revision WHERE actor = ANY($1)', [WRITE_ACTORS]);
  await pool.query('DELETE FROM api_key WHERE name = ANY($1)', [WRITE_ACTORS]);
  const { rowCount } = await pool.query('DELETE FROM statement WHERE text = $1', [WRITE_TEXT]);
  return rowCount ?? 0;
}

/** Ids the operations ask about, picked from the dataset: the most quoted speaker and so on. */
async function pickSubjects(pool: Pool) {
  const one = async (sql: string) => (await pool.query(sql)).rows[0].id as string;
  return {
    speaker: await one('SELECT speaker_id AS id FROM statement GROUP BY speaker_id ORDER BY count(*) DESC, speaker_id LIMIT 1'),
    statement: await one(`SELECT a.statement_id AS id FROM appearance a GROUP BY a.statement_id HAVING count(*) = 2 ORDER BY a.statement_id LIMIT 1`),
    measure: await one('SELECT m.slug AS id FROM quantity q JOIN measure m ON m.id = q.measure_id GROUP BY m.slug ORDER BY count(*) DESC, m.slug LIMIT 1'),
    organization: await one("SELECT organization_id AS id FROM role GROUP BY organization_id ORDER BY count(*) DESC, organization_id LIMIT 1"),
    // The write's speaker, source and measure: ones no read asks about (the least quoted, the least carried, the least counted).
    quietSpeaker: await one("SELECT s.name AS id FROM speaker s LEFT JOIN statement t ON t.speaker_id = s.id WHERE s.kind = 'PERSON' GROUP BY s.id ORDER BY count(t.id), s.id LIMIT 1"),
    quietSource: await one('SELECT s.url AS id FROM source s LEFT JOIN appearance a ON a.source_id = s.id GROUP BY s.id ORDER BY count(a.id), s.id LIMIT 1'),
    quietMeasure: await one('SELECT m.slug AS id FROM measure m LEFT JOIN quantity q ON q.measure_id = m.id GROUP BY m.id ORDER BY count(q.id), m.id LIMIT 1'),
  };
}

const read = (...parts: string[]) => fs.readFileSync(path.join(ROOT, 'bench', ...parts), 'utf8');
const readOptional = (...parts: string[]) => {
  const file = path.join(ROOT, 'bench', ...parts);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
};

/** The canonical operations, with variables bound to the dataset in `pool`. */
export async function loadOperations(pool: Pool): Promise<Operation[]> {
  const subject = await pickSubjects(pool);
  const specs: Array<[string, string, number, Record<string, [string, string]>]> = [
    ['q1-speaker-event-cospeakers', 'Q1SpeakerEventCospeakers', 5, { speaker: ['Speaker', subject.speaker] }],
    ['q2-statement-source-statements', 'Q2StatementSourceStatements', 5, { statement: ['Statement', subject.statement] }],
    ['q3-measure-figures-roles', 'Q3MeasureFiguresRoles', 5, { measure: ['', subject.measure] }],
    ['q4-relations-reviews', 'Q4RelationsReviews', 6, { speaker: ['Speaker', subject.speaker] }],
    ['q5-filtered-list', 'Q5FilteredList', 2, { speaker: ['Speaker', subject.speaker] }],
    ['node-lookup', 'NodeLookup', 1, { id: ['Statement', subject.statement] }],
    ['range-filter', 'RangeFilter', 3, { organization: ['Speaker', subject.organization] }],
    ['search', 'Search', 2, { query: ['', 'ceasefire talks'] }],
    ['compare-figures', 'CompareFigures', 4, { measure: ['', subject.measure] }],
    // Last, so that the reads are measured before its rows are written (they are removed after the run).
    ['record-statement', 'RecordStatement', 2, { speaker: ['', subject.quietSpeaker], source: ['', subject.quietSource], measure: ['', subject.quietMeasure] }],
  ];
  return specs.map(([file, operationName, depth, variables]) => {
    const claimgraph = read('operations', `${file}.graphql`);
    return {
      file,
      operationName,
      depth,
      claimgraph,
      postgraphile: readOptional('postgraphile', 'operations', `${file}.graphql`),
      variables: {
        claimgraph: Object.fromEntries(Object.entries(variables).map(([name, [type, id]]) => [name, type ? encodeGlobalId(type, id) : id])),
        raw: Object.fromEntries(Object.entries(variables).map(([name, [, id]]) => [name, id])),
      },
      write: /^mutation\b/m.test(claimgraph),
    };
  });
}
