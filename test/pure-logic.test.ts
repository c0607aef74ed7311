import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatePrecision, parseIsoDate, partialDateLabel } from '../src/domain/common/partial-date';
import { spanStart } from '../src/domain/common/partial-date.input';
import { columnNames, inOrder } from '../src/db/keyset-page';
import { wholeMonths } from '../src/domain/comparison/figure-comparison.service';
import { dateConditions, parseHeadline } from '../src/domain/search/statement-search.service';
import { SearchField } from '../src/domain/search/statement-search.types';
import { normalizeUrl } from '../src/domain/source/source.service';
import { REFERENCE_ARTICLE } from '../src/seed/reference-article';
import { seedStatements } from '../src/seed/seed-data';
import fs from 'node:fs';
import path from 'node:path';

describe('partial dates', () => {
  it('label each precision the way people write it', () => {
    assert.equal(partialDateLabel('2026-01-16', DatePrecision.DAY), '2026-01-16');
    assert.equal(partialDateLabel('2026-01-19', DatePrecision.WEEK), '2026-W04');
    assert.equal(partialDateLabel('2024-12-30', DatePrecision.WEEK), '2025-W01');
    assert.equal(partialDateLabel('2025-12-01', DatePrecision.MONTH), '2025-12');
    assert.equal(partialDateLabel('2025-01-01', DatePrecision.YEAR), '2025');
  });

  it('snap any day to the start of its span', () => {
    assert.equal(spanStart({ date: '2026-01-21', precision: DatePrecision.WEEK }), '2026-01-19');
    assert.equal(spanStart({ date: '2026-01-19', precision: DatePrecision.WEEK }), '2026-01-19');
    assert.equal(spanStart({ date: '2026-01-25', precision: DatePrecision.WEEK }), '2026-01-19');
    assert.equal(spanStart({ date: '2025-12-17', precision: DatePrecision.MONTH }), '2025-12-01');
    assert.equal(spanStart({ date: '2025-12-17', precision: DatePrecision.YEAR }), '2025-01-01');
    assert.equal(spanStart({ date: '2025-12-17', precision: DatePrecision.DAY }), '2025-12-17');
  });

  it('refuse a day that is not on the calendar', () => {
    assert.equal(parseIsoDate('2025-02-30'), null);
    assert.equal(parseIsoDate('2024-02-29')?.toISOString().slice(0, 10), '2024-02-29');
  });
});

describe('source URLs', () => {
  it('normalize to one spelling', () => {
    assert.equal(
      normalizeUrl('HTTPS://News.Example.COM:443/a/b/?utm_source=x&z=1&a=2#top'),
      'https://news.example.com/a/b?a=2&z=1',
    );
    assert.equal(normalizeUrl('http://example.org'), 'http://example.org/');
  });

  it('refuse what is not an http URL, naming the field', () => {
    assert.throws(() => normalizeUrl('ftp://example.org/file', 'source.url'), { message: 'source.url: must be an http or https URL' });
    assert.throws(() => normalizeUrl('not a url'), { message: 'url: "not a url" is not a URL' });
  });
});

describe('the seed', () => {
  it('quotes the reference article verbatim', () => {
    for (const statement of seedStatements) assert.ok(REFERENCE_ARTICLE.includes(statement.excerpt), statement.excerpt);
    const shared = path.resolve(__dirname, '../../../shared/data/seed-article.txt');
    if (fs.existsSync(shared)) assert.equal(REFERENCE_ARTICLE, fs.readFileSync(shared, 'utf8'));
  });
});

describe('rows of a nested page read', () => {
  // [ord, outer row number, nested row number]; bigint row numbers arrive as strings, a missing level as null.
  const rows = [
    [1, '1', '1'],
    [1, '1', '2'],
    [1, '2', null],
    [2, '1', '1'],
  ];

  it('keeps rows PostgreSQL returned in order as they are', () => {
    assert.equal(inOrder(rows, 0, [1, 2]), rows);
  });

  it('puts rows back in order by parent key, then by each level\'s row number', () => {
    const shuffled = [rows[3], rows[2], rows[1], rows[0]];
    assert.deepEqual(inOrder(shuffled, 0, [1, 2]), rows);
    assert.deepEqual(inOrder([rows[1], rows[0], rows[2]], 0, [1, 2]), rows.slice(0, 3));
  });
});

