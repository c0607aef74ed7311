import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded-postgres';

/**
 * `npm test`: gives the suite a PostgreSQL server, then runs every *.test.js under node --test.
 * With DATABASE_URL set, that server is used (each test file makes and drops its own
 * database on it); otherwise a throw-away embedded PostgreSQL is started for the run.
 */
function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.test.js') ? [file] : [];
  });
}

async function main(): Promise<number> {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres(path.join(dataDir, 'data'));
    adminUrl = embedded.adminUrl;
    console.log('# tests run on an embedded PostgreSQL');
  } else {
    console.log(`# tests run on DATABASE_URL (${new URL(adminUrl).host})`);
  }
  try {
    const files = testFiles(path.join(__dirname)).sort();
    const extra = process.argv.slice(2);
    const child = spawn(process.execPath, ['--require', 'reflect-metadata', '--test', '--test-concurrency=2', ...extra, ...files], {
      stdio: 'inherit',
      env: { ...process.env, TEST_ADMIN_DATABASE_URL: adminUrl },
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
    return await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  } finally {
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
