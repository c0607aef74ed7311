-- Bench-only: PostGraphile exposes these SQL functions as computed columns, giving it the
-- two derived fields Claimgraph computes itself (the role held on the date stated, and a
-- figure per month). Applied to the benchmark database only, never by a migration.
CREATE OR REPLACE FUNCTION statement_speaker_role(s statement) RETURNS role
  LANGUAGE sql STABLE AS $$
    SELECT r.* FROM role r
    WHERE r.speaker_id = s.speaker_id
      AND (r.started_on IS NULL OR r.started_on <= s.stated_until)
      AND (r.ended_on IS NULL OR r.ended_on >= s.stated_on)
    ORDER BY r.started_on DESC NULLS LAST, r.id
    LIMIT 1
  $$;
CREATE OR REPLACE FUNCTION quantity_rate_per_month(q quantity) RETURNS numeric
  LANGUAGE sql STABLE AS $$ SELECT q.per_day * 30.4375 $$;
CREATE OR REPLACE FUNCTION quantity_rate_per_month_low(q quantity) RETURNS numeric
  LANGUAGE sql STABLE AS $$ SELECT q.per_day_low * 30.4375 $$;
CREATE OR REPLACE FUNCTION quantity_rate_per_month_high(q quantity) RETURNS numeric
  LANGUAGE sql STABLE AS $$ SELECT q.per_day_high * 30.4375 $$;
-- PostGraphile offers `condition` only on indexed columns; this index (bench database only)
-- lets its lists skip soft-deleted statements as Claimgraph's do.
CREATE INDEX IF NOT EXISTS bench_statement_deleted_idx ON statement (deleted_at);
