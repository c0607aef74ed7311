import { execSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * CPU time spent by the server under test and by PostgreSQL, read from /proc (Linux). On these
 * 2-core machines the two share the cores with the load generator, so a request's latency
 * follows what all of them spend on it: the split shows where an operation's time goes.
 */

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User plus system CPU of one process so far, in ms, or null when it cannot be read. */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces), from the state on: utime is the 12th, stime the 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU of each PostgreSQL process on this host so far, in ms by pid (backends and background
 * workers alike), or null when none runs here (a DATABASE_URL on another host).
 */
export function postgresCpuMs(): Map<number, number> | null {
  const byPid = new Map<number, number>();
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    let command: string;
    try {
      command = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    const cpu = command === 'postgres' ? processCpuMs(Number(entry)) : null;
    if (cpu !== null) byPid.set(Number(entry), cpu);
  }
  return byPid.size ? byPid : null;
}

/** CPU spent between two readings of one process, or null when either is missing. */
export function spent(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

/**
 * PostgreSQL's CPU between two readings, or null when either is missing: the sum over the
 * processes running at the second of what each spent since the first (all of it for one started
 * since). One that exited in between (an idle pooled connection closed, an autovacuum worker
 * done) takes its share with it: left out, rather than subtracted.
 */
export function postgresSpent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (before === null || after === null) return null;
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}
