import type { Database } from '../../src/db/database';

/** The uuid of fixture row `n` of a group, readable in failures: 00000000-0000-4000-8<group>-<n>. */
export function fixtureId(group: number, n: number): string {
  return `00000000-0000-4000-8${String(group).padStart(3, '0')}-${String(n).padStart(12, '0')}`;
}

const uuid = (group: number, expression: string) =>
  `('00000000-0000-4000-8${String(group).padStart(3, '0')}-' || lpad((${expression})::text, 12, '0'))::uuid`;

export const FIXTURE = { speakers: 20, events: 40, sources: 30, measures: 3, topics: 5 } as const;

/**
 * Loads a deterministic dataset of `statements` statements spread over 20 speakers (all
 * members of one organization), 40 events, 30 sources, 3 measures and 5 topics, with
 * figures, relations (each odd statement contradicts the next) and fact-checks (of every
 * even one). Many statements share a date, so ordering has to break ties by id.
 */
export async function loadFixture(database: Database, statements: number): Promise<void> {
  await database.dataSource.transaction(async (manager) => {
    await manager.query(`
      INSERT INTO speaker (id, kind, name) VALUES (${uuid(1, '0')}, 'ORGANIZATION', 'Fixture Ministry'), (${uuid(1, '999')}, 'ORGANIZATION', 'Fixture Checkers');
      INSERT INTO speaker (id, kind, name, aliases)
        SELECT ${uuid(1, 'i')}, 'PERSON', 'Speaker ' || lpad(i::text, 3, '0'), ARRAY['Alias ' || i] FROM generate_series(1, ${FIXTURE.speakers}) i;
      INSERT INTO role (id, speaker_id, organization_id, title, started_on)
        SELECT ${uuid(2, 'i')}, ${uuid(1, 'i')}, ${uuid(1, '0')}, 'Official ' || i, '2020-01-01' FROM generate_series(1, ${FIXTURE.speakers}) i;
      INSERT INTO event (id, kind, title, occurred_on, occurred_precision)
        SELECT ${uuid(3, 'i')}, 'PRESS_BRIEFING', 'Briefing ' || i, '2024-01-01'::date + i, 'DAY' FROM generate_series(1, ${FIXTURE.events}) i;
      INSERT INTO source (id, url, title, published_on, published_precision)
        SELECT ${uuid(4, 'i')}, 'https://news.example/story-' || i, 'Story ' || i, '2024-02-01'::date + i, 'DAY' FROM generate_series(1, ${FIXTURE.sources}) i;
      INSERT INTO measure (id, slug, label, unit)
        SELECT ${uuid(5, 'i')}, 'measure-' || i, 'Measure ' || i, 'units' FROM generate_series(1, ${FIXTURE.measures}) i;
      INSERT INTO topic (id, slug, label)
        SELECT ${uuid(7, 'i')}, 'topic-' || i, 'Topic ' || i FROM generate_series(1, ${FIXTURE.topics}) i;
    `);
    await manager.query(`
      INSERT INTO statement (id, text, mode, speaker_id, event_id, stated_on, stated_precision, status)
        SELECT ${uuid(6, 'i')}, 'Fixture statement ' || i, CASE WHEN i % 4 = 0 THEN 'DIRECT_QUOTE' ELSE 'PARAPHRASE' END,
          ${uuid(1, `(i % ${FIXTURE.speakers}) + 1`)}, ${uuid(3, `(i % ${FIXTURE.events}) + 1`)},
          '2024-01-01'::date + (i % 50), 'DAY', CASE WHEN i % 3 = 0 THEN 'DISPUTED' ELSE 'UNVERIFIED' END
        FROM generate_series(1, $1::int) i;
      `.replace('$1::int', String(statements)));
    await manager.query(`
      INSERT INTO appearance (statement_id, source_id, excerpt)
        SELECT ${uuid(6, 'i')}, ${uuid(4, `(i % ${FIXTURE.sources}) + 1`)}, 'Excerpt ' || i FROM generate_series(1, ${statements}) i;
      INSERT INTO appearance (statement_id, source_id, excerpt)
        SELECT ${uuid(6, 'i')}, ${uuid(4, `((i + 7) % ${FIXTURE.sources}) + 1`)}, 'Excerpt again ' || i FROM generate_series(1, ${statements}, 2) i;
      INSERT INTO statement_topic (statement_id, topic_id)
        SELECT ${uuid(6, 'i')}, ${uuid(7, `(i % ${FIXTURE.topics}) + 1`)} FROM generate_series(1, ${statements}) i;
      INSERT INTO quantity (statement_id, measure_id, position, value, unit, period, kind)
        SELECT ${uuid(6, 'i')}, ${uuid(5, `(i % ${FIXTURE.measures}) + 1`)}, 1, 1000 + i, 'units', 'MONTH', 'ESTIMATE' FROM generate_series(1, ${statements}) i;
      INSERT INTO statement_relation (from_id, to_id, type, note)
        SELECT ${uuid(6, 'i')}, ${uuid(6, 'i + 1')}, 'CONTRADICTS', 'fixture' FROM generate_series(1, ${statements} - 1, 2) i;
      INSERT INTO review (statement_id, reviewer_id, rating_text, reviewed_on)
        SELECT ${uuid(6, 'i')}, ${uuid(1, '999')}, 'Misleading', '2024-03-01' FROM generate_series(2, ${statements}, 2) i;
    `);
  });
}
