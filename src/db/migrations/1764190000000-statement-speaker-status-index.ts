import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statements of one speaker with some statuses, newest first, and their count: the
 * benchmark's filtered list read ~2,700 of the top speaker's 23,000 rows through the heap
 * to test the status; with status in the index the page and the count stay in the index.
 */
export class StatementSpeakerStatusIndex1764190000000 implements MigrationInterface {
  name = 'StatementSpeakerStatusIndex1764190000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX statement_speaker_status_idx ON statement (speaker_id, status, stated_on DESC, id DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX statement_speaker_status_idx');
  }
}
