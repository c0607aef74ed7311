import http from 'node:http';
import { Pool } from 'pg';
import { RAW_QUERIES } from './queries';

/**
 * The raw-SQL floor behind a minimal HTTP handler: POST {operationName, variables} and get
 * {data} from one statement. Variables are passed to the statement in the order given. Each
 * operation's statement is prepared once per connection (named after the operation), as
 * Claimgraph's and PostGraphile's are, so that the floor is not paying to plan every request.
 * Usage: DATABASE_URL=... PORT=... node dist/bench/raw-sql/server.js
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });

/**
 * CPU to spend on each request besides its own work, in µs (RAW_SQL_EXTRA_CPU_US, 0 unless
 * set): a model of a server that does more per request, for bench/cpu-sensitivity.ts. The
 * benchmark itself never sets it.
 */
const EXTRA_CPU_MS = Number(process.env.RAW_SQL_EXTRA_CPU_US ?? 0) / 1000;

function spendExtraCpu(): void {
  const started = performance.now();
  while (performance.now() - started < EXTRA_CPU_MS);
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const { operationName, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const text = RAW_QUERIES[operationName];
      if (!text) throw new Error(`no raw query for ${operationName}`);
      const { rows } = await pool.query({ name: operationName, text, values: Object.values(variables ?? {}) });
      if (EXTRA_CPU_MS > 0) spendExtraCpu();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"data":${JSON.stringify(rows[0]?.data ?? null)}}`);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});

server.listen(Number(process.env.PORT ?? 4300), '127.0.0.1', () => {
  console.log(`raw-sql serving http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`);
});
