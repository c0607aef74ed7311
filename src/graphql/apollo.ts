import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLSchema } from 'graphql';
import type { Context } from './context';
import { createErrorFormatter } from './errors';
import { costPlugin, shapeLimits, type QueryLimits } from './query-limits';
import type { Logger } from '../http/logger';
import type { Metrics } from '../http/metrics';
import { observabilityPlugin } from './observability.plugin';
import { sqlStatsPlugin } from './sql-stats.plugin';

/** The Apollo server for `schema`, started and ready for executeHTTPGraphQLRequest. */
export async function createApollo(
  schema: GraphQLSchema,
  options: { production: boolean; introspection: boolean; persistedQueryCacheBytes: number; limits: QueryLimits; logger: Logger; metrics: Metrics },
): Promise<ApolloServer<Context>> {
  const shape = shapeLimits(options.limits);
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: shape.validationRules,
    parseOptions: { maxTokens: options.limits.maxTokens },
    introspection: options.introspection,
    // Automatic persisted queries, in a cache bounded by size (0 turns them off).
    persistedQueries: options.persistedQueryCacheBytes > 0 ? { cache: new InMemoryLRUCache({ maxSize: options.persistedQueryCacheBytes }) } : false,
    // On by default, kept explicit: GETs and simple POSTs need a header a browser cannot send cross-site.
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // src/main.ts owns shutdown: Apollo's own signal handlers would stop it twice.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter({
      exposeInternals: !options.production,
      log: (error) => options.logger.error({ err: error }, 'resolver failed'),
    }),
    // Apollo's own landing page loads from a CDN; the project serves its own playground.
    // Cache control hooks into every field resolution; Claimgraph sets no cache hints.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...shape.plugins,
      costPlugin(schema, options.limits.maxCost),
      sqlStatsPlugin,
      observabilityPlugin(options.metrics),
    ],
  });
  await apollo.start();
  return apollo;
}
