import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionArgs, PageInfo } from '../../graphql/connection';
import { LANGUAGE_TAG } from '../../graphql/validators';
import { Statement } from '../statement/statement.entity';
import { StatementFilter } from '../statement/statement.inputs';

export enum SearchOrder {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
}

registerEnumType(SearchOrder, {
  name: 'SearchOrder',
  description: 'The order of search hits.',
  valuesConfig: {
    RELEVANCE: { description: 'Best match first: words in the statement count more than words in an excerpt. Ties broken by id.' },
    NEWEST: { description: 'Newest statement first, by the first day of its date; ties broken by id.' },
  },
});

export enum SearchField {
  TEXT = 'TEXT',
  EXCERPT = 'EXCERPT',
}

registerEnumType(SearchField, {
  name: 'SearchField',
  description: 'Where a search matched.',
  valuesConfig: {
    TEXT: { description: "The statement's own text." },
    EXCERPT: { description: 'The excerpt of a source that reported it.' },
  },
});

@ObjectType({ description: 'A stretch of a snippet, in UTF-16 code units (JavaScript string indices), end exclusive.' })
export class TextRange {
  @Field(() => Int, { description: 'Index of the first highlighted character.' })
  start: number;

  @Field(() => Int, { description: 'Index just past the last highlighted character.' })
  end: number;
}

@ObjectType({ description: 'The part of a hit that matched, as plain text with the matching words marked by ranges (no markup to escape).' })
export class Snippet {
  @Field(() => SearchField, { description: 'Whether the snippet comes from the statement or from an excerpt.' })
  field: SearchField;

  @Field({ description: 'The words around the matches; fragments are joined by " … ".' })
  text: string;

  @Field(() => [TextRange], { description: 'The matching words within text.' })
  highlights: TextRange[];
}

@ObjectType({ description: 'A statement that matched a search, with its cursor, rank and snippet.' })
export class StatementSearchEdge {
  @Field(() => Statement, { description: 'The statement.' })
  node: Statement;

  @Field({ description: 'Opaque cursor of this hit; pass it as after or before.' })
  cursor: string;

  @Field(() => Float, { description: "PostgreSQL's ts_rank of the hit: higher is better; comparable only within one search." })
  rank: number;

  @Field(() => Snippet, { description: 'Where and how it matched.' })
  snippet: Snippet;
}

@ObjectType({ description: 'A page of search hits.' })
export class StatementSearchConnection {
  @Field(() => [StatementSearchEdge], { description: 'The hits of this page with cursors, ranks and snippets.' })
  edges: StatementSearchEdge[];

  @Field(() => [Statement], { description: 'The statements of this page, without the rest.' })
  nodes: Statement[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many statements match in all. Counted only when selected.' })
  totalCount: number | null;
}

@ArgsType()
export class SearchStatementsArgs extends ConnectionArgs {
  @Field({ description: 'Words to find, in web-search syntax: `rutte soldiers` (all words), `"per month"` (a phrase), `losses or casualties`, `-afghanistan` (without). Words are stemmed: "killed" finds "kill" and "kills".' })
  @Length(1, 500)
  @Matches(/[\p{L}\p{N}]/u, { message: 'query must contain letters or digits' })
  query: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language of the query, which picks its stemming (e.g. "de"); English when not given. Statements are indexed in their own language.' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as "en" or "uk"' })
  language?: string;

  @Field(() => StatementFilter, { nullable: true, description: 'Conditions the statements must also meet, as on statements.' })
  @IsOptional()
  @ValidateNested()
  filter?: StatementFilter;

  @Field(() => SearchOrder, { defaultValue: SearchOrder.RELEVANCE, description: 'Best match first, or newest first.' })
  orderBy: SearchOrder;
}
