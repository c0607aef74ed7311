import type { GraphQLResolveInfo } from 'graphql';
import { hydrate } from '../../db/entity-rows';
import { OrderKey, readPages } from '../../db/keyset-page';
import { SqlParams } from '../../db/sql-session';
import { pageWindow, selectsField, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Statement } from '../statement/statement.entity';
import { decodeFilter, filterConditions } from '../statement/statement.service';
import { SearchField, SearchOrder, SearchStatementsArgs, Snippet, StatementSearchConnection, StatementSearchEdge } from './statement-search.types';

const RANK = 'ts_rank(t.search_document, q.query)';

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
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

const headline = (document: string, options: string) => `ts_headline(q.config, ${document}, q.query, ${options})`;

/**
 * The snippet column, as [field, marked text]: from the statement when its text matches
 * (tested once per row), else from the first matching excerpt, else the statement's start.
 */
function snippetColumns(options: string): string {
  return `
    CASE WHEN to_tsvector(q.config, t.text) @@ q.query THEN ARRAY['TEXT', ${headline('t.text', options)}]
      ELSE coalesce(
        (SELECT ARRAY['EXCERPT', ${headline('a.excerpt', options)}] FROM appearance a
          WHERE a.statement_id = t.id AND a.deleted_at IS NULL AND to_tsvector(q.config, a.excerpt) @@ q.query ORDER BY a.id LIMIT 1),
        ARRAY['TEXT', ${headline('t.text', options)}])
    END AS "searchSnippet",
    ${RANK} AS "searchRank"`;
}

/** Splits marked headline text into plain text and highlight ranges. */
export function parseHeadline(field: SearchField, marked: string): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let start = -1;
  for (const char of marked) {
    if (char === MARK_START) start = text.length;
    else if (char === MARK_END) {
      if (start >= 0 && text.length > start) highlights.push({ start, end: text.length });
      start = -1;
    } else text += char;
  }
  return { field, text, highlights };
}

interface HitRow {
  searchSnippet: [SearchField, string];
  searchRank: number;
  [column: string]: unknown;
}

/**
 * Full-text search over statements and the excerpts that report them, ranked, with a
 * snippet per hit, combinable with every statement filter. One SQL statement; the GIN
 * index on statement.search_document finds the matches.
 */
export async function searchStatements(context: Context, args: SearchStatementsArgs, info: GraphQLResolveInfo): Promise<StatementSearchConnection> {
  const decoded = decodeFilter(args.filter);
  const order = ORDER[args.orderBy];
  const window = pageWindow(args, order);
  const params = new SqlParams();
  const language = params.add(args.language ?? null, 'text');
  const from = `statement t CROSS JOIN (SELECT websearch_to_tsquery(claimgraph_ts_config(${language}), ${params.add(args.query, 'text')}) AS query,
    claimgraph_ts_config(${language}) AS config) q`;
  const options = params.add(HEADLINE_OPTIONS, 'text');
  const reads = context.loaders.rowReads(Statement, info);
  const spec = {
    from,
    columns: `${reads.columns}, ${snippetColumns(options)}`,
    joins: reads.joins,
    onRow: context.loaders.onRow(reads),
    // The words decide the best plan (how many statements match), so it is made for them.
    planPerValues: true,
    // Ranking reads every match anyway; counting them again would repeat the text search.
    countWithPage: true,
    order,
    descending: true,
    conditions: ['t.deleted_at IS NULL', 't.search_document @@ q.query', ...filterConditions(decoded, params)],
    params,
  };
  const [page] = await readPages<HitRow>(context.sql, spec, window, null, selectsField(info, 'totalCount'));
  const connection = toConnection(page, (row) => row);
  const edges: StatementSearchEdge[] = connection.edges.map(({ node: row, cursor }) => {
    const { searchSnippet: [field, marked], searchRank, ...columns } = row;
    return { cursor, node: hydrate(Statement, columns), rank: searchRank, snippet: parseHeadline(field, marked) };
  });
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: connection.pageInfo, totalCount: connection.totalCount };
}
