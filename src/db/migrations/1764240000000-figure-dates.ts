import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Figures are compared over a date range, and the date is their statement's. Copying it
 * onto each figure (kept in step by triggers, never written by the application) lets one
 * index find a measure's figures in a range, newest first, without visiting every figure
 * the measure ever had: the busiest measure of the benchmark has 45,000.
 */
export class FigureDates1764240000000 implements MigrationInterface {
  name = 'FigureDates1764240000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE quantity ADD COLUMN stated_on date, ADD COLUMN stated_until date;

      CREATE FUNCTION claimgraph_quantity_dates() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          SELECT s.stated_on, s.stated_until INTO NEW.stated_on, NEW.stated_until FROM statement s WHERE s.id = NEW.statement_id;
          RETURN NEW;
        END
      $$;
      CREATE TRIGGER quantity_dates BEFORE INSERT OR UPDATE OF statement_id, stated_on, stated_until ON quantity
        FOR EACH ROW EXECUTE FUNCTION claimgraph_quantity_dates();

      CREATE FUNCTION claimgraph_statement_dates() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE quantity SET stated_on = NEW.stated_on, stated_until = NEW.stated_until WHERE statement_id = NEW.id;
          RETURN NULL;
        END
      $$;
      CREATE TRIGGER statement_dates AFTER UPDATE OF stated_on, stated_precision ON statement
        FOR EACH ROW WHEN (OLD.stated_on IS DISTINCT FROM NEW.stated_on OR OLD.stated_precision IS DISTINCT FROM NEW.stated_precision)
        EXECUTE FUNCTION claimgraph_statement_dates();

      UPDATE quantity q SET stated_on = s.stated_on, stated_until = s.stated_until FROM statement s WHERE s.id = q.statement_id;
      ALTER TABLE quantity ALTER COLUMN stated_on SET NOT NULL, ALTER COLUMN stated_until SET NOT NULL;
      CREATE INDEX quantity_measure_stated_idx ON quantity (measure_id, stated_on DESC, id DESC) WHERE deleted_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER statement_dates ON statement;
      DROP TRIGGER quantity_dates ON quantity;
      DROP FUNCTION claimgraph_statement_dates(), claimgraph_quantity_dates();
      ALTER TABLE quantity DROP COLUMN stated_on, DROP COLUMN stated_until;
    `);
  }
}
