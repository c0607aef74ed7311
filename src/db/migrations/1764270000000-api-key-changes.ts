import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to api_key other than a new key (a revocation, a deletion, a truncation) sends
 * a notification on `claimgraph_api_key` when its transaction commits. Servers keep the keys
 * they have checked (src/domain/api-key/api-key-cache.ts) only while they listen on it, and
 * forget them all when one arrives, however the key was revoked: `npm run keys -- revoke`,
 * another server, or SQL by hand.
 */
export class ApiKeyChanges1764270000000 implements MigrationInterface {
  name = 'ApiKeyChanges1764270000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION claimgraph_api_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('claimgraph_api_key', TG_OP);
        RETURN NULL;
      END $$;
      CREATE TRIGGER api_key_changed AFTER UPDATE OR DELETE OR TRUNCATE ON api_key
        FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_api_key_changed();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER api_key_changed ON api_key; DROP FUNCTION claimgraph_api_key_changed();');
  }
}
