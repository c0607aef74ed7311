import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The model of DOMAIN.md. The database enforces the rules itself: enum checks, bounds,
 * organizations as the only role and reviewer holders, span starts that fit their
 * precision, and an index behind every foreign key and every filter.
 */
export class InitialSchema1764180000000 implements MigrationInterface {
  name = 'InitialSchema1764180000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Last day of the span a partial date covers; weeks are ISO weeks starting on Monday.
      CREATE FUNCTION claimgraph_span_end(day date, day_precision text) RETURNS date
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT CASE day_precision
            WHEN 'DAY' THEN day
            WHEN 'WEEK' THEN day + 6
            WHEN 'MONTH' THEN (day + interval '1 month' - interval '1 day')::date
            WHEN 'YEAR' THEN (day + interval '1 year' - interval '1 day')::date
          END
        $$;

      CREATE FUNCTION claimgraph_is_span_start(day date, day_precision text) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT CASE day_precision
            WHEN 'DAY' THEN true
            WHEN 'WEEK' THEN extract(isodow FROM day) = 1
            WHEN 'MONTH' THEN extract(day FROM day) = 1
            WHEN 'YEAR' THEN extract(day FROM day) = 1 AND extract(month FROM day) = 1
            ELSE false
          END
        $$;

      -- Days in a unit of time; src/domain/quantity/time-unit.ts holds the same numbers.
      CREATE FUNCTION claimgraph_days_in(unit text) RETURNS numeric
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT CASE unit WHEN 'DAY' THEN 1 WHEN 'WEEK' THEN 7 WHEN 'MONTH' THEN 30.4375 WHEN 'YEAR' THEN 365.25 END::numeric
        $$;

      CREATE TABLE speaker (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('PERSON', 'ORGANIZATION')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
        aliases text[] NOT NULL DEFAULT '{}',
        description text,
        wikidata_id text UNIQUE CHECK (wikidata_id ~ '^Q[1-9][0-9]*$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Lets role and review rows demand an ORGANIZATION through a composite foreign key.
        UNIQUE (id, kind)
      );
      CREATE INDEX speaker_name_idx ON speaker (name, id);
      CREATE INDEX speaker_kind_idx ON speaker (kind);

      CREATE TABLE role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        speaker_id uuid NOT NULL REFERENCES speaker (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        organization_kind text NOT NULL DEFAULT 'ORGANIZATION' CHECK (organization_kind = 'ORGANIZATION'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        started_on date,
        ended_on date,
        FOREIGN KEY (organization_id, organization_kind) REFERENCES speaker (id, kind),
        CHECK (ended_on IS NULL OR started_on IS NULL OR started_on <= ended_on),
        CHECK (speaker_id <> organization_id)
      );
      CREATE INDEX role_speaker_idx ON role (speaker_id, started_on DESC);
      CREATE INDEX role_organization_idx ON role (organization_id);

      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('PRESS_BRIEFING', 'SPEECH', 'INTERVIEW', 'PRESS_RELEASE', 'REPORT', 'MEETING', 'SOCIAL_MEDIA_POST', 'OTHER')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
        occurred_on date NOT NULL,
        occurred_precision text NOT NULL CHECK (occurred_precision IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
        occurred_until date GENERATED ALWAYS AS (claimgraph_span_end(occurred_on, occurred_precision)) STORED,
        place text,
        country_code char(2) CHECK (country_code ~ '^[A-Z]{2}$'),
        description text,
        CHECK (claimgraph_is_span_start(occurred_on, occurred_precision))
      );
      CREATE INDEX event_occurred_idx ON event (occurred_on DESC, id DESC);
      CREATE INDEX event_occurred_until_idx ON event (occurred_until);
      CREATE INDEX event_kind_idx ON event (kind);

      CREATE TABLE source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL UNIQUE CHECK (url ~ '^https?://'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 1000),
        publisher text,
        published_on date,
        published_precision text CHECK (published_precision IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
        published_until date GENERATED ALWAYS AS (claimgraph_span_end(published_on, published_precision)) STORED,
        language text CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        CHECK ((published_on IS NULL) = (published_precision IS NULL)),
        CHECK (published_on IS NULL OR claimgraph_is_span_start(published_on, published_precision))
      );
      CREATE INDEX source_published_idx ON source ((coalesce(published_on, '0001-01-01'::date)) DESC, id DESC);

      CREATE TABLE statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 10000),
        mode text NOT NULL CHECK (mode IN ('DIRECT_QUOTE', 'PARAPHRASE')),
        speaker_id uuid NOT NULL REFERENCES speaker (id),
        event_id uuid REFERENCES event (id),
        stated_on date NOT NULL,
        stated_precision text NOT NULL CHECK (stated_precision IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
        stated_until date GENERATED ALWAYS AS (claimgraph_span_end(stated_on, stated_precision)) STORED,
        language text CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        status text NOT NULL DEFAULT 'UNVERIFIED'
          CHECK (status IN ('UNVERIFIED', 'UNVERIFIABLE', 'DISPUTED', 'CORROBORATED', 'CONFIRMED', 'RETRACTED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (claimgraph_is_span_start(stated_on, stated_precision))
      );
      CREATE INDEX statement_stated_idx ON statement (stated_on DESC, id DESC);
      CREATE INDEX statement_stated_until_idx ON statement (stated_until);
      CREATE INDEX statement_speaker_idx ON statement (speaker_id, stated_on DESC, id DESC);
      CREATE INDEX statement_event_idx ON statement (event_id, stated_on DESC, id DESC);
      CREATE INDEX statement_status_idx ON statement (status, stated_on DESC, id DESC);
      CREATE INDEX statement_mode_idx ON statement (mode);

      CREATE TABLE appearance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES source (id),
        excerpt text NOT NULL CHECK (length(excerpt) BETWEEN 1 AND 20000),
        start_offset integer CHECK (start_offset >= 0),
        end_offset integer,
        UNIQUE (source_id, statement_id),
        CHECK ((start_offset IS NULL) = (end_offset IS NULL)),
        CHECK (end_offset IS NULL OR end_offset > start_offset)
      );
      CREATE INDEX appearance_statement_idx ON appearance (statement_id);

      CREATE TABLE measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        label text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 300),
        unit text NOT NULL CHECK (length(btrim(unit)) BETWEEN 1 AND 100),
        description text
      );

