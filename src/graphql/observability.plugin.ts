import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../http/metrics';
import type { Context } from './context';

/**
 * One log line and one set of metrics per GraphQL request: request id, operation name,
 * duration, SQL statements and time, and the codes of the errors it answered with.
 */
export function observabilityPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const seconds = (performance.now() - started) / 1000;
          metrics.recordRequest(operationName, seconds, contextValue.sql.statements, codes);
          contextValue.log.info(
            {
              operation: operationName ?? null,
              durationMs: Math.round(seconds * 100_000) / 100,
              sqlStatements: contextValue.sql.statements,
              sqlMs: Math.round(contextValue.sql.millis * 100) / 100,
              errors: codes,
              actor: contextValue.actor?.name ?? null,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
