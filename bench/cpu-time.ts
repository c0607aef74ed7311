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
 * CPU of every PostgreSQL process on this host so far, in ms (backends and background workers
 * alike), or null when none runs here (a DATABASE_URL on another host). Backends that exit
 * between two readings take their time with them; the servers' pooled connections stay.
 */
export function postgresCpuMs(): number | null {
  let total: number | null = null;
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    let command: string;
    try {
      command = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (command !== 'postgres') continue;
    total = (total ?? 0) + (processCpuMs(Number(entry)) ?? 0);
  }
  return total;
}

/** CPU spent between two readings, or null when either is missing. */
export function spent(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}
