import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An appearance's trigger rewrote its statement's search document whether or not it changed.
 * Rewriting a statement makes a new version of the row, with new entries in every index on
 * statement (its GIN and GiST search indexes among them): about a quarter of recordStatement's
 * PostgreSQL time, and a dead row for vacuum. It now rewrites only the statements whose
 * document differs. recordStatement inserts the appearance before its statement, so that the
 * statement's document is whole when it is inserted and the appearance's trigger finds nothing
 * to change (statement/record-statement.service.ts); an appearance's offsets changed leave its
 * statement alone too.
 */
export class UnchangedSearchDocuments1764310000000 implements MigrationInterface {
  name = 'UnchangedSearchDocuments1764310000000';

  async up(db: QueryRunner): Promise<void> {
    await this.define(db, (statements) => `
      UPDATE statement s SET search_document = d.document
        FROM (SELECT x.id, claimgraph_statement_document(x.id, x.text, x.language) AS document
                FROM statement x WHERE x.id IN (${statements})) d
        WHERE s.id = d.id AND s.search_document IS DISTINCT FROM d.document;`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.define(db, (statements) => `
      UPDATE statement s SET search_document = claimgraph_statement_document(s.id, s.text, s.language)
        WHERE s.id IN (${statements});`);
  }

  /** The trigger function, with `update` as its UPDATE of the statements an SQL statement's rows touch. */
  private async define(db: QueryRunner, update: (statements: string) => string): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION claimgraph_appearance_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN${update('SELECT statement_id FROM new_rows')}
          ELSIF TG_OP = 'UPDATE' THEN${update('SELECT statement_id FROM new_rows UNION SELECT statement_id FROM old_rows')}
          ELSE${update('SELECT statement_id FROM old_rows')}
          END IF;
          RETURN NULL;
        END
      $$;
    `);
  }
}
