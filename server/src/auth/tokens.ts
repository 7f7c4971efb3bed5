import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { UserRoleSchema, type UserRole } from '../../../shared/sync/index';

/**
 * Access tokens are compact JWTs (HS256) signed with node:crypto. Hand-written on purpose: the
 * format is ~30 lines, we accept exactly one algorithm (no `alg` confusion, no `none`), and no
 * JWT library is in the dependency set. Verification checks the header, the signature in
 * constant time and the expiry against the server clock.
 */
export interface AccessClaims {
  sub: string;
  role: UserRole;
  offices: string[];
  iat: number;
  exp: number;
}

const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function b64url(s: string | Buffer): string {
  return Buffer.from(s).toString('base64url');
}

export function signAccessToken(claims: Omit<AccessClaims, 'iat' | 'exp'>, secret: string, ttlSec: number, nowSec = Math.floor(Date.now() / 1000)): { token: string; exp: number } {
  const payload: AccessClaims = { ...claims, iat: nowSec, exp: nowSec + ttlSec };
  const body = `${HEADER}.${b64url(JSON.stringify(payload))}`;
  const sig = createHmac('sha256', secret).update(body).digest('base64url');
  return { token: `${body}.${sig}`, exp: payload.exp };
}

export function verifyAccessToken(token: string, secret: string, nowSec = Math.floor(Date.now() / 1000)): AccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  if (h !== HEADER) return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const c = claims as Partial<AccessClaims>;
  if (typeof c.sub !== 'string' || typeof c.exp !== 'number' || !Array.isArray(c.offices) || !UserRoleSchema.safeParse(c.role).success) return null;
  if (c.exp <= nowSec) return null;
  return c as AccessClaims;
}

/** Refresh tokens: 256 random bits, given to the client once; only their SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
