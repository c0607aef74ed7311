import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { exportClaimReviewLines, exportStatementLines } from '../interchange/statement-export';
import { parseCommandLine, runCli } from './run-cli';

const USAGE = `usage: npm run export -- [--out file.jsonl] [--format statements|claimreview]
  statements   one statement per line with its speaker, event, sources, figures, topics,
               relations and reviews: the format npm run import reads (the default)
  claimreview  one schema.org ClaimReview JSON-LD document per review
  Without --out, lines go to stdout (use npm run --silent export, or npm prints its banner there too).`;

/** Writes a line, waiting when the stream's buffer is full so memory stays flat. */
async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** `npm run export`: writes every live statement (or review) as JSON Lines. */
async function main(): Promise<number> {
  const command = parseCommandLine(
    { options: { out: { type: 'string' }, format: { type: 'string', default: 'statements' }, help: { type: 'boolean' } } },
    USAGE,
  );
  if (!command) return 2;
  const { format, out: file, help } = command.values;
  if (help || !['statements', 'claimreview'].includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const out: Writable = file ? createWriteStream(file) : process.stdout;
  const database = await openDatabase(loadConfig());
  try {
    let count = 0;
    for await (const line of format === 'claimreview' ? exportClaimReviewLines(database.pool) : exportStatementLines(database.pool)) {
      await writeLine(out, line);
      count += 1;
    }
    if (file) {
      out.end();
      await once(out, 'finish');
      console.error(`export: ${count} ${format === 'claimreview' ? 'reviews' : 'statements'} written to ${file}`);
    } else {
      // process.exit() would drop what stdout has not flushed yet.
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCli(main);
