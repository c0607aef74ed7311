import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partial indexes of the previous migration serve reads, but a foreign key needs a
 * plain index too: deletes and updates of speakers and events check it, and tools that
 * read the schema (PostGraphile, for the benchmark) look for one behind every relation.
 */
export class StatementForeignKeyIndexes1764220000000 implements MigrationInterface {
  name = 'StatementForeignKeyIndexes1764220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX statement_speaker_fk_idx ON statement (speaker_id)');
    await db.query('CREATE INDEX statement_event_fk_idx ON statement (event_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX statement_event_fk_idx, statement_speaker_fk_idx');
  }
}
