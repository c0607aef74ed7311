import type { Transactions } from '../../db/sql-session';
import { DomainError, ErrorCode, type FieldProblem } from '../../graphql/errors';
import type { Actor } from '../api-key/api-key.service';
import { insertRow } from '../common/entity-writes.service';
import { DatePrecision, parseIsoDate } from '../common/partial-date';
import { SpeakerKind } from '../speaker/speaker.entity';
import type { RecordStatementInput, SpeakerRefInput } from '../statement/record-statement.inputs';
import { recordStatementWith, resolveSpeaker } from '../statement/record-statement.service';
import { StatementMode, VerificationStatus } from '../statement/statement.entity';

export interface ImportedClaimReview {
  reviewId: string;
  statementId: string;
  speakerCreated: boolean;
  /** True when a review with the same URL and claim was already stored; nothing was written. */
  replayed: boolean;
}

type Json = Record<string, unknown>;

/** Reads a ClaimReview document field by field, collecting every problem with its path. */
class DocumentReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly root: Json) {}

  private at(path: string): unknown {
    return path.split('.').reduce<unknown>((value, key) => {
      const inner = Array.isArray(value) ? value[0] : value;
      return inner && typeof inner === 'object' ? (inner as Json)[key] : undefined;
    }, this.root);
  }

  private problem(path: string, message: string): undefined {
    this.problems.push({ field: `document.${path}`, message });
    return undefined;
  }

  text(path: string, required: boolean, maxLength = 10000): string | undefined {
    const value = this.at(path);
    if (value == null || value === '') return required ? this.problem(path, 'is required') : undefined;
    if (typeof value !== 'string' || !value.trim()) return this.problem(path, 'must be a non-empty string');
    if (value.length > maxLength) return this.problem(path, `must be at most ${maxLength} characters`);
    return value.trim();
  }

  url(path: string, required: boolean): string | undefined {
    const value = this.text(path, required, 2000);
    if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) return this.problem(path, 'must be an http(s) URL');
    return value;
  }

  number(path: string): number | undefined {
    const value = this.at(path);
    if (value == null || value === '') return undefined;
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? number : this.problem(path, 'must be a number');
  }

  /** A schema.org Date or DateTime, as its calendar day. */
  day(path: string, required: boolean): string | undefined {
    const value = this.text(path, required, 40);
    if (value === undefined) return undefined;
    return parseIsoDate(value.slice(0, 10)) ? value.slice(0, 10) : this.problem(path, 'must be an ISO 8601 date, e.g. 2026-01-20');
  }

  type(path: string): string | undefined {
    const value = this.at(path);
    return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
  }

  wikidataId(path: string): string | undefined {
    const value = this.at(path);
    const match = typeof value === 'string' ? /wikidata\.org\/(?:wiki|entity)\/(Q[1-9][0-9]*)$/.exec(value) : null;
    return match?.[1];
  }
}

/**
 * What a ClaimReview document holds, mapped onto Claimgraph: the claim (claimReviewed)
 * becomes a PARAPHRASE statement by itemReviewed.author, dated itemReviewed.datePublished
 * (else the review's date) at DAY precision, carried by itemReviewed.firstAppearance (else
 * its first appearance) with the claim as excerpt; the review by the author organization.
 */
export function readClaimReview(document: Json): { statement: RecordStatementInput; reviewer: SpeakerRefInput; review: Json } {
  const read = new DocumentReader(document);
  if (read.type('@type') !== 'ClaimReview') read.problems.push({ field: 'document.@type', message: 'must be "ClaimReview"' });
  const claim = read.text('claimReviewed', true);
  const url = read.url('url', true);
  const reviewedOn = read.day('datePublished', true);
  const ratingText = read.text('reviewRating.alternateName', true, 300);
  const reviewerName = read.text('author.name', true, 300);
  if (read.type('author.@type') === 'Person') read.problems.push({ field: 'document.author.@type', message: 'a review must be by an Organization in Claimgraph' });
  const speakerName = read.text('itemReviewed.author.name', true, 300);
  const statedOn = read.day('itemReviewed.datePublished', false) ?? reviewedOn;
  const firstAppearance = read.url('itemReviewed.firstAppearance.url', false) ?? read.url('itemReviewed.appearance.url', false);
  const sourceTitle = read.text('itemReviewed.firstAppearance.headline', false, 1000) ?? read.text('itemReviewed.appearance.headline', false, 1000);
  const rating = {
    ratingValue: read.number('reviewRating.ratingValue'),
    bestRating: read.number('reviewRating.bestRating'),
    worstRating: read.number('reviewRating.worstRating'),
  };
  const summary = read.text('reviewRating.ratingExplanation', false, 10000) ?? read.text('reviewBody', false, 10000);
  if (read.problems.length) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, read.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), read.problems);
  }
  const speakerKind = read.type('itemReviewed.author.@type') === 'Organization' ? SpeakerKind.ORGANIZATION : SpeakerKind.PERSON;
  const statement = {
    text: claim!, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    speaker: { name: speakerName, kind: speakerKind, wikidataId: read.wikidataId('itemReviewed.author.sameAs'), similarityThreshold: 1 },
    stated: { date: statedOn!, precision: DatePrecision.DAY },
    source: firstAppearance ? { url: firstAppearance, title: sourceTitle ?? firstAppearance, excerpt: claim! } : undefined,
    quantities: [], topics: [],
  } as unknown as RecordStatementInput;
  const reviewer = { name: reviewerName, kind: SpeakerKind.ORGANIZATION, wikidataId: read.wikidataId('author.sameAs'), similarityThreshold: 1 } as unknown as SpeakerRefInput;
  const review = {
    url, reviewed_on: reviewedOn, rating_text: ratingText, summary: summary ?? null,
    rating_value: rating.ratingValue ?? null, best_rating: rating.bestRating ?? null, worst_rating: rating.worstRating ?? null,
  };
  return { statement, reviewer, review };
}

/**
 * Imports one ClaimReview as statement, speaker, source and review in one transaction.
 * A review already stored under the same URL for the same claim is returned as it is.
 */
export function importClaimReview(db: Transactions, actor: Actor, document: Json): Promise<ImportedClaimReview> {
  const { statement, reviewer, review } = readClaimReview(document);
  return db.transaction(async (manager) => {
    const [existing] = await manager.query(
      'SELECT r.id, r.statement_id FROM review r JOIN statement s ON s.id = r.statement_id WHERE r.url = $1 AND s.text = $2 AND r.deleted_at IS NULL AND s.deleted_at IS NULL',
      [review.url, statement.text],
    );
    if (existing) return { reviewId: existing.id, statementId: existing.statement_id, speakerCreated: false, replayed: true };
    const recorded = await recordStatementWith(manager, actor, statement);
    const reviewerId = (await resolveSpeaker(manager, actor, reviewer)).id;
    const reviewId = await insertRow(manager, actor, { table: 'review', entityType: 'Review' }, { ...review, statement_id: recorded.statementId, reviewer_id: reviewerId });
    return { reviewId, statementId: recorded.statementId, speakerCreated: recorded.speakerCreated, replayed: false };
  });
}
