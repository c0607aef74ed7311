import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { withDatabase } from '../src/db/admin';
import { openBenchDatabase, startBenchServer } from './bench-database';
import { ensureDataset } from './generate-data';
import { checkOnce, combine, CONNECTIONS, cpuPerRequest, load, measure, P99_BOUND_MS, requestFor, type Measurement, type Request } from './load';
import { loadOperations } from './operations';
import { provenance } from './provenance';
import { claimgraphTarget, POOL_SIZE, rawSqlTarget, startTarget, type RunningTarget } from './targets';

/**
 * How one operation's p99 at 16 connections follows the server's CPU per request on this
 * machine: the raw-SQL floor as it is, the floor made to spend more CPU per request
 * (RAW_SQL_EXTRA_CPU_US), and Claimgraph, side by side on the benchmark's dataset, in rounds
 * of the benchmark's length whose order rotates. It answers what a server would have to spend
 * per request to keep every round under the bound; it writes bench/CPU-SENSITIVITY.md.
 *
 * Usage: npm run bench:cpu-sensitivity [-- --rounds 16 --operation search]
 */
const ROOT = path.resolve(__dirname, '../..');
const STATEMENTS = 200_000;
const EXTRA_CPU_US = [100, 200, 400];
const WARMUP_SECONDS = 12;
const RUN_SECONDS = 3;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const ROUNDS = Number(option('rounds', '16'));
const OPERATION = option('operation', 'search');
const log = (line: string) => console.log(`[cpu-sensitivity] ${line}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function row(target: RunningTarget, extraCpuUs: number | null, rounds: Measurement[]): string {
  const combined = combine(rounds)!;
  const p99s = [...combined.roundP99s].sort((a, b) => a - b);
  const over = p99s.filter((p99) => p99 >= P99_BOUND_MS).length;
  return `| ${target.name} | ${extraCpuUs ?? '—'} | ${cpuPerRequest(combined, 'serverCpuMs')} | ${median(rounds.map((round) => round.requestsPerSecond)).toFixed(0)} | ${median(p99s)} | ${combined.p99} | ${over} of ${rounds.length} | ${combined.errors} | ${p99s.join(', ')} |`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const server = await startBenchServer();
  const database = await openBenchDatabase(server, STATEMENTS);
  const databaseUrl = withDatabase(server.adminUrl, `claimgraph_bench_${STATEMENTS}`);
  const targets: Array<{ target: RunningTarget; extraCpuUs: number | null; request: Request }> = [];
  try {
    await ensureDataset(database, STATEMENTS, log);
    const operation = (await loadOperations(database.pool)).find((each) => each.file === OPERATION);
    if (!operation || operation.write) throw new Error(`no read operation ${OPERATION} in bench/operations`);
    const claimgraph = await startTarget(claimgraphTarget(databaseUrl));
    targets.push({ target: claimgraph, extraCpuUs: null, request: requestFor(claimgraph.name, operation, '')! });
    for (const extraCpuUs of [0, ...EXTRA_CPU_US]) {
      const target = await startTarget(rawSqlTarget(databaseUrl, extraCpuUs));
      targets.push({ target, extraCpuUs, request: requestFor('raw SQL', operation, '')! });
    }
    for (const { target, request } of targets) {
      await checkOnce(target.url, request, target.name);
      await load(target.url, request, WARMUP_SECONDS);
    }
    const rounds = targets.map(() => [] as Measurement[]);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let turn = 0; turn < targets.length; turn += 1) {
        const index = (turn + round) % targets.length;
        const { target, request } = targets[index];
        const measured = await measure(target, request, RUN_SECONDS);
        rounds[index].push(measured);
        log(`round ${round + 1} ${target.name}: ${measured.requestsPerSecond.toFixed(0)} req/s, p99 ${measured.p99} ms`);
      }
    }
    const lines = [
      `# ${OPERATION}'s p99 against the server's CPU per request`,
      '',
      ...provenance(`npm run bench:cpu-sensitivity -- --rounds ${ROUNDS} --operation ${OPERATION}`),
      `Dataset: ${STATEMENTS.toLocaleString('en')} statements; ${CONNECTIONS} connections; each server warmed up for ${WARMUP_SECONDS} s, then ${ROUNDS} round${ROUNDS > 1 ? 's' : ''} of ${RUN_SECONDS} s each, the servers taking turns in an order that rotates every round; each has a pool of ${POOL_SIZE} connections. Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      '',
      `The raw-SQL floor answers with one hand-written statement; "+ n µs" is the same floor made to spend n µs more CPU on each request (a busy loop before the response), standing for a server that does more work per request. p99s ≥ ${P99_BOUND_MS} ms miss the benchmark's bound.`,
      '',
      `| server | extra CPU per request (µs) | server CPU per request (ms) | req/s (median) | p99 median (ms) | p99 worst (ms) | rounds ≥ ${P99_BOUND_MS} ms | errors | every round's p99, sorted |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
      ...targets.map(({ target, extraCpuUs }, index) => row(target, extraCpuUs, rounds[index])),
      '',
    ];
    const file = path.join(ROOT, 'bench', 'CPU-SENSITIVITY.md');
    fs.writeFileSync(file, lines.join('\n'));
    log(`wrote ${path.relative(ROOT, file)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    for (const { target } of targets) await target.stop();
    await database.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
