import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { prepared } from '../../db/prepared-statements';
import { DomainError, ErrorCode } from '../../graphql/errors';
import type { ApiKeyCache } from './api-key-cache';

export enum ApiRole {
  READER = 'READER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

const RANK: Record<ApiRole, number> = { [ApiRole.READER]: 1, [ApiRole.EDITOR]: 2, [ApiRole.ADMIN]: 3 };

/** Who is calling: the name of their API key (recorded on every revision) and its role. */
export interface Actor {
  name: string;
  role: ApiRole;
}

/** Whether `actor` holds `role` or a higher one. */
export function hasRole(actor: Actor, role: ApiRole): boolean {
  return RANK[actor.role] >= RANK[role];
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Creates a key and returns its secret, which is shown this once: only its hash is stored. */
export async function createApiKey(pool: Pool, name: string, role: ApiRole): Promise<{ id: string; secret: string }> {
  const secret = `cg_${randomBytes(32).toString('base64url')}`;
  const { rows } = await pool.query('INSERT INTO api_key (name, role, secret_hash) VALUES ($1, $2, $3) RETURNING id', [name, role, hashSecret(secret)]);
  return { id: rows[0].id, secret };
}

/** Revokes a key by id; false when there is no such active key. */
export async function revokeApiKey(pool: Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  return rowCount === 1;
}

export async function listApiKeys(pool: Pool): Promise<Array<{ id: string; name: string; role: ApiRole; revoked: boolean }>> {
  const { rows } = await pool.query('SELECT id, name, role, revoked_at IS NOT NULL AS revoked FROM api_key ORDER BY created_at');
  return rows;
}

const FIND_KEY = 'SELECT name, role FROM api_key WHERE secret_hash = $1 AND revoked_at IS NULL';

/** Who a request's key names, and whether finding out cost a statement (the key was not kept). */
export interface KeyCheck {
  actor: Actor | null;
  queried: boolean;
}

/**
 * The actor behind an `Authorization: Bearer <secret>` header: null without a header,
 * UNAUTHENTICATED for a header that names no active key (never treated as anonymous).
 * A key kept in `cache` costs no statement; with `prepare` the look-up is a prepared
 * statement, as a request's others are.
 */
export async function authenticate(
  pool: Pool,
  authorization: string | undefined,
  options: { prepare?: boolean; cache?: ApiKeyCache } = {},
): Promise<KeyCheck> {
  if (!authorization) return { actor: null, queried: false };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the Authorization header must be "Bearer <API key>"');
  const hash = hashSecret(match[1]);
  const kept = options.cache?.get(hash);
  if (kept) return { actor: kept, queried: false };
  const token = options.cache?.token();
  const values = [hash];
  const { rows } = await pool.query(options.prepare ? prepared(FIND_KEY, values) : { text: FIND_KEY, values });
  if (rows.length === 0) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the API key is unknown or revoked');
  const actor: Actor = { name: rows[0].name, role: rows[0].role };
  options.cache?.set(hash, actor, token!);
  return { actor, queried: true };
}
