import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The importer writes a batch's appearances before its statements, so that each statement's
 * search document holds its excerpts when the statement is inserted and the row is written
 * once (as recordStatement does within one SQL statement; migration 1764310000000). That
 * needs the appearance's check of its statement deferred within the batch's transaction:
 * the constraint becomes DEFERRABLE, still checked at once unless a transaction says
 * otherwise (SET CONSTRAINTS, interchange/batch-writer.ts).
 */
export class AppearanceBeforeStatement1764320000000 implements MigrationInterface {
  name = 'AppearanceBeforeStatement1764320000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE appearance ALTER CONSTRAINT appearance_statement_id_fkey DEFERRABLE INITIALLY IMMEDIATE');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE appearance ALTER CONSTRAINT appearance_statement_id_fkey NOT DEFERRABLE');
  }
}
