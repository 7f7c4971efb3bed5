import { randomUUID } from 'node:crypto';
import { SYNC_PROTOCOL_VERSION, type Session, type SessionUser, type UserRole } from '../../../shared/sync/index';
import type { Db, Queryable } from '../db/index';
import { unauthorized } from '../errors';
import { DUMMY_HASH, OFFLINE_VERIFIER_ITERATIONS, verifyPassword } from './password';
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens';

export interface SessionConfig {
  secret: string;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  password_hash: string;
  offline_salt: string;
  disabled: boolean;
}

async function sessionUser(q: Queryable, u: UserRow): Promise<SessionUser> {
  const offices = await q.query<{ id: string; name: string; prefix: string }>(
    'SELECT o.id, o.name, o.prefix FROM memberships m JOIN offices o ON o.id = m.office_id WHERE m.user_id = $1 ORDER BY o.prefix',
    [u.id],
  );
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, offices: offices.rows };
}

async function issue(q: Queryable, cfg: SessionConfig, u: UserRow, familyId: string): Promise<Session> {
  const user = await sessionUser(q, u);
  const access = signAccessToken({ sub: u.id, role: u.role, offices: user.offices.map((o) => o.id) }, cfg.secret, cfg.accessTokenTtlSec);
  const refresh = newRefreshToken();
  const exp = await q.query<{ expires_at: string }>(
    'INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::int)) RETURNING expires_at',
    [randomUUID(), u.id, familyId, refresh.hash, cfg.refreshTokenTtlSec],
  );
  return {
    accessToken: access.token,
    accessTokenExpiresAt: new Date(access.exp * 1000).toISOString(),
    refreshToken: refresh.token,
    refreshTokenExpiresAt: exp.rows[0]!.expires_at,
    user,
    offlineVerifier: { algorithm: 'PBKDF2-SHA-256', salt: u.offline_salt, iterations: OFFLINE_VERIFIER_ITERATIONS, keyLength: 32 },
    protocolVersion: SYNC_PROTOCOL_VERSION,
  };
}

export async function login(db: Db, cfg: SessionConfig, username: string, password: string): Promise<Session> {
  const r = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  const u = r.rows[0];
  // Verify even for an unknown user, so the answer time does not reveal which usernames exist.
  const ok = await verifyPassword(password, u?.password_hash ?? DUMMY_HASH);
  if (!u || !ok || u.disabled) throw unauthorized('wrong username or password');
  return db.transaction((tx) => issue(tx, cfg, u, randomUUID()));
}

/**
 * Rotating refresh: each refresh token works once and is replaced by a new one of the same
 * family. Presenting an already-used token means it was copied: the whole family is revoked.
 */
export async function refresh(db: Db, cfg: SessionConfig, token: string): Promise<Session> {
  const outcome = await db.transaction(async (tx) => {
    const r = await tx.query<{ id: string; user_id: string; family_id: string; used_at: string | null; revoked_at: string | null; live: boolean }>(
      'SELECT id, user_id, family_id, used_at, revoked_at, expires_at > now() AS live FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
      [hashRefreshToken(token)],
    );
    const t = r.rows[0];
    if (!t || t.revoked_at || !t.live) return { error: 'refresh token unknown, revoked or expired' } as const;
    if (t.used_at) {
      await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [t.family_id]);
      return { error: 'refresh token reused: session revoked' } as const;
    }
    await tx.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [t.id]);
    const u = (await tx.query<UserRow>('SELECT * FROM users WHERE id = $1', [t.user_id])).rows[0];
    if (!u || u.disabled) return { error: 'user disabled' } as const;
    return { session: await issue(tx, cfg, u, t.family_id) } as const;
  });
  // The revocation above must commit, so the refusal is thrown after the transaction.
  if ('error' in outcome) throw unauthorized(outcome.error);
  return outcome.session;
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL',
    [hashRefreshToken(token)],
  );
}

export async function me(db: Db, userId: string): Promise<SessionUser> {
  const u = (await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId])).rows[0];
  if (!u || u.disabled) throw unauthorized();
  return sessionUser(db, u);
}
