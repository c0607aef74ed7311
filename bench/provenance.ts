import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function git(command: string): string {
  try {
    return execSync(`git ${command}`, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The lines that open a results file: which command wrote it, when, at which commit, on which machine. */
export function provenance(command: string): string[] {
  const changed = git('status --porcelain -- src bench') ? ' (with uncommitted changes)' : '';
  return [
    `Written by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit \`${git('rev-parse --short HEAD')}\`${changed}.`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; the load generator, the servers and PostgreSQL share these cores.`,
  ];
}
