import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

/**
 * Adds `extensions.sql = { statements, millis }` to a response when the request asked
 * for it (see createContext); how tests and developers see what one operation cost.
 */
export const sqlStatsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.reportSql || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          sql: { statements: contextValue.sql.statements, millis: Math.round(contextValue.sql.millis * 100) / 100 },
        };
      },
    };
  },
};
