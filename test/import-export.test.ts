import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportStatementLines } from '../src/interchange/statement-export';
import { importStatementLines, type ImportReport } from '../src/interchange/statement-import';
import { seedReferenceArticle } from '../src/seed/seed';
import { SEED_IDS } from '../src/seed/seed-data';
import { loadFixture } from './support/fixture';
import { withStatementRewrites } from './support/statement-rewrites';
import { tableCounts } from './support/table-counts';
import { createTestDatabase } from './support/test-database';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

async function exportAll(database: TestDatabase): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportStatementLines(database.pool)) lines.push(line);
  return lines;
}

async function* iterate(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

const importAll = (database: TestDatabase, lines: string[], atomic = false): Promise<ImportReport> =>
  importStatementLines(database.pool, iterate(lines), { atomic, actor: 'import:test', batchSize: 40 });

/** A line in the import format without ids, as another tool would write it. */
const claim = (text: string, overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    text, mode: 'PARAPHRASE', stated: { date: '2026-02-10', precision: 'DAY' },
    speaker: { name: 'Mark Rutte' },
    appearances: [{ excerpt: text, source: { url: 'https://wire.example/rutte-feb', title: 'Rutte in February' } }],
    quantities: [{ value: 30000, unit: 'soldiers killed', period: 'MONTH', measure: { slug: 'russian-military-deaths' } }],
    ...overrides,
  });

