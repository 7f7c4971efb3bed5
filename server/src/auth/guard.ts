import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../../../shared/sync/index';
import { forbiddenOffice, forbiddenRole, unauthorized } from '../errors';
import type { AuthInfo } from '../sync/context';
import { verifyAccessToken } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthInfo | null;
  }
}

/** Reads the bearer token of a request; every /v1 route except login/refresh calls this. */
export function authenticate(req: FastifyRequest, secret: string): AuthInfo {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) throw unauthorized('missing bearer token');
  const claims = verifyAccessToken(h.slice(7), secret);
  if (!claims) throw unauthorized('invalid or expired access token');
  return { userId: claims.sub, role: claims.role, officeIds: claims.offices };
}

/** The caller must belong to the office in the URL: the scope check of every office route. */
export function requireOffice(auth: AuthInfo, officeId: string): void {
  if (!auth.officeIds.includes(officeId)) throw forbiddenOffice();
}

export function requireRole(auth: AuthInfo, roles: readonly UserRole[]): void {
  if (!roles.includes(auth.role)) throw forbiddenRole();
}