describe('search date conditions', () => {
  it('put a range of up to two years as a span, a wider or undated one for the date index', () => {
    const now = Date.UTC(2026, 10, 27);
    assert.equal(dateConditions({ statedFrom: '2024-01-01', statedTo: '2024-03-31' }, now), 'span');
    assert.equal(dateConditions({ statedFrom: '2023-01-01', statedTo: '2024-12-31' }, now), 'span');
    assert.equal(dateConditions({ statedFrom: '2023-01-01', statedTo: '2025-01-02' }, now), 'stated_on');
    assert.equal(dateConditions({ statedFrom: '2015-01-01', statedTo: '2026-12-31' }, now), 'stated_on');
    // Open at its end, a range runs to now; open at its start, it reads the date index.
    assert.equal(dateConditions({ statedFrom: '2026-01-01' }, now), 'span');
    assert.equal(dateConditions({ statedFrom: '2020-01-01' }, now), 'stated_on');
    assert.equal(dateConditions({ statedTo: '2022-12-31' }, now), 'stated_on');
    assert.equal(dateConditions({}, now), 'stated_on');
  });
});

describe('search snippets', () => {
  const S = '\uE000';
  const E = '\uE001';
  it('turn marked headline text into plain text and ranges over it', () => {
    assert.deepEqual(parseHeadline(SearchField.TEXT, `${S}Ceasefire${E} talks … the ${S}talks${E}`), {
      field: SearchField.TEXT,
      text: 'Ceasefire talks … the talks',
      highlights: [{ start: 0, end: 9 }, { start: 22, end: 27 }],
    });
    assert.deepEqual(parseHeadline(SearchField.EXCERPT, 'no match here'), { field: SearchField.EXCERPT, text: 'no match here', highlights: [] });
  });

  it('count ranges in UTF-16 code units, as JavaScript and JSON clients do', () => {
    const { text, highlights } = parseHeadline(SearchField.TEXT, `Zürich 🇺🇦 ${S}Kyiv${E}`);
    assert.equal(text, 'Zürich 🇺🇦 Kyiv');
    assert.deepEqual(highlights, [{ start: 12, end: 16 }]);
    assert.equal(text.slice(highlights[0].start, highlights[0].end), 'Kyiv');
  });

  it('drop empty and unclosed ranges and stray end marks', () => {
    assert.deepEqual(parseHeadline(SearchField.TEXT, `a${S}${E}b${E}c${S}d`), { field: SearchField.TEXT, text: 'abcd', highlights: [] });
  });
});

describe('whole months of a comparison', () => {
  it('start at the first month the range starts on or before and end after the last it covers to its end', () => {
    assert.deepEqual(wholeMonths('2025-01-01', '2025-12-31'), { start: '2025-01-01', end: '2026-01-01' });
    assert.deepEqual(wholeMonths('2025-01-02', '2025-12-30'), { start: '2025-02-01', end: '2025-12-01' });
    assert.deepEqual(wholeMonths('2024-02-01', '2024-02-29'), { start: '2024-02-01', end: '2024-03-01' });
    assert.deepEqual(wholeMonths('2025-12-15', '2026-02-28'), { start: '2026-01-01', end: '2026-03-01' });
  });

  it('leave an open end open', () => {
    assert.deepEqual(wholeMonths(null, '2025-06-30'), { start: null, end: '2025-07-01' });
    assert.deepEqual(wholeMonths('2025-06-02', null), { start: '2025-07-01', end: null });
    assert.deepEqual(wholeMonths(null, null), { start: null, end: null });
  });

  it('are none when the range holds no month whole', () => {
    assert.equal(wholeMonths('2025-03-02', '2025-03-31'), null);
    assert.equal(wholeMonths('2025-03-01', '2025-03-30'), null);
    assert.equal(wholeMonths('2025-03-15', '2025-04-14'), null);
  });
});

describe('column names of a SELECT list', () => {
  it('are the top-level AS "…" names, not those of subqueries or text inside it', () => {
    const list = `t.id AS "id", (SELECT json_agg(x) FROM (SELECT b.id AS "inner", ')' AS "fake" FROM b) x) AS "__spreads", 'it''s (' AS "label", t.x AS "__ref0.id"`;
    assert.deepEqual(columnNames(list), ['id', '__spreads', 'label', '__ref0.id']);
  });
});
