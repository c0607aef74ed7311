import type { DataSource, EntityManager } from 'typeorm';
import { normalizeName } from '../domain/speaker/speaker-matching';
import { REFERENCE_ARTICLE } from './reference-article';
import {
  SEED_IDS,
  seedId,
  seedEvents,
  seedMeasures,
  seedRelations,
  seedRoles,
  seedSources,
  seedSpeakers,
  seedStatements,
  seedTopics,
} from './seed-data';

type Row = Record<string, unknown>;

/** Inserts rows that are not there yet (by primary key), returning how many were new. */
async function insertMissing(manager: EntityManager, table: string, rows: Row[], conflict = '(id)'): Promise<number> {
  let inserted = 0;
  for (const row of rows) {
    const columns = Object.keys(row);
    const placeholders = columns.map((_, index) => `$${index + 1}`);
    const result: unknown[] = await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) ON CONFLICT ${conflict} DO NOTHING RETURNING 1`,
      Object.values(row),
    );
    inserted += result.length;
  }
  return inserted;
}

function articleOffsets(excerpt: string): { start_offset: number; end_offset: number } {
  const start = REFERENCE_ARTICLE.indexOf(excerpt);
  if (start < 0) throw new Error(`seed excerpt is not in the reference article: ${excerpt}`);
  return { start_offset: start, end_offset: start + excerpt.length };
}

/**
 * Loads the reference article's speakers, roles, events, source, statements, figures
 * and relations in one transaction. Idempotent: rows already present are left as they are.
 * Returns how many rows were added.
 */
export async function seedReferenceArticle(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    let added = 0;
    added += await insertMissing(manager, 'speaker', seedSpeakers);
    added += await insertMissing(
      manager,
      'speaker_name_key',
      seedSpeakers.flatMap((speaker) =>
        [...new Set([speaker.name, ...speaker.aliases].map(normalizeName))].map((key) => ({ key, speaker_id: speaker.id })),
      ),
      '(key)',
    );
    added += await insertMissing(manager, 'role', seedRoles);
    added += await insertMissing(manager, 'event', seedEvents);
    added += await insertMissing(manager, 'source', seedSources);
    added += await insertMissing(manager, 'measure', seedMeasures);
    added += await insertMissing(manager, 'topic', seedTopics);
    for (const [index, statement] of seedStatements.entries()) {
      const statementId = SEED_IDS.statement(index + 1);
      added += await insertMissing(manager, 'statement', [
        {
          id: statementId, text: statement.text, mode: statement.mode, speaker_id: statement.speaker, event_id: statement.event,
          stated_on: statement.stated_on, stated_precision: statement.stated_precision, status: statement.status, language: 'en',
        },
      ]);
      added += await insertMissing(
        manager,
        'appearance',
        [{ id: seedId(9, index + 1), statement_id: statementId, source_id: SEED_IDS.article, excerpt: statement.excerpt, ...articleOffsets(statement.excerpt) }],
      );
      added += await insertMissing(
        manager,
        'statement_topic',
        statement.topics.map((topicId) => ({ statement_id: statementId, topic_id: topicId })),
        '(statement_id, topic_id)',
      );
      added += await insertMissing(
        manager,
        'quantity',
        statement.quantities.map((quantity, position) => ({
          id: seedId(10, (index + 1) * 10 + position),
          statement_id: statementId, measure_id: SEED_IDS.deaths, position: position + 1, unit: 'soldiers killed',
          value: quantity.value ?? null, lower: quantity.lower ?? null, upper: quantity.upper ?? null,
          approximate: quantity.approximate, period: quantity.period, span_length: quantity.span_length ?? null,
          span_unit: quantity.span_unit ?? null, kind: quantity.kind,
        })),
      );
    }
    added += await insertMissing(manager, 'statement_relation', seedRelations);
    return added;
  });
}

/** Whether the database holds no statements yet (start-up seeds only then). */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM statement) AS empty');
  return row.empty === true;
}
