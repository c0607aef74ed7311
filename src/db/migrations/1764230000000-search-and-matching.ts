import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What finding needs, kept up to date by the database itself so every writer (the API,
 * the importer, bulk loads) gets it for free:
 * - `statement.search_document`: the statement text (weight A) and the excerpts of its live
 *   appearances (weight B) as one tsvector, in the text search configuration of the
 *   statement's language, with a GIN index;
 * - `speaker.name_search`: the name and aliases folded (accents, case and punctuation
 *   dropped), with a trigram index for matching misspelt and transliterated names.
 */
export class SearchAndMatching1764230000000 implements MigrationInterface {
  name = 'SearchAndMatching1764230000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await db.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    // The unaccent dictionary is named with its schema so the function below does not
    // depend on the search_path of the session that calls it.
    const [{ schema }] = await db.query("SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'unaccent'");
    await db.query(`
      -- unaccent() is STABLE because its dictionary could change; ours never does, so the
      -- fold is declared IMMUTABLE and can feed a generated column and an index.
      CREATE FUNCTION claimgraph_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT lower(btrim(regexp_replace(${schema}.unaccent('${schema}.unaccent'::regdictionary, value), '[[:space:][:punct:]]+', ' ', 'g')))
        $$;

      CREATE FUNCTION claimgraph_speaker_names(name text, aliases text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT claimgraph_fold(name || ' ' || coalesce(array_to_string(aliases, ' '), ''))
        $$;

      ALTER TABLE speaker ADD COLUMN name_search text GENERATED ALWAYS AS (claimgraph_speaker_names(name, aliases)) STORED;
      CREATE INDEX speaker_name_search_idx ON speaker USING gin (name_search gin_trgm_ops) WHERE deleted_at IS NULL;

      -- The text search configuration for a BCP 47 language tag; 'simple' (no stemming)
      -- for languages PostgreSQL has no stemmer for, English when no language is recorded.
      CREATE FUNCTION claimgraph_ts_config(language text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT (CASE split_part(lower(coalesce(language, 'en')), '-', 1)
            WHEN 'en' THEN 'english' WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish'
            WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch' WHEN 'ru' THEN 'russian'
            WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish' WHEN 'fi' THEN 'finnish' WHEN 'no' THEN 'norwegian'
            WHEN 'nb' THEN 'norwegian' WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian' WHEN 'tr' THEN 'turkish'
            ELSE 'simple' END)::regconfig
        $$;

      CREATE FUNCTION claimgraph_statement_document(statement_id uuid, body text, language text) RETURNS tsvector
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
          SELECT setweight(to_tsvector(claimgraph_ts_config(language), body), 'A')
            || setweight(to_tsvector(claimgraph_ts_config(language), coalesce(
                 (SELECT string_agg(a.excerpt, ' ' ORDER BY a.id) FROM appearance a WHERE a.statement_id = $1 AND a.deleted_at IS NULL), '')), 'B')
        $$;

      ALTER TABLE statement ADD COLUMN search_document tsvector;

      CREATE FUNCTION claimgraph_statement_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.search_document := claimgraph_statement_document(NEW.id, NEW.text, NEW.language);
          RETURN NEW;
        END
      $$;
      CREATE TRIGGER statement_search BEFORE INSERT OR UPDATE OF text, language ON statement
        FOR EACH ROW EXECUTE FUNCTION claimgraph_statement_search();

      -- Appearances change their statement's document: one UPDATE per SQL statement, over
      -- the statements its rows touch (transition tables), so bulk loads stay set-based.
      CREATE FUNCTION claimgraph_appearance_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            UPDATE statement s SET search_document = claimgraph_statement_document(s.id, s.text, s.language)
              WHERE s.id IN (SELECT statement_id FROM new_rows);
          ELSIF TG_OP = 'UPDATE' THEN
            UPDATE statement s SET search_document = claimgraph_statement_document(s.id, s.text, s.language)
              WHERE s.id IN (SELECT statement_id FROM new_rows UNION SELECT statement_id FROM old_rows);
          ELSE
            UPDATE statement s SET search_document = claimgraph_statement_document(s.id, s.text, s.language)
              WHERE s.id IN (SELECT statement_id FROM old_rows);
          END IF;
          RETURN NULL;
        END
      $$;
      CREATE TRIGGER appearance_search_insert AFTER INSERT ON appearance
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_appearance_search();
      CREATE TRIGGER appearance_search_update AFTER UPDATE ON appearance
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_appearance_search();
      CREATE TRIGGER appearance_search_delete AFTER DELETE ON appearance
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_appearance_search();

      UPDATE statement SET search_document = claimgraph_statement_document(id, text, language);
      CREATE INDEX statement_search_idx ON statement USING gin (search_document) WHERE deleted_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER appearance_search_insert ON appearance;
      DROP TRIGGER appearance_search_update ON appearance;
      DROP TRIGGER appearance_search_delete ON appearance;
      DROP TRIGGER statement_search ON statement;
      DROP FUNCTION claimgraph_appearance_search(), claimgraph_statement_search();
      ALTER TABLE statement DROP COLUMN search_document;
      DROP FUNCTION claimgraph_statement_document(uuid, text, text), claimgraph_ts_config(text);
      ALTER TABLE speaker DROP COLUMN name_search;
      DROP FUNCTION claimgraph_speaker_names(text, text[]), claimgraph_fold(text);
    `);
  }
}