describe('JSON Lines import and export', () => {
  let source: TestDatabase;
  let copy: TestDatabase;
  let exported: string[];
  before(async () => {
    source = await createTestDatabase();
    copy = await createTestDatabase();
    await seedReferenceArticle(source.dataSource);
    await loadFixture(source, 120);
    exported = await exportAll(source);
  });
  after(async () => {
    await source.drop();
    await copy.drop();
  });

  it('exports every statement with everything around it, one per line, in id order', async () => {
    assert.equal(exported.length, 128);
    const parsed = exported.map((line) => JSON.parse(line));
    assert.deepEqual(parsed.map((line) => line.id), [...parsed.map((line) => line.id)].sort());
    const rutte = parsed.find((line) => line.id === SEED_IDS.statement(5));
    assert.equal(rutte.speaker.roles[0].organization.name, 'NATO');
    assert.deepEqual(rutte.quantities[0].measure.slug, 'russian-military-deaths');
    assert.equal(rutte.appearances[0].source.url, 'https://claimgraph.example/reference/russian-losses-per-month');
    assert.equal(parsed.filter((line) => line.reviews.length > 0).length, 60, 'the fixture reviews every even statement');
    assert.equal(parsed.filter((line) => line.relations.length > 0).length, 62, 'and relates each odd one to the next, beside the seed relations');
  });

  it('imports the export into an empty database and exports the very same lines', async () => {
    const report = await importAll(copy, exported);
    assert.deepEqual(report.bad, []);
    assert.equal(report.created.statement, 128);
    assert.deepEqual(await exportAll(copy), exported);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await tableCounts(copy);
    const report = await importAll(copy, exported);
    assert.ok(Object.values(report.created).every((count) => count === 0), JSON.stringify(report.created));
    assert.deepEqual(await tableCounts(copy), before);
  });

  it('reports bad lines by number and reason and keeps the good ones', async () => {
    const before = await tableCounts(copy);
    const lines = [
      claim('Rutte now puts Russian losses at 30,000 a month.'),
      '{"text": "unterminated',
      JSON.stringify({ text: 'No speaker', mode: 'PARAPHRASE', stated: { date: '2026-02-10', precision: 'DAY' } }),
      claim('A range upside down.', { quantities: [{ lower: 9, upper: 3, unit: 'soldiers killed', period: 'MONTH', measure: { slug: 'russian-military-deaths' } }] }),
      claim('A figure on a measure nobody defined.', { quantities: [{ value: 3, unit: 'tanks', period: 'MONTH', measure: { slug: 'tanks-lost' } }] }),
      '',
      claim('Rutte adds that Russia cannot keep this up.', { stated: { date: '2026-02-10', precision: 'DAY' }, speaker: { name: 'Mark Rutte', nickname: 'x' } }),
      claim('Rutte adds that Russia cannot keep this up for long.'),
    ];
    const report = await importAll(copy, lines);
    assert.deepEqual(report.bad.map((bad) => bad.line), [2, 3, 4, 5, 7]);
    const reasons = Object.fromEntries(report.bad.map((bad) => [bad.line, bad.reason]));
    assert.match(reasons[2], /^not JSON/);
    assert.match(reasons[3], /missing "speaker"/);
    assert.match(reasons[4], /quantity_check|violates check constraint/);
    assert.match(reasons[5], /measure "tanks-lost" is not stored: give its label and unit/);
    assert.match(reasons[7], /\/speaker: unknown property "nickname"/);
    assert.equal(report.created.statement, 2);
    assert.equal(report.lines, 7, 'blank lines are not counted');
    const after = await tableCounts(copy);
    assert.equal(after.statement, before.statement + 2);
    assert.equal(after.speaker, before.speaker, 'Mark Rutte, named without an id, is the stored speaker');
    assert.equal(after.source, before.source + 1, 'both lines share one source, found by its URL');
  });

  it('finds the rows of lines without ids again on a second import', async () => {
    const before = await tableCounts(copy);
    const report = await importAll(copy, [claim('Rutte now puts Russian losses at 30,000 a month.'), claim('Rutte adds that Russia cannot keep this up for long.')]);
    assert.equal(report.created.statement, 0);
    assert.deepEqual(await tableCounts(copy), before);
  });

  it('writes an imported statement once, its excerpts in its search document, and adds a later excerpt to a stored one', async () => {
    const id = '00000000-0000-4000-8999-0000000000a1';
    const line = (excerpt: string, url: string) =>
      JSON.stringify({ ...JSON.parse(claim('Imported with its excerpt.')), id, appearances: [{ excerpt, source: { url, title: 'Dispatch' } }] });
    await withStatementRewrites(copy.pool, async (rewrites) => {
      const state = async () => {
        const { rows } = await copy.pool.query(
          `SELECT s.search_document = claimgraph_statement_document(s.id, s.text, s.language) AS current,
             s.search_document @@ to_tsquery('english', 'okapi') AS okapi, s.search_document @@ to_tsquery('english', 'narwhal') AS narwhal
           FROM statement s WHERE s.id = $1`,
          [id],
        );
        return { rewrites: await rewrites(id), ...rows[0] };
      };
      const first = await importAll(copy, [line('as the okapi dispatch put it', 'https://wire.example/okapi')]);
      assert.deepEqual([first.created.statement, first.created.appearance, first.bad], [1, 1, []]);
      const reported = Object.keys(first.created);
      assert.ok(reported.indexOf('statement') < reported.indexOf('appearance'), `reported in the tables' order: ${reported.join(', ')}`);
      assert.deepEqual(await state(), { rewrites: 0, current: true, okapi: true, narwhal: false });
      // The same statement again, with an excerpt from another source: the stored row gets it.
      const second = await importAll(copy, [line('as the narwhal dispatch put it', 'https://wire.example/narwhal')]);
      assert.deepEqual([second.created.statement ?? 0, second.created.appearance], [0, 1]);
      assert.deepEqual(await state(), { rewrites: 1, current: true, okapi: true, narwhal: true });
    });
  });

  it('links relations to statements later in the file, and reports those to statements nowhere', async () => {
    const later = '00000000-0000-4000-8999-000000000002';
    const lines = [
      JSON.stringify({ ...JSON.parse(claim('First of a pair.')), id: '00000000-0000-4000-8999-000000000001', relations: [{ to: later, type: 'SUPPORTS', note: 'forward' }] }),
      JSON.stringify({ ...JSON.parse(claim('Points at nothing.')), relations: [{ to: '00000000-0000-4000-8999-00000000dead', type: 'CONTRADICTS' }] }),
      JSON.stringify({ ...JSON.parse(claim('Second of a pair.')), id: later }),
    ];
    const report = await importAll(copy, lines);
    assert.deepEqual(report.bad.map((bad) => [bad.line, /neither stored nor in the file/.test(bad.reason)]), [[2, true]]);
    assert.equal(report.created.statement_relation, 1);
    const [row] = await copy.dataSource.query('SELECT note FROM statement_relation WHERE to_id = $1', [later]);
    assert.equal(row.note, 'forward');
  });

  it('leaves nothing behind with --atomic when a line is bad, and reports it through the CLI', async () => {
    const before = await tableCounts(copy);
    const file = path.join(tmpdir(), `claimgraph-atomic-${process.pid}.jsonl`);
    writeFileSync(file, [claim('Atomic one.'), claim('Atomic two.'), '{ broken'].join('\n'));
    const result = spawnSync(process.execPath, [path.join(__dirname, '../src/cli/import.js'), file, '--atomic'], {
      env: { ...process.env, DATABASE_URL: copy.url }, encoding: 'utf8',
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^line 3: not JSON/m);
    assert.match(result.stdout, /3 lines, 1 bad; --atomic: nothing was imported/);
    assert.deepEqual(await tableCounts(copy), before);
  });
});
