/**
 * The form names are matched in: accents and case dropped, punctuation and runs of space
 * folded to one space. "Oleksandr  Syrskyi", "oleksandr syrskyi" and "Oleksándr Syrskyi."
 * are one speaker; transliteration variants ("Syrsky") match only as recorded aliases.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How close a spelling must be to a recorded name or alias (pg_trgm similarity, 0 to 1)
 * for recordStatement to take it for that speaker instead of creating a new one.
 * "Mark Rute" scores 0.75 against "Mark Rutte"; "Mykola Fedorov" 0.52 against "Mykhailo Fedorov".
 */
export const SIMILAR_SPEAKER_THRESHOLD = 0.7;

export interface SpeakerMatchRow {
  id: string;
  /** The recorded name or alias that came closest. */
  matchedName: string;
  score: number;
}

type Query = (text: string, params: unknown[]) => Promise<unknown[]>;

/**
 * Speakers whose names or aliases are close to `name`, best first. Candidates come from
 * the trigram index on the folded names and aliases (pg_trgm word similarity of at least
 * 0.6, so a surname alone finds the person); each is scored by the similarity of the
 * query to its closest single name or alias.
 */
export async function findSimilarSpeakers(query: Query, name: string, options: { kind?: string; limit: number; /** SELECT list on alias s, id included; the id alone by default. */ columns?: string }): Promise<Array<SpeakerMatchRow & Record<string, unknown>>> {
  const rows = await query(
    `SELECT ${options.columns ?? 's.id'}, m.name AS "matchedName", round(m.score::numeric, 4)::float8 AS score
     FROM speaker s
     CROSS JOIN LATERAL (
       SELECT n AS name, similarity(claimgraph_fold(n), claimgraph_fold($1)) AS score
       FROM unnest(array_prepend(s.name, s.aliases)) n
       ORDER BY score DESC, n LIMIT 1) m
     WHERE claimgraph_fold($1) <% s.name_search AND s.deleted_at IS NULL AND ($2::text IS NULL OR s.kind = $2)
     ORDER BY m.score DESC, word_similarity(claimgraph_fold($1), s.name_search) DESC, s.name, s.id
     LIMIT $3`,
    [name, options.kind ?? null, options.limit],
  );
  return rows as Array<SpeakerMatchRow & Record<string, unknown>>;
}
