import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { findFreePort, startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createTestDatabase } from './support/test-database';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');
const SEED = path.join(ROOT, 'dist/src/cli/seed.js');

const COUNTS = /* GraphQL */ `query Counts { statements { totalCount } speakers(first: 100) { nodes { name } } }`;

/** The environment of a newcomer: no DATABASE_URL, so the embedded database is used. */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.TEST_ADMIN_DATABASE_URL;
  return env;
}

/** Runs `npm start`'s program until it says it is serving; returns its URL and a stop function. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function counts(url: string): Promise<{ statements: number; speakers: string[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: COUNTS }) });
  const { data } = (await response.json()) as any;
  return { statements: data.statements.totalCount, speakers: data.speakers.nodes.map((speaker: any) => speaker.name) };
}

describe('start-up on the embedded database', () => {
  let home: string;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-start-'));
    fs.chmodSync(home, 0o755);
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('migrates and seeds an empty database, and a restart keeps what was written', async () => {
    const dataDir = path.join(home, 'pg');
    const env = newcomerEnv({ EMBEDDED_PG_DIR: dataDir, PORT: String(await findFreePort()) });

    const first = await startServer(env);
    let seeded: Awaited<ReturnType<typeof counts>>;
    try {
      seeded = await counts(first.url);
    } finally {
      assert.equal(await first.stop(), 0);
    }
    assert.equal(seeded.statements, 8);
    assert.ok(seeded.speakers.includes('Mark Rutte'));

    // Write behind the server's back, so the second start cannot pass by seeding again.
    const embedded = await startEmbeddedPostgres(dataDir);
    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    await client.query("INSERT INTO speaker (kind, name) VALUES ('PERSON', 'Persisted Marker')");
    await client.end();
    await embedded.stop();

    const second = await startServer(env);
    let restarted: Awaited<ReturnType<typeof counts>>;
    try {
      restarted = await counts(second.url);
    } finally {
      assert.equal(await second.stop(), 0);
    }
    assert.equal(restarted.statements, 8, 'no second seed on a database that has statements');
    assert.ok(restarted.speakers.includes('Persisted Marker'));
    assert.equal(restarted.speakers.length, seeded.speakers.length + 1);
  });
});

describe('npm run seed', () => {
  it('loads the reference article once; a second run changes nothing', async () => {
    const database = await createTestDatabase();
    try {
      const tables = ['speaker', 'role', 'event', 'source', 'statement', 'appearance', 'quantity', 'measure', 'topic', 'statement_topic', 'statement_relation', 'review'];
      const snapshot = async () => {
        const rows: Array<Record<string, number>> = await database.dataSource.query(
          `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}`,
        );
        return rows[0];
      };
      const env = { ...process.env, DATABASE_URL: database.url };
      const run = () => promisify(execFile)(process.execPath, [SEED], { env });
      const firstRun = await run();
      assert.match(firstRun.stdout, /seed: added \d+ rows/);
      const afterFirst = await snapshot();
      assert.deepEqual(
        { speakers: afterFirst.speaker, statements: afterFirst.statement, quantities: afterFirst.quantity, relations: afterFirst.statement_relation, roles: afterFirst.role },
        { speakers: 6, statements: 8, quantities: 4, relations: 2, roles: 3 },
      );
      const secondRun = await run();
      assert.match(secondRun.stdout, /nothing added/);
      assert.deepEqual(await snapshot(), afterFirst);
    } finally {
      await database.drop();
    }
  });
});
