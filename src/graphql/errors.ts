import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { QueryFailedError } from 'typeorm';

/** The stable codes clients branch on, sent as `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
}

/** One wrong field: its path in the operation's arguments and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The one error type services throw for anything a client can fix or must be told. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, [{ field, message }]);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} was not found`);
  }
}

function flattenValidation(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidation(error.children ?? [], field)];
  });
}

/** PostgreSQL's own refusals (the last line of defence behind validation) in the API's terms. */
function fromDatabase(error: { code?: string; constraint?: string; column?: string }): DomainError | null {
  const where = error.constraint ?? error.column ?? 'input';
  switch (error.code) {
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
      return DomainError.badInput(where, 'violates a rule of the data model');
    case '23503':
      return DomainError.badInput(where, 'refers to something that does not exist');
    case '23505':
      return new DomainError(ErrorCode.CONFLICT, `${where}: already exists`);
    default:
      return null;
  }
}

/** The database is unreachable or going away: the client may retry later. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function availabilityError(error: unknown): GraphQLFormattedError['extensions'] | null {
  const code = (error as { code?: string })?.code ?? (error as { driverError?: { code?: string } })?.driverError?.code;
  const message = error instanceof Error ? error.message : '';
  if ((code && UNAVAILABLE.has(code)) || /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)) {
    return { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } };
  }
  if (code === '57014') return { code: 'QUERY_TIMEOUT' };
  return null;
}

/**
 * graphql-js's refusal, while executing, of an argument built from variables (a variable left
 * out or null where the input needs a value): the caller's input at fault, not the server.
 */
const ARGUMENT_REFUSED = /^Argument "([^"]+)" ((?:has invalid value|of non-null type) .*)$/s;

function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const refused = error instanceof GraphQLError && !error.originalError ? ARGUMENT_REFUSED.exec(error.message) : null;
  if (refused) return new DomainError(ErrorCode.BAD_USER_INPUT, refused[0], [{ field: refused[1], message: refused[2] }]);
  if (error instanceof QueryFailedError) return fromDatabase(error.driverError as { code?: string });
  if (error instanceof ArgumentValidationError) {
    const problems = flattenValidation(error.extensions.validationErrors as ValidationError[]);
    return new DomainError(
      ErrorCode.BAD_USER_INPUT,
      problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ') || 'invalid arguments',
      problems,
    );
  }
  return null;
}

function extensionsFor(error: DomainError): Record<string, unknown> {
  switch (error.code) {
    case ErrorCode.BAD_USER_INPUT:
      return { code: error.code, fields: error.problems };
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CONFLICT:
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
      return { code: error.code };
    default: {
      const unreachable: never = error.code;
      return { code: unreachable };
    }
  }
}

/** graphql-armor reports its limits as validation errors; each gets a code of its own. */
const SHAPE_LIMITS: Array<[RegExp, string]> = [
  [/^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)/, 'QUERY_TOO_DEEP'],
  [/^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)/, 'TOO_MANY_ALIASES'],
  [/^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)/, 'TOO_MANY_DIRECTIVES'],
  [/^Syntax Error: Document contains more tha[nt] (\d+) tokens/, 'TOO_MANY_TOKENS'],
];

function shapeLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  for (const [pattern, code] of SHAPE_LIMITS) {
    const match = pattern.exec(formatted.message);
    if (match) {
      const limit = Number(match[1]);
      const found = match[2] === undefined ? undefined : Number(match[2]);
      return { message: formatted.message.replace(/^Syntax Error: /, ''), locations: formatted.locations, extensions: { code, limit, found } };
    }
  }
  return null;
}

/**
 * Apollo's formatError: domain errors keep their message and code; anything else a
 * resolver threw is an internal fault whose details stay in the log, not the response.
 */
export function createErrorFormatter(options: { exposeInternals: boolean; log: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const domain = toDomainError(original);
    if (domain) {
      return { message: domain.message, locations: formatted.locations, path: formatted.path, extensions: extensionsFor(domain) };
    }
    const limited = shapeLimitError(formatted);
    if (limited) return limited;
    // Parse and validation errors raised by graphql-js and Apollo already carry their codes.
    if (formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    if (original instanceof GraphQLError && !original.originalError) return formatted;
    const unavailable = availabilityError(original);
    if (unavailable) {
      const message = unavailable.code === 'QUERY_TIMEOUT' ? 'the query ran longer than the statement timeout' : 'the database is unavailable; try again shortly';
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code: unavailable.code } };
    }
    options.log(original);
    return {
      message: options.exposeInternals && original instanceof Error ? original.message : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
