import type { GraphQLResolveInfo } from 'graphql';
import { hydrate } from '../../db/entity-rows';
import { type CursorValues, OrderKey, readPages } from '../../db/keyset-page';
import { SqlParams } from '../../db/sql-session';
import { encodeCursor, PageConnection, pageWindow, selectsField } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Statement } from '../statement/statement.entity';
import { parseIsoDate } from '../common/partial-date';
import { DateConditions, DecodedFilter, decodeFilter, filterConditions } from '../statement/statement.service';
import { SearchField, SearchOrder, SearchStatementsArgs, Snippet, StatementSearchConnection, StatementSearchEdge } from './statement-search.types';

const RANK = 'ts_rank(t.search_document, t.search_query)';

const ORDER: Record<SearchOrder, OrderKey[]> = {
  [SearchOrder.RELEVANCE]: [
    { expr: RANK, type: 'real' },
    { expr: 't.id', type: 'uuid' },
  ],
  [SearchOrder.NEWEST]: [
    { expr: 't.stated_on', type: 'date' },
    { expr: 't.id', type: 'uuid' },
  ],
};

// Matches are marked with two private-use characters, then turned into ranges, so clients
// get plain text and never have to trust markup built from the text.
const MARK_START = '\uE000';
const MARK_END = '\uE001';
const START_CODE = MARK_START.charCodeAt(0);
const END_CODE = MARK_END.charCodeAt(0);
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

const headline = (document: string, options: string) => `ts_headline(t.search_config, ${document}, t.search_query, ${options})`;

/**
 * The snippet, as the columns "snippetField" and "snippetText" (marked): from the statement
 * when its text matches, else from the first matching excerpt (the join `ex`, which reads
 * appearances only then), else the statement's start. Whether the text matches is read off
 * the stored document, whose weight-A part is the text (migration 1764230000000), rather than
 * by parsing the text again: 0.1-0.2 ms less of PostgreSQL per page of ten on the benchmark
 * (bench/NOTES.md). Two text columns rather than an array, which pg would parse character by
 * character.
 */
function snippetColumns(options: string): string {
  return `coalesce(ex.field, 'TEXT') AS "snippetField", coalesce(ex.marked, ${headline('t.text', options)}) AS "snippetText",
    ${RANK} AS "searchRank"`;
}

function snippetJoin(options: string): string {
  return `LEFT JOIN LATERAL (SELECT 'EXCERPT' AS field, ${headline('a.excerpt', options)} AS marked FROM appearance a
    WHERE NOT (ts_filter(t.search_document, '{a}') @@ t.search_query)
      AND a.statement_id = t.id AND a.deleted_at IS NULL AND to_tsvector(t.search_config, a.excerpt) @@ t.search_query
    ORDER BY a.id LIMIT 1) ex ON true`;
}

/**
 * Splits marked headline text into plain text and highlight ranges (in UTF-16 code units, as
 * JavaScript strings count). Copies the text between marks in slices rather than character by
 * character, which made a string for every character (a tenth of what a search allocated).
 */
export function parseHeadline(field: SearchField, marked: string): Snippet {
  const highlights: Snippet['highlights'] = [];
  let text = '';
  let start = -1;
  let copied = 0;
  for (let at = 0; at < marked.length; at += 1) {
    const mark = marked.charCodeAt(at);
    if (mark !== START_CODE && mark !== END_CODE) continue;
    text += marked.slice(copied, at);
    copied = at + 1;
    if (mark === START_CODE) start = text.length;
    else {
      if (start >= 0 && text.length > start) highlights.push({ start, end: text.length });
      start = -1;
    }
  }
  text += marked.slice(copied);
  return { field, text, highlights };
}

