import type { Pool } from 'pg';

/**
 * Runs `work` while a trigger of the test's own counts every rewrite (UPDATE) of a statement
 * row; `work` gets the count for a statement id. Trigger and table are dropped after.
 */
export async function withStatementRewrites(pool: Pool, work: (rewrites: (statementId: string) => Promise<number>) => Promise<void>): Promise<void> {
  await pool.query(`
    CREATE TABLE test_statement_rewrites (statement_id uuid);
    CREATE FUNCTION test_count_statement_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_statement_rewrites VALUES (NEW.id); RETURN NULL; END $$;
    CREATE TRIGGER test_statement_rewrites AFTER UPDATE ON statement FOR EACH ROW EXECUTE FUNCTION test_count_statement_rewrite();`);
  try {
    await work(async (statementId) =>
      Number((await pool.query('SELECT count(*) FROM test_statement_rewrites WHERE statement_id = $1', [statementId])).rows[0].count));
  } finally {
    await pool.query('DROP TRIGGER test_statement_rewrites ON statement; DROP FUNCTION test_count_statement_rewrite(); DROP TABLE test_statement_rewrites');
  }
}
