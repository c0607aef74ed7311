import { Client, type ClientConfig } from 'pg';
import type { Actor } from './api-key.service';

/** Where a change to api_key is announced (migration 1764270000000). */
export const API_KEY_CHANNEL = 'claimgraph_api_key';

/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 1000;

/**
 * The actors of the keys checked lately, by secret hash, so that a request whose key was seen
 * before costs no statement for it. Keys are kept only while a connection of its own listens
 * on API_KEY_CHANNEL: a notification (any revocation or deletion, at its commit) forgets them
 * all, and so does losing that connection, after which every key is looked up again until it
 * is back. Each key is also forgotten `ttlMs` after it was looked up: the longest a revocation
 * can go unseen where notifications do not arrive (a pooler in transaction mode passes LISTEN
 * on but not what it hears). Unknown keys are never kept. A ttl of 0 keeps nothing.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { actor: Actor; expires: number }>();
  /** Changes whenever the entries are forgotten, so a look-up that overlapped it is not kept. */
  private generation = 0;
  private listener: Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: ClientConfig,
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  /** Starts listening (nothing when the ttl is 0); keys are kept from then on. */
  async start(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  /** The kept actor for `hash`, unless it has expired. */
  get(hash: string): Actor | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expires > Date.now()) return entry.actor;
    this.entries.delete(hash);
    return undefined;
  }

  /** A token to hand to `set` after a look-up: taken before it, so a change during it wins. */
  token(): number {
    return this.generation;
  }

  /** Keeps what the database said of `hash`, when nothing was forgotten since `token` was taken. */
  set(hash: string, actor: Actor, token: number): void {
    if (!this.listening || token !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { actor, expires: Date.now() + this.ttlMs });
  }

  private forget(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    const client = new Client(this.connection);
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      this.forget();
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    this.listener = client;
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.forget());
    try {
      await client.connect();
      await client.query(`LISTEN ${API_KEY_CHANNEL}`);
      // Anything revoked while no one listened is forgotten with the rest.
      if (this.listener === client) {
        this.forget();
        this.listening = true;
      }
    } catch {
      lost();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.listener;
    this.listener = null;
    this.listening = false;
    this.forget();
    await client?.end().catch(() => {});
  }
}
