import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { importStatementLines } from '../interchange/statement-import';
import { parseCommandLine, runCli } from './run-cli';

const USAGE = `usage: npm run import -- <file.jsonl | -> [--atomic] [--batch-size N]
  Imports statements in the JSON Lines format of docs/import-export.md ("-" reads stdin).
  --atomic      all or nothing: any bad line rolls the whole file back
  --batch-size  lines per transaction (default 500)`;

/** `npm run import`: streams a JSON Lines file into the database, reporting bad lines by number. */
async function main(): Promise<number> {
  const command = parseCommandLine(
    { options: { atomic: { type: 'boolean' }, 'batch-size': { type: 'string', default: '500' }, help: { type: 'boolean' } }, allowPositionals: true },
    USAGE,
  );
  if (!command) return 2;
  const [file] = command.positionals;
  if (!file || command.positionals.length > 1 || command.values.help) {
    console.error(USAGE);
    return 2;
  }
  const batchSize = Number(command.values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    console.error('--batch-size must be a whole number from 1 to 10000');
    return 2;
  }
  const atomic = command.values.atomic ?? false;
  const input = file === '-' ? process.stdin : createReadStream(file);
  const size = file === '-' ? 0 : (await stat(file)).size;
  const started = performance.now();
  const progress = (lines: number) => {
    if (!process.stderr.isTTY) return;
    const seconds = (performance.now() - started) / 1000;
    const read = 'bytesRead' in input ? input.bytesRead : 0;
    const share = size ? ` ${Math.min(100, Math.floor((100 * read) / size))} %` : '';
    process.stderr.write(`\r${lines.toLocaleString('en')} lines, ${Math.round(lines / seconds).toLocaleString('en')} lines/s${share}   `);
  };

  const database = await openDatabase(loadConfig());
  try {
    const report = await importStatementLines(database.pool, createInterface({ input, crlfDelay: Infinity }), {
      atomic, batchSize, actor: `import:${file === '-' ? 'stdin' : path.basename(file)}`, onProgress: progress,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const bad of report.bad) console.error(`line ${bad.line}: ${bad.reason}`);
    const created = Object.entries(report.created).filter(([, count]) => count > 0).map(([table, count]) => `${count} ${table}`).join(', ') || 'nothing new';
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!report.committed) {
      console.log(`import: ${report.lines} lines, ${report.bad.length} bad; --atomic: nothing was imported (${seconds} s)`);
    } else {
      console.log(`import: ${report.lines} lines in ${seconds} s; created ${created}${report.bad.length ? `; ${report.bad.length} bad lines skipped` : ''}`);
    }
    return report.bad.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

runCli(main);
