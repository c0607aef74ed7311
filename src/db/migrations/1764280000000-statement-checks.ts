import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `claimgraph_check(ok, message)` raises `message` unless `ok`, and is true otherwise: a
 * statement that writes several rows checks what it wrote before it ends, so that a failed
 * check undoes the whole statement even where no transaction surrounds it (insertRows,
 * src/domain/common/entity-writes.service.ts).
 */
export class StatementChecks1764280000000 implements MigrationInterface {
  name = 'StatementChecks1764280000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION claimgraph_check(ok boolean, message text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF ok IS NOT TRUE THEN RAISE EXCEPTION '%', message; END IF;
        RETURN true;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION claimgraph_check(boolean, text);');
  }
}
