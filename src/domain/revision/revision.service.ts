import type { EntityManager } from 'typeorm';
import type { Actor } from '../api-key/api-key.service';

import { RevisionActionType } from './revision.entity';

/** Fields that changed: before and after, JSON-ready. */
export type Changes = Record<string, { before: unknown; after: unknown }>;

/** The changes of a newly created row: every field, with no before. */
export function creation(row: Record<string, unknown>): Changes {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined).map(([field, value]) => [field, { before: null, after: value }]));
}

/** The fields of `patch` whose values differ from `current`, as before/after pairs. */
export function difference(current: Record<string, unknown>, patch: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [field, after] of Object.entries(patch)) {
    if (after === undefined) continue;
    const before = current[field] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[field] = { before, after };
  }
  return changes;
}

/** The INSERT every revision is written with, values to follow (VALUES or a SELECT). */
export const REVISION_INSERT = 'INSERT INTO revision (entity_type, entity_id, version, action, changes, actor)';

/** Records one revision in the caller's transaction; a write and its history commit together or not at all. */
export async function recordRevision(
  manager: EntityManager,
  revision: { entityType: string; entityId: string; version: number; action: RevisionActionType; changes: Changes; actor: Actor },
): Promise<void> {
  await manager.query(
    `${REVISION_INSERT} VALUES ($1, $2, $3, $4, $5, $6)`,
    [revision.entityType, revision.entityId, revision.version, revision.action, JSON.stringify(revision.changes), revision.actor.name],
  );
}
