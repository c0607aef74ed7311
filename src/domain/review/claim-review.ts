/** Everything one ClaimReview needs, read in one row. */
export interface ClaimReviewRow {
  id: string;
  url: string | null;
  reviewedOn: string;
  ratingText: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  summary: string | null;
  claim: string;
  statedOn: string;
  statedPrecision: string;
  reviewer: { name: string; wikidataId: string | null };
  speaker: { name: string; kind: 'PERSON' | 'ORGANIZATION'; wikidataId: string | null; jobTitle: string | null };
  sources: Array<{ url: string; title: string; publisher: string | null; publishedOn: string | null }>;
}

/**
 * The review rows as ClaimReview needs them: the review, its statement, speaker (with the
 * role held on the day), reviewer and the sources that carried the claim, earliest first.
 * `where` is a condition on review r.
 */
export function claimReviewSql(where: string, order = 'r.id'): string {
  return `
    SELECT r.id, r.url, r.reviewed_on AS "reviewedOn", r.rating_text AS "ratingText", r.rating_value AS "ratingValue",
      r.best_rating AS "bestRating", r.worst_rating AS "worstRating", r.summary,
      st.text AS claim, st.stated_on AS "statedOn", st.stated_precision AS "statedPrecision",
      json_build_object('name', rv.name, 'wikidataId', rv.wikidata_id) AS reviewer,
      json_build_object('name', sp.name, 'kind', sp.kind, 'wikidataId', sp.wikidata_id, 'jobTitle', (
        SELECT ro.title FROM role ro WHERE ro.speaker_id = sp.id AND ro.deleted_at IS NULL
          AND (ro.started_on IS NULL OR ro.started_on <= st.stated_until) AND (ro.ended_on IS NULL OR ro.ended_on >= st.stated_on)
        ORDER BY ro.started_on DESC NULLS LAST, ro.id LIMIT 1)) AS speaker,
      coalesce((
        SELECT json_agg(json_build_object('url', so.url, 'title', so.title, 'publisher', so.publisher, 'publishedOn', so.published_on)
          ORDER BY so.published_on NULLS LAST, so.url)
        FROM appearance a JOIN source so ON so.id = a.source_id AND so.deleted_at IS NULL
        WHERE a.statement_id = st.id AND a.deleted_at IS NULL), '[]') AS sources
    FROM review r
    JOIN statement st ON st.id = r.statement_id AND st.deleted_at IS NULL
    JOIN speaker rv ON rv.id = r.reviewer_id
    JOIN speaker sp ON sp.id = st.speaker_id
    WHERE r.deleted_at IS NULL AND ${where}
    ORDER BY ${order}`;
}

const wikidata = (id: string | null) => (id ? { sameAs: `https://www.wikidata.org/wiki/${id}` } : {});

/**
 * A review as schema.org ClaimReview JSON-LD, with every property Google's fact-check
 * documentation requires (claimReviewed, reviewRating with alternateName, url) and the
 * recommended ones it has data for (author, datePublished, itemReviewed as a Claim with
 * its author, date, appearances and first appearance). A review stored without a URL
 * exports without `url`, which Google needs: such a document is not eligible for its
 * fact-check results.
 */
export function toClaimReview(row: ClaimReviewRow): Record<string, unknown> {
  const numeric = (name: string, value: number | null) => (value == null ? {} : { [name]: value });
  const appearances = row.sources.map((source) => ({
    '@type': 'CreativeWork',
    url: source.url,
    headline: source.title,
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.publishedOn ? { datePublished: source.publishedOn } : {}),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(row.url ? { url: row.url } : {}),
    claimReviewed: row.claim,
    datePublished: row.reviewedOn,
    author: { '@type': 'Organization', name: row.reviewer.name, ...wikidata(row.reviewer.wikidataId) },
    reviewRating: {
      '@type': 'Rating',
      alternateName: row.ratingText,
      ...numeric('ratingValue', row.ratingValue),
      ...numeric('bestRating', row.bestRating),
      ...numeric('worstRating', row.worstRating),
      ...(row.summary ? { ratingExplanation: row.summary } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      author: {
        '@type': row.speaker.kind === 'ORGANIZATION' ? 'Organization' : 'Person',
        name: row.speaker.name,
        ...(row.speaker.jobTitle && row.speaker.kind === 'PERSON' ? { jobTitle: row.speaker.jobTitle } : {}),
        ...wikidata(row.speaker.wikidataId),
      },
      // A partial date exports as its first day: JSON-LD dates have no precision.
      datePublished: row.statedOn,
      ...(appearances.length ? { appearance: appearances, firstAppearance: appearances[0] } : {}),
    },
  };
}
