import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { encodeGlobalId } from '../src/graphql/global-id';
import { SEED_IDS } from '../src/seed/seed-data';
import { tableCounts } from './support/table-counts';
import { startTestApp, type TestApp } from './support/test-app';

/** The properties Google's fact-check documentation marks required, as paths into the JSON-LD. */
const REQUIRED = ['claimReviewed', 'reviewRating.alternateName', 'url'];
/** The ones it recommends, which Claimgraph fills whenever it has the data. */
const RECOMMENDED = ['author.name', 'datePublished', 'itemReviewed.author.name', 'itemReviewed.datePublished', 'itemReviewed.appearance', 'itemReviewed.firstAppearance.url', 'reviewRating.ratingValue', 'reviewRating.bestRating', 'reviewRating.worstRating'];

const valueAt = (document: Record<string, any>, path: string) => path.split('.').reduce<any>((value, key) => value?.[key], document);

/** A ClaimReview as a fact-checker's page would carry it (shaped like Google's documentation example). */
const FLAT_EARTH = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/science/world-is-flat.html',
  claimReviewed: 'The world is flat',
  datePublished: '2026-02-02T09:00:00Z',
  author: { '@type': 'Organization', name: 'Example Science Watch' },
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Organization', name: 'Square World Society', sameAs: 'https://www.wikidata.org/wiki/Q4200042' },
    datePublished: '2026-01-28',
    appearance: { '@type': 'CreativeWork', url: 'https://square-world.example/manifesto', headline: 'Our manifesto' },
  },
};

const IMPORT = /* GraphQL */ `
  mutation Import($document: JSONObject!) {
    importClaimReview(document: $document) {
      replayed speakerCreated
      statement { text mode stated { start precision } speaker { name kind wikidataId } appearances { nodes { excerpt source { url title } } } }
      review { ratingText ratingValue bestRating worstRating url reviewedOn reviewer { name kind } claimReview }
    }
  }
`;

describe('ClaimReview interchange', () => {
  let api: TestApp;
  let editor: string;
  before(async () => {
    api = await startTestApp({ seed: true });
    editor = (await createApiKey(api.app.database.pool, 'claimreview-editor', ApiRole.EDITOR)).secret;
  });
  after(() => api.close());

  const write = async (query: string, variables: Record<string, unknown>) => {
    const response = await api.gql(query, variables, { key: editor });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data;
  };

  it("exports a review of the seed's 35,000 figure with every required and recommended property", async () => {
    const { createSpeaker: checker } = await write('mutation ($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id } }', {
      input: { kind: 'ORGANIZATION', name: 'Fixture Fact Check', wikidataId: 'Q4200043' },
    });
    const { createReview: review } = await write('mutation ($input: CreateReviewInput!) { createReview(input: $input) { id } }', {
      input: {
        statement: encodeGlobalId('Statement', SEED_IDS.statement(4)), reviewer: checker.id, ratingText: 'Unproven', ratingValue: 2, bestRating: 5, worstRating: 1,
        summary: 'Combat videos show deaths, but no independent count matches 35,000 a month.', url: 'https://factcheck.example/fedorov-35000', reviewedOn: '2026-01-25',
      },
    });
    const response = await api.gql(`{ node(id: "${review.id}") { ... on Review { claimReview } } }`);
    const document = response.data.node.claimReview;
    for (const path of [...REQUIRED, ...RECOMMENDED]) assert.notEqual(valueAt(document, path), undefined, path);
    assert.deepEqual(document, {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/fedorov-35000',
      claimReviewed: 'Ukraine currently records about 35,000 Russian soldiers killed each month, evidenced by combat videos collected from the battlefield.',
      datePublished: '2026-01-25',
      author: { '@type': 'Organization', name: 'Fixture Fact Check', sameAs: 'https://www.wikidata.org/wiki/Q4200043' },
      reviewRating: {
        '@type': 'Rating', alternateName: 'Unproven', ratingValue: 2, bestRating: 5, worstRating: 1,
        ratingExplanation: 'Combat videos show deaths, but no independent count matches 35,000 a month.',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Mykhailo Fedorov', jobTitle: 'Minister' },
        datePublished: '2026-01-19',
        appearance: [document.itemReviewed.firstAppearance],
        firstAppearance: {
          '@type': 'CreativeWork', url: 'https://claimgraph.example/reference/russian-losses-per-month',
          headline: 'Ukraine sets a goal of 50,000 Russian soldiers killed per month (reference article)',
          publisher: { '@type': 'Organization', name: 'Reference article shipped with Claimgraph (publisher not given)' }, datePublished: '2026-01-19',
        },
      },
    });
  });

  it('imports a ClaimReview as statement, speaker, source and review, and exports it back', async () => {
    const { importClaimReview: imported } = await write(IMPORT, { document: FLAT_EARTH });
    assert.equal(imported.replayed, false);
    assert.equal(imported.speakerCreated, true);
    assert.deepEqual(imported.statement, {
      text: 'The world is flat', mode: 'PARAPHRASE', stated: { start: '2026-01-28', precision: 'DAY' },
      speaker: { name: 'Square World Society', kind: 'ORGANIZATION', wikidataId: 'Q4200042' },
      appearances: { nodes: [{ excerpt: 'The world is flat', source: { url: 'https://square-world.example/manifesto', title: 'Our manifesto' } }] },
    });
    const { claimReview, ...review } = imported.review;
    assert.deepEqual(review, {
      ratingText: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, url: 'https://factcheck.example/science/world-is-flat.html', reviewedOn: '2026-02-02',
      reviewer: { name: 'Example Science Watch', kind: 'ORGANIZATION' },
    });
    for (const path of ['url', 'claimReviewed', 'author.name', 'reviewRating.alternateName', 'reviewRating.ratingValue', 'itemReviewed.author.name', 'itemReviewed.author.sameAs', 'itemReviewed.datePublished']) {
      assert.deepEqual(valueAt(claimReview, path), valueAt(FLAT_EARTH, path), path);
    }
    assert.equal(claimReview.datePublished, '2026-02-02');
    assert.equal(claimReview.itemReviewed.firstAppearance.url, FLAT_EARTH.itemReviewed.appearance.url);
  });

  it('imports the same review again as a replay that writes nothing', async () => {
    const before = await tableCounts(api.app.database);
    const { importClaimReview: again } = await write(IMPORT, { document: FLAT_EARTH });
    assert.equal(again.replayed, true);
    assert.equal(again.statement.text, 'The world is flat');
    assert.deepEqual(await tableCounts(api.app.database), before);
  });

  it('refuses a document without the required properties, naming each, and writes nothing', async () => {
    const before = await tableCounts(api.app.database);
    const { claimReviewed: _claim, reviewRating: _rating, ...incomplete } = FLAT_EARTH;
    const response = await api.gql(IMPORT, { document: { ...incomplete, '@type': 'Review', url: 'ftp://nope' } }, { key: editor });
    assert.equal(response.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(response.errors?.[0].extensions?.fields?.map((problem) => problem.field), [
      'document.@type', 'document.claimReviewed', 'document.url', 'document.reviewRating.alternateName',
    ]);
    assert.deepEqual(await tableCounts(api.app.database), before);
    const anonymous = await api.gql(IMPORT, { document: FLAT_EARTH });
    assert.equal(anonymous.errors?.[0].extensions?.code, 'UNAUTHENTICATED');
  });
});
