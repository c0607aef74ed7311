import autocannon from 'autocannon';
import { postgresCpuMs, postgresSpent, processCpuMs, spent } from './cpu-time';
import type { Operation } from './operations';
import type { RunningTarget } from './targets';

/** Concurrent connections of every load: the benchmark's targets are stated at 16. */
export const CONNECTIONS = 16;

/** The benchmark's latency bound: every read's p99 at CONNECTIONS connections stays under it. */
export const P99_BOUND_MS = 50;

/** One server's figures for one operation: a round of load, or several combined. */
export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Each round's p99, in order (one, for a single round). */
  roundP99s: number[];
  errors: number;
  requests: number;
  /** CPU the server and PostgreSQL spent during the measured rounds, in ms (null when unreadable). */
  serverCpuMs: number | null;
  postgresCpuMs: number | null;
}

/** An operation's request to one server: its body and headers, or null when the server cannot express it. */
export interface Request {
  body: string;
  headers: Record<string, string>;
}

function bodyFor(target: string, operation: Operation): string | null {
  if (target === 'PostGraphile') {
    return operation.postgraphile && JSON.stringify({ query: operation.postgraphile, operationName: operation.operationName, variables: operation.variables.raw });
  }
  if (target === 'raw SQL') return JSON.stringify({ operationName: operation.operationName, variables: operation.variables.raw });
  return JSON.stringify({ query: operation.claimgraph, operationName: operation.operationName, variables: operation.variables.claimgraph });
}

/** The request for each operation on one server; Claimgraph's writes carry an EDITOR key. */
export function requestFor(target: string, operation: Operation, editorKey: string): Request | null {
  const body = bodyFor(target, operation);
  if (body === null) return null;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target === 'Claimgraph' && operation.write) headers.authorization = `Bearer ${editorKey}`;
  return { body, headers };
}

/** One request, checked: a response with GraphQL errors or no data fails the benchmark. */
export async function checkOnce(url: string, { body, headers }: Request, label: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const result = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || result.errors || !result.data) throw new Error(`${label} answered ${response.status}: ${JSON.stringify(result).slice(0, 500)}`);
}

/**
 * One run of load. The load generator runs in a worker thread of its own: in this process, which
 * also holds the app's modules, its responses' buffers had V8 run a full collection every
 * half second at times, pausing 2–47 ms, and a pause of the generator reads as latency of
 * whichever server it is measuring.
 */
export async function load(url: string, { body, headers }: Request, seconds: number): Promise<Omit<Measurement, 'serverCpuMs' | 'postgresCpuMs'>> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body,
    connections: CONNECTIONS,
    duration: seconds,
    workers: 1,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    roundP99s: [result.latency.p99],
    errors: result.errors + result.non2xx + result.timeouts,
    requests: result.requests.total,
  };
}

/** A measured round of load on `target`, with the CPU it and PostgreSQL spent meanwhile. */
export async function measure(target: RunningTarget, request: Request, seconds: number): Promise<Measurement> {
  const server = processCpuMs(target.pid);
  const postgres = postgresCpuMs();
  const result = await load(target.url, request, seconds);
  return { ...result, serverCpuMs: spent(server, processCpuMs(target.pid)), postgresCpuMs: postgresSpent(postgres, postgresCpuMs()) };
}

/** The sum of `values`, or null when any is missing. */
function total(values: Array<number | null>): number | null {
  return values.some((value) => value === null) ? null : values.reduce<number>((sum, value) => sum + value!, 0);
}

/** Rounds of one operation on one server as one figure: mean req/s and p50, the worst p99, all errors. */
export function combine(rounds: Array<Measurement | null>): Measurement | null {
  const measured = rounds.filter((round): round is Measurement => round !== null);
  if (!measured.length) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    requestsPerSecond: mean(measured.map((round) => round.requestsPerSecond)),
    p50: Math.round(mean(measured.map((round) => round.p50))),
    p99: Math.max(...measured.map((round) => round.p99)),
    roundP99s: measured.map((round) => round.p99),
    errors: measured.reduce((sum, round) => sum + round.errors, 0),
    requests: measured.reduce((sum, round) => sum + round.requests, 0),
    serverCpuMs: total(measured.map((round) => round.serverCpuMs)),
    postgresCpuMs: total(measured.map((round) => round.postgresCpuMs)),
  };
}

/** ms of CPU per request of the server or of PostgreSQL over the measured rounds, formatted, or n/a. */
export function cpuPerRequest(measured: Measurement | null | undefined, part: 'serverCpuMs' | 'postgresCpuMs'): string {
  const spentMs = measured?.[part];
  return measured && spentMs != null && measured.requests ? (spentMs / measured.requests).toFixed(2) : 'n/a';
}
