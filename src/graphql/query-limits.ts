import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection';

/** The shape limits a query must stay within; all are checked before any SQL runs. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxTokens: 2000, maxCost: 50_000 };

/**
 * GitHub-style cost: a field costs 1, and a connection asked for `first` or `last` n items
 * costs n times what is under it (20 when neither is given), so nested pages multiply.
 */
export const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : null;
  const isConnection = 'first' in args || 'last' in args || 'after' in args || 'before' in args;
  if (size === null && !isConnection) return undefined;
  return 1 + childComplexity * Math.max(1, size ?? DEFAULT_PAGE_SIZE);
};

/** Costs remembered per parsed document (Apollo reuses the parsed document of a query text it has seen). */
const MAX_COSTS_PER_DOCUMENT = 64;

/**
 * The cost of an operation, computed on the parsed document with its variables; the cost of
 * the same document, operation and variables is computed once (it depends on nothing else).
 */
export function costPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number | null => {
    let costs = known.get(document);
    if (!costs) known.set(document, (costs = new Map()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    let cost = costs.get(key);
    if (cost === undefined) {
      try {
        cost = getComplexity({
          schema,
          query: document,
          operationName,
          variables,
          estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
        });
      } catch (error) {
        // Variables that do not coerce: execution refuses them with BAD_USER_INPUT before any resolver runs.
        if (error instanceof GraphQLError) return null;
        throw error;
      }
      if (costs.size >= MAX_COSTS_PER_DOCUMENT) costs.clear();
      costs.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = costOf(document, request.operationName, request.variables);
          if (cost !== null && cost > maxCost) {
            throw new GraphQLError(`query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first/last) or fewer nested lists`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * graphql-armor's depth, alias and directive limits. Tokens are limited by graphql-js's
 * own parser (Apollo's parseOptions.maxTokens), which answers 400 where armor's plugin
 * would fail the request with 500.
 */
export function shapeLimits(limits: QueryLimits): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins, validationRules };
}
