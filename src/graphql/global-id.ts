import { fromGlobalId, toGlobalId } from 'graphql-relay';
import { DomainError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Encodes a database id as the opaque id clients see: base64 of "Type:uuid". */
export function encodeGlobalId(typeName: string, id: string): string {
  return toGlobalId(typeName, id);
}

/** A decoded global id, or null when the text is not one of ours. */
export function parseGlobalId(globalId: string): { typeName: string; id: string } | null {
  let decoded: { type: string; id: string };
  try {
    decoded = fromGlobalId(globalId);
  } catch {
    return null;
  }
  if (!decoded.type || !UUID.test(decoded.id)) return null;
  return { typeName: decoded.type, id: decoded.id.toLowerCase() };
}

/**
 * Decodes a global id that must name a `typeName`, throwing BAD_USER_INPUT that names
 * `field` when it is malformed or names another type.
 */
export function assertGlobalIdOf(typeName: string, globalId: string, field: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) {
    throw DomainError.badInput(field, `"${globalId}" is not a valid id`);
  }
  if (parsed.typeName !== typeName) {
    throw DomainError.badInput(field, `expected the id of a ${typeName}, got the id of a ${parsed.typeName}`);
  }
  return parsed.id;
}