/**
 * The widest date range a search looks up by its span (statementSpanOverlaps), in days. The
 * span-and-words index reads every statement in the range, checking its words on the way;
 * the words' GIN index reads every statement holding them. Measured on the benchmark's
 * 200,000 statements, "ceasefire talks": a quarter 20 -> 3 ms, a year 24 -> 12 ms, two years
 * 32 -> 22 ms, eleven years 95 -> 182 ms; a word in no statement 0.2 -> 0.4 ms over a year.
 * PostgreSQL cannot weigh this itself (it costs the GiST index by the rows it returns, not by
 * the entries it checks), so the width decides. A range open at its end runs to today.
 */
const SPAN_SEARCH_MAX_DAYS = 731;

/** Which form a search's date conditions take (see SPAN_SEARCH_MAX_DAYS); `now` for a range open at its end. */
export function dateConditions(filter: DecodedFilter, now = Date.now()): DateConditions {
  if (!filter.statedFrom) return 'stated_on';
  const from = parseIsoDate(filter.statedFrom)!.getTime();
  const to = filter.statedTo ? parseIsoDate(filter.statedTo)!.getTime() : now;
  return (to - from) / 86_400_000 <= SPAN_SEARCH_MAX_DAYS ? 'span' : 'stated_on';
}

/** A hit whose cursor is encoded only when read, as every other connection's (PageConnection). */
class SearchHit implements StatementSearchEdge {
  constructor(
    readonly node: Statement,
    readonly rank: number,
    readonly snippet: Snippet,
    private readonly cursorValues: CursorValues,
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorValues);
  }
}

interface HitRow {
  snippetField: SearchField;
  snippetText: string;
  searchRank: number;
  [column: string]: unknown;
}

/**
 * Full-text search over statements and the excerpts that report them, ranked, with a
 * snippet per hit, combinable with every statement filter. One SQL statement: the GIN index
 * on statement.search_document finds the matches, or, for a range of dates up to two years
 * wide, the GiST index on each statement's span and document (see dateConditions).
 */
export async function searchStatements(context: Context, args: SearchStatementsArgs, info: GraphQLResolveInfo): Promise<StatementSearchConnection> {
  const decoded = decodeFilter(args.filter);
  const order = ORDER[args.orderBy];
  const window = pageWindow(args, order);
  const params = new SqlParams();
  const language = params.add(args.language ?? null, 'text');
  // The query and its text search configuration go along as columns of t, so that the
  // speaker and other rows are joined to the page's hits only (joinAfterLimit). OFFSET 0 keeps
  // the query a row of its own, parsed once rather than once per statement ranked.
  const from = `(SELECT s.*, q.query AS search_query, q.config AS search_config FROM statement s
    CROSS JOIN (SELECT websearch_to_tsquery(claimgraph_ts_config(${language}), ${params.add(args.query, 'text')}) AS query,
      claimgraph_ts_config(${language}) AS config OFFSET 0) q) t`;
  const options = params.add(HEADLINE_OPTIONS, 'text');
  const reads = context.loaders.rowReads(Statement, info);
  const spec = {
    from,
    columns: `${reads.columns}, ${snippetColumns(options)}`,
    joins: `${reads.joins ?? ''} ${snippetJoin(options)}`,
    joinAfterLimit: true,
    onRow: context.loaders.onRow(reads),
    // Ranking reads every match anyway; counting them again would repeat the text search.
    countWithPage: true,
    order,
    descending: true,
    conditions: ['t.deleted_at IS NULL', 't.search_document @@ t.search_query', ...filterConditions(decoded, params, dateConditions(decoded))],
    params,
  };
  const [page] = await readPages<HitRow>(context.sql, spec, window, null, selectsField(info, 'totalCount'));
  const edges = page.rows.map((row, index) => {
    const { snippetField, snippetText, searchRank, ...columns } = row;
    return new SearchHit(hydrate(Statement, columns), searchRank, parseHeadline(snippetField, snippetText), page.cursors[index]);
  });
  // pageInfo, too, encodes its two cursors only when read.
  const connection = new PageConnection(edges.map((edge) => edge.node), page.cursors, page, page.totalCount);
  return {
    edges,
    nodes: connection.nodes,
    get pageInfo() {
      return connection.pageInfo;
    },
    totalCount: connection.totalCount,
  };
}
