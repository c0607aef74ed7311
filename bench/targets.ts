import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../src/node-flags';
import { findFreePort } from '../src/db/embedded-postgres';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Connections in each server's pool: twice the cores, PostgreSQL's rule of thumb for a server
 * whose data is in memory. Here the load generator, the servers and PostgreSQL share the
 * cores: with 10 connections up to ten searches ran in PostgreSQL at once on two cores, each
 * slowed by the others, and the slowest request of a round waited longest; with 4 the rest
 * wait their turn in the server's queue, first come first served. On search, eight
 * alternating pairs of 4 s runs: p99 53-67 ms with 10, 38-51 ms with 4, at the same
 * throughput (bench/NOTES.md).
 */
export const POOL_SIZE = 2 * os.availableParallelism();

/** A server under test, running as its own process. */
export interface RunningTarget {
  name: string;
  url: string;
  pid: number;
  /** Peak resident memory of the process so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

interface TargetSpec {
  name: string;
  command: string[];
  cwd: string;
  env: Record<string, string>;
}

export function claimgraphTarget(databaseUrl: string): TargetSpec {
  return {
    name: 'Claimgraph',
    command: [process.execPath, ...SERVER_NODE_FLAGS, path.join(ROOT, 'dist/src/main.js')],
    cwd: ROOT,
    env: { DATABASE_URL: databaseUrl, NODE_ENV: 'production', SEED_ON_START: 'false', DB_POOL_SIZE: String(POOL_SIZE), HOST: '127.0.0.1' },
  };
}

/** The raw-SQL floor; with `extraCpuUs`, a model of a server spending that much more per request (raw-sql/server.ts). */
export function rawSqlTarget(databaseUrl: string, extraCpuUs = 0): TargetSpec {
  return {
    name: extraCpuUs ? `raw SQL + ${extraCpuUs} µs` : 'raw SQL',
    command: [process.execPath, path.join(ROOT, 'dist/bench/raw-sql/server.js')],
    cwd: ROOT,
    env: { DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(POOL_SIZE), ...(extraCpuUs ? { RAW_SQL_EXTRA_CPU_US: String(extraCpuUs) } : {}) },
  };
}

export function postgraphileTarget(databaseUrl: string): TargetSpec {
  const dir = path.join(ROOT, 'bench/postgraphile');
  return {
    name: 'PostGraphile',
    command: [process.execPath, '--import', './with-resolvers.mjs', 'server.mjs'],
    cwd: dir,
    env: { DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(POOL_SIZE), NODE_ENV: 'production' },
  };
}

function peakRss(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Starts a target and resolves once it prints "serving <url>". */
export async function startTarget(spec: TargetSpec): Promise<RunningTarget> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(spec.command[0], spec.command.slice(1), {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.name} did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        // From here on the output (a JSON log line per request) is drained unread: the
        // benchmark must not spend its CPU collecting it.
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited with ${code}:\n${output}`));
    });
  });
  let lastPeak = 0;
  return {
    name: spec.name,
    url,
    pid: child.pid!,
    peakRssMb: () => {
      const peak = peakRss(child.pid!);
      if (!Number.isNaN(peak)) lastPeak = peak;
      return lastPeak;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
