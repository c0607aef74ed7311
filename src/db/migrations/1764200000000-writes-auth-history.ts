import { MigrationInterface, QueryRunner } from 'typeorm';

const VERSIONED = ['speaker', 'role', 'event', 'source', 'statement', 'appearance', 'quantity', 'measure', 'topic', 'statement_relation', 'review'];

/**
 * What writes need: a version and a soft-delete mark on every entity, API keys, the
 * revision history, idempotency keys, and the normalized names and aliases that make
 * "find the speaker or create it" safe under concurrency (a unique key, not a check in memory).
 */
export class WritesAuthHistory1764200000000 implements MigrationInterface {
  name = 'WritesAuthHistory1764200000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of VERSIONED) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN deleted_at timestamptz`);
    }
    await db.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('READER', 'EDITOR', 'ADMIN')),
        secret_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );

      CREATE TABLE revision (
        id bigserial PRIMARY KEY,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        version integer NOT NULL,
        action text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE')),
        changes jsonb NOT NULL,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entity_type, entity_id, version)
      );

      CREATE TABLE idempotency_key (
        actor text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        operation text NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, key)
      );

      -- One row per normalized spelling (name or alias) of a speaker: two writers naming
      -- the same new speaker collide here, and one of them reuses the other's row.
      CREATE TABLE speaker_name_key (
        key text PRIMARY KEY,
        speaker_id uuid NOT NULL REFERENCES speaker (id) ON DELETE CASCADE
      );
      CREATE INDEX speaker_name_key_speaker_idx ON speaker_name_key (speaker_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE speaker_name_key, idempotency_key, revision, api_key');
    for (const table of VERSIONED) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN version, DROP COLUMN deleted_at`);
    }
  }
}
