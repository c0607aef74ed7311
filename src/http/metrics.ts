import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const MAX_OPERATION_LABELS = 200;

/** Prometheus metrics of one server: requests and latency by operation, errors by code, pool use. */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({ name: 'claimgraph_requests_total', help: 'GraphQL requests by operation name.', labelNames: ['operation'], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'claimgraph_request_duration_seconds',
    help: 'GraphQL request latency by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly errors = new Counter({ name: 'claimgraph_errors_total', help: 'GraphQL errors by extensions.code.', labelNames: ['code'], registers: [this.registry] });
  private readonly sqlStatements = new Counter({ name: 'claimgraph_sql_statements_total', help: 'SQL statements run for GraphQL requests.', registers: [this.registry] });

  constructor(pool: Pool) {
    collectDefaultMetrics({ register: this.registry, prefix: 'claimgraph_' });
    new Gauge({
      name: 'claimgraph_db_pool_connections',
      help: 'Database pool connections by state.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  /** Client-chosen operation names are labels only up to a bound, so they cannot flood the registry. */
  private label(operation: string | null | undefined): string {
    const name = operation && /^\w{1,64}$/.test(operation) ? operation : 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  recordRequest(operation: string | null | undefined, seconds: number, sqlStatements: number, errorCodes: string[]): void {
    const label = this.label(operation);
    this.requests.inc({ operation: label });
    this.duration.observe({ operation: label }, seconds);
    this.sqlStatements.inc(sqlStatements);
    for (const code of errorCodes) this.errors.inc({ code });
  }
}
