import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Random } from './random';

/**
 * Writes a JSON Lines file of `--lines` synthetic statements in the import format, without
 * ids (as another tool would write them), for measuring `npm run import` on large files:
 * node dist/bench/generate-import-file.js --lines 1000000 --out /tmp/claims.jsonl
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000' }, out: { type: 'string', default: '/dev/stdout' } } });
  const lines = Number(values.lines);
  const out = createWriteStream(values.out);
  const random = new Random(7);
  const measure = { slug: 'import-bench-figure', label: 'Import benchmark figure', unit: 'units' };
  for (let n = 0; n < lines; n += 1) {
    const day = new Date(Date.UTC(2020, 0, 1) + random.int(2000) * 86_400_000).toISOString().slice(0, 10);
    const line = {
      text: `Synthetic claim ${n}: the figure stands at ${random.int(100_000)} this month.`,
      mode: random.chance(0.3) ? 'DIRECT_QUOTE' : 'PARAPHRASE',
      stated: { date: day, precision: 'DAY' },
      speaker: { name: `Import Speaker ${random.int(5000)}` },
      appearances: [{ excerpt: `as reported in story ${n}`, source: { url: `https://import.example/story/${random.int(50_000)}`, title: 'A story' } }],
      quantities: [{ value: random.int(100_000), unit: 'units', period: 'MONTH', measure }],
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
