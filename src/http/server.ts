import { randomUUID } from 'node:crypto';
import http from 'node:http';
import cors from 'cors';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ApiKeyCache } from '../domain/api-key/api-key-cache';
import { authenticate } from '../domain/api-key/api-key.service';
import { DomainError, ErrorCode } from '../graphql/errors';
import { isReady, type Database } from '../db/database';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { sendPlayground, serveWebPage, wantsPlayground } from './web-pages';
import { createContext, type Context } from '../graphql/context';

export const GRAPHQL_PATH = '/graphql';
class BodyTooLarge extends Error {}

function readBody(request: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the 413 reaches the client; the
      // connection is closed after it.
      if (size > maxBytes) reject(new BodyTooLarge());
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  // Apollo decides what an unparseable or non-JSON body means; hand it the text then.
  if (!contentType?.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function handleGraphQL(
  apollo: ApolloServer<Context>,
  database: Database,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  options: ServerOptions,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const body = parseBody(await readBody(request, options.maxBodyBytes), request.headers['content-type']);
  const reportSql = !options.production && headers.get('claimgraph-debug') === 'sql';
  const given = headers.get('x-request-id');
  const requestId = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  response.setHeader('x-request-id', requestId);
  const log = options.logger.child({ requestId });
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
    context: async () => {
      const checking = performance.now();
      const { actor, queried } = await authenticateRequest(database, headers.get('authorization'), options);
      const context = createContext(database, { actor, reportSql, requestId, log });
      // A key looked up (not kept from an earlier request) is one statement of this request's, counted with the rest.
      if (queried) context.sql.countEarlier(performance.now() - checking);
      return context;
    },
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

export interface ServerOptions {
  production: boolean;
  /** Whether /playground, /explore and the playground on GET /graphql are served. */
  webPages: boolean;
  readsRequireKey: boolean;
  /** The keys checked lately (see ApiKeyCache); none kept without it. */
  apiKeyCache?: ApiKeyCache;
  corsOrigins: string[];
  maxBodyBytes: number;
  logger: Logger;
  metrics: Metrics;
}

/** The request's actor; a bad key, or no key where reads need one, ends the request with 401. */
async function authenticateRequest(database: Database, authorization: string | undefined, options: ServerOptions) {
  try {
    const check = await authenticate(database.pool, authorization, { prepare: database.preparedStatements, cache: options.apiKeyCache });
    if (!check.actor && options.readsRequireKey) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'this server needs an API key for every request: send Authorization: Bearer <key>');
    }
    return check;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
  }
}

/** The HTTP server: GraphQL at /graphql, liveness and readiness probes, metrics, and the playground and explorer pages. */
export function createHttpServer(apollo: ApolloServer<Context>, database: Database, options: ServerOptions): http.Server {
  const allowOrigins = cors({
    origin: options.corsOrigins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  return http.createServer((request, response) => {
    // CORS first: a preflight is answered here; other requests continue with the headers set.
    allowOrigins(request, response, () => route(request, response));
  });

  function route(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const handle = async () => {
      switch (url.pathname) {
        case GRAPHQL_PATH:
          if (options.webPages && wantsPlayground(request, url)) return sendPlayground(response);
          return handleGraphQL(apollo, database, request, response, url, options);
        case '/metrics':
          response.writeHead(200, { 'content-type': options.metrics.registry.contentType });
          return response.end(await options.metrics.registry.metrics());
        case '/health/live':
          return sendJson(response, 200, { status: 'ok' });
        case '/health/ready': {
          const ready = await isReady(database);
          return sendJson(response, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable' });
        }
        default:
          if (options.webPages && serveWebPage(request, response, url)) return;
          return sendJson(response, 404, { error: 'not found', graphql: GRAPHQL_PATH });
      }
    };
    handle().catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        sendJson(response, 413, { errors: [{ message: `request body exceeds ${options.maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        return;
      }
      options.logger.error({ err: error }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else response.end();
    });
  }
}
