import type { AuthChecker } from 'type-graphql';
import { ApiRole, hasRole } from '../domain/api-key/api-key.service';
import type { Context } from './context';
import { DomainError, ErrorCode } from './errors';

/**
 * type-graphql's check behind @Authorized(role): no key is UNAUTHENTICATED, a key whose
 * role is too low is FORBIDDEN. It runs before the resolver, so a refused caller learns
 * nothing about the records named in the operation.
 */
export const authChecker: AuthChecker<Context, ApiRole> = ({ context }, roles) => {
  if (!context.actor) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'this operation needs an API key: send Authorization: Bearer <key>');
  }
  if (!roles.some((role) => hasRole(context.actor!, role))) {
    throw new DomainError(ErrorCode.FORBIDDEN, `this operation needs the ${roles.join(' or ')} role; the key "${context.actor.name}" is ${context.actor.role}`);
  }
  return true;
};
