import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * pg_restore, and the SQL pg_dump writes, run with an empty search_path. The speaker table's
 * generated column calls claimgraph_speaker_names, which called claimgraph_fold without its
 * schema: PostgreSQL inlines the function while creating the table, found no claimgraph_fold,
 * and a restore lost the speaker table, its rows and every foreign key to it. SQL functions
 * now name the schema of the functions and tables they use (claimgraph_statement_document
 * too), as claimgraph_fold names unaccent's; a test keeps it so.
 */
export class RestorableFunctions1764300000000 implements MigrationInterface {
  name = 'RestorableFunctions1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await this.define(db, true);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.define(db, false);
  }

  /** The two functions, with (`qualified`) or without the schema in their bodies. */
  private async define(db: QueryRunner, qualified: boolean): Promise<void> {
    const [{ schema }] = await db.query('SELECT quote_ident(current_schema()) AS schema');
    const s = qualified ? `${schema}.` : '';
    await db.query(`
      CREATE OR REPLACE FUNCTION claimgraph_speaker_names(name text, aliases text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT ${s}claimgraph_fold(name || ' ' || coalesce(array_to_string(aliases, ' '), ''))
        $$;

      CREATE OR REPLACE FUNCTION claimgraph_statement_document(statement_id uuid, body text, language text) RETURNS tsvector
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
          SELECT setweight(to_tsvector(${s}claimgraph_ts_config(language), body), 'A')
            || setweight(to_tsvector(${s}claimgraph_ts_config(language), coalesce(
                 (SELECT string_agg(a.excerpt, ' ' ORDER BY a.id) FROM ${s}appearance a WHERE a.statement_id = $1 AND a.deleted_at IS NULL), '')), 'B')
        $$;
    `);
  }
}
