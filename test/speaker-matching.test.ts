import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole, createApiKey } from '../src/domain/api-key/api-key.service';
import { startTestApp, type TestApp } from './support/test-app';

const MATCHES = /* GraphQL */ `
  query Matches($name: String!, $kind: SpeakerKind) {
    speakerMatches(name: $name, kind: $kind) { score matchedName speaker { name kind } }
  }
`;

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordStatementInput!) {
    recordStatement(input: $input) {
      speakerCreated
      speakerMatch { score matchedName speaker { name } }
      statement { speaker { name } }
    }
  }
`;

const recordInput = (speaker: Record<string, unknown>) => ({
  text: 'Russian losses keep rising.', mode: 'PARAPHRASE', speaker, stated: { date: '2026-02-03', precision: 'DAY' },
});

describe('speaker matching', () => {
  let api: TestApp;
  let editor: string;
  before(async () => {
    api = await startTestApp({ seed: true });
    editor = (await createApiKey(api.app.database.pool, 'matching-editor', ApiRole.EDITOR)).secret;
  });
  after(() => api.close());

  const matches = async (name: string, kind?: string) => {
    const response = await api.gql(MATCHES, { name, kind });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data.speakerMatches as Array<{ score: number; matchedName: string; speaker: { name: string } }>;
  };

  it('finds a speaker under transliterations, misspellings and a surname alone, best first with a score', async () => {
    for (const name of ['Syrsky', 'Sirskyi', 'Oleksandr Syrsky', 'SYRSKYI', 'Oleksándr Syrskyi.']) {
      const [best] = await matches(name);
      assert.equal(best?.speaker.name, 'Oleksandr Syrskyi', name);
      assert.ok(best.score >= 0.6 && best.score <= 1, `${name}: ${best.score}`);
    }
    const [sirskyi] = await matches('Sirskyi');
    assert.equal(sirskyi.matchedName, 'Sirsky');
    assert.equal(Math.round(sirskyi.score * 100), 67);
    const [rute] = await matches('Mark Rute');
    assert.deepEqual({ name: rute.speaker.name, matched: rute.matchedName, score: rute.score }, { name: 'Mark Rutte', matched: 'Mark Rutte', score: 0.75 });
    assert.equal((await matches('Fedorov'))[0].speaker.name, 'Mykhailo Fedorov');
    assert.equal((await matches('Oleksandr Syrskyi'))[0].score, 1);
  });

  it('does not match different people with similar names', async () => {
    assert.deepEqual(await matches('Mark Ruffalo'), []);
    assert.deepEqual(await matches('Vladimir Putin'), []);
    assert.deepEqual(await matches('Mykola Fedorchuk'), []);
    assert.deepEqual(await matches('NATO', 'PERSON'), []);
    assert.equal((await matches('NATO', 'ORGANIZATION'))[0].speaker.name, 'NATO');
  });

  it('lets recordStatement take a close spelling for the recorded speaker, above the threshold only', async () => {
    const record = async (speaker: Record<string, unknown>) => {
      const response = await api.gql(RECORD, { input: recordInput(speaker) }, { key: editor });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      return response.data.recordStatement;
    };
    const rute = await record({ name: 'Mark Rute' });
    assert.equal(rute.speakerCreated, false);
    assert.equal(rute.statement.speaker.name, 'Mark Rutte');
    assert.deepEqual(rute.speakerMatch, { score: 0.75, matchedName: 'Mark Rutte', speaker: { name: 'Mark Rutte' } });

    const exact = await record({ name: 'Mark Rutte' });
    assert.equal(exact.speakerMatch, null, 'an exact name is no similarity match');

    // 0.67 is below the default 0.7: a new speaker, unless the caller lowers the threshold.
    const lowered = await record({ name: 'Sirskyi', similarityThreshold: 0.65 });
    assert.equal(lowered.statement.speaker.name, 'Oleksandr Syrskyi');
    const created = await record({ name: 'Sirskyi' });
    assert.equal(created.speakerCreated, true);
    assert.equal(created.statement.speaker.name, 'Sirskyi');

    const off = await record({ name: 'Mark Rutt', similarityThreshold: 1 });
    assert.equal(off.speakerCreated, true);
    assert.equal(off.statement.speaker.name, 'Mark Rutt');
  });

  it('refuses a threshold out of range, naming the field', async () => {
    const response = await api.gql(RECORD, { input: recordInput({ name: 'Mark Rute', similarityThreshold: 0.2 }) }, { key: editor });
    assert.equal(response.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.match(response.errors![0].extensions!.fields![0].field, /similarityThreshold$/);
  });
});