      CREATE TABLE topic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        label text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 300),
        description text
      );

      CREATE TABLE statement_topic (
        statement_id uuid NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
        topic_id uuid NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
        PRIMARY KEY (statement_id, topic_id)
      );
      CREATE INDEX statement_topic_topic_idx ON statement_topic (topic_id, statement_id);

      CREATE TABLE quantity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
        measure_id uuid NOT NULL REFERENCES measure (id),
        position integer NOT NULL CHECK (position >= 1),
        value numeric,
        lower numeric,
        upper numeric,
        approximate boolean NOT NULL DEFAULT false,
        unit text NOT NULL CHECK (length(btrim(unit)) BETWEEN 1 AND 100),
        period text NOT NULL CHECK (period IN ('DAY', 'WEEK', 'MONTH', 'YEAR', 'TOTAL')),
        span_length numeric CHECK (span_length > 0),
        span_unit text CHECK (span_unit IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
        kind text NOT NULL CHECK (kind IN ('ESTIMATE', 'TARGET', 'HISTORICAL', 'PROJECTION')),
        per_day numeric GENERATED ALWAYS AS (
          coalesce(value, (lower + upper) / 2, lower, upper)
            / CASE WHEN period = 'TOTAL' THEN span_length * claimgraph_days_in(span_unit) ELSE claimgraph_days_in(period) END
        ) STORED,
        per_day_low numeric GENERATED ALWAYS AS (
          coalesce(lower, value)
            / CASE WHEN period = 'TOTAL' THEN span_length * claimgraph_days_in(span_unit) ELSE claimgraph_days_in(period) END
        ) STORED,
        per_day_high numeric GENERATED ALWAYS AS (
          coalesce(upper, value)
            / CASE WHEN period = 'TOTAL' THEN span_length * claimgraph_days_in(span_unit) ELSE claimgraph_days_in(period) END
        ) STORED,
        UNIQUE (statement_id, position),
        CHECK (value IS NOT NULL OR lower IS NOT NULL OR upper IS NOT NULL),
        CHECK (lower IS NULL OR upper IS NULL OR lower <= upper),
        CHECK (value IS NULL OR lower IS NULL OR value >= lower),
        CHECK (value IS NULL OR upper IS NULL OR value <= upper),
        CHECK ((span_length IS NULL) = (span_unit IS NULL)),
        CHECK (period = 'TOTAL' OR span_length IS NULL)
      );
      CREATE INDEX quantity_measure_idx ON quantity (measure_id, kind);

      CREATE TABLE statement_relation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_id uuid NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
        to_id uuid NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('CONTRADICTS', 'SUPPORTS', 'COMPARES_WITH', 'REVISES', 'RESPONDS_TO')),
        note text,
        UNIQUE (from_id, to_id, type),
        CHECK (from_id <> to_id)
      );
      CREATE INDEX statement_relation_to_idx ON statement_relation (to_id);

      CREATE TABLE review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL,
        reviewer_kind text NOT NULL DEFAULT 'ORGANIZATION' CHECK (reviewer_kind = 'ORGANIZATION'),
        rating_text text NOT NULL CHECK (length(btrim(rating_text)) BETWEEN 1 AND 300),
        rating_value numeric,
        best_rating numeric,
        worst_rating numeric,
        summary text,
        url text CHECK (url ~ '^https?://'),
        reviewed_on date NOT NULL,
        FOREIGN KEY (reviewer_id, reviewer_kind) REFERENCES speaker (id, kind),
        CHECK ((rating_value IS NULL) OR (best_rating IS NOT NULL AND worst_rating IS NOT NULL)),
        CHECK (worst_rating IS NULL OR best_rating IS NULL OR worst_rating <> best_rating),
        CHECK (rating_value IS NULL OR rating_value BETWEEN least(worst_rating, best_rating) AND greatest(worst_rating, best_rating))
      );
      CREATE INDEX review_statement_idx ON review (statement_id, reviewed_on DESC, id DESC);
      CREATE INDEX review_reviewer_idx ON review (reviewer_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE review, statement_relation, quantity, statement_topic, topic, measure,
        appearance, statement, source, event, role, speaker;
      DROP FUNCTION claimgraph_days_in(text), claimgraph_is_span_start(date, text), claimgraph_span_end(date, text);
    `);
  }
}
