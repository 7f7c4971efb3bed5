import type { OfflineVerifierParams, Session } from '../../../shared/sync/index';
import { msg } from '../../../shared/domain/messages/index';
import { NotFoundError, PermissionError } from './errors';
import { db } from './db';
import { nowIso } from './clock';
import type { UserRow } from './rows';

/**
 * The cached sync session (issue 6 item 2): a device logs in online once, then opens offline.
 *
 * Stored in `meta`: the server's session (tokens, user, offices) and a LOCAL verifier =
 * PBKDF2-SHA-256(password, per-user salt from the server, iterations) computed with WebCrypto
 * right after the online login. Opening offline derives it again from the typed password and
 * compares. The password itself is never stored, and the verifier never leaves the device.
 */

const SESSION_KEY = 'auth.session';
const CURRENT_USER_KEY = 'currentUserId';
/** Per-tab "already unlocked": a reload of the same window does not ask again. */
const UNLOCKED_KEY = 'hotline.sync.unlocked';

export interface CachedSession {
  session: Session;
  /** base64 PBKDF2 output */
  verifier: string;
  serverUrl: string;
  savedAt: string;
}

function b64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToB64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** PBKDF2-SHA-256 with WebCrypto (a vetted primitive; nothing hand-rolled beyond the base64). */
export async function deriveVerifier(password: string, p: OfflineVerifierParams): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: b64ToBytes(p.salt), iterations: p.iterations }, key, p.keyLength * 8);
  return bytesToB64(new Uint8Array(bits));
}

/** Compares without stopping at the first difference (the verifier is secret-derived). */
function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function getCachedSession(): Promise<CachedSession | null> {
  const row = await db().meta.get(SESSION_KEY);
  return (row?.value as CachedSession | undefined) ?? null;
}

/** Saves a session after an online login (with the verifier computed from the typed password). */
export async function saveLogin(session: Session, password: string, serverUrl: string): Promise<CachedSession> {
  // derive BEFORE the transaction: awaiting WebCrypto inside one would let IndexedDB commit early
  const verifier = await deriveVerifier(password, session.offlineVerifier);
  const cached: CachedSession = { session, verifier, serverUrl, savedAt: nowIso() };
  // before the write: screens that see the new session must already see it unlocked
  markUnlocked(session.user.id);
  const d = db();
  await d.transaction('rw', d.meta, d.users, async () => {
    await d.meta.put({ key: SESSION_KEY, value: cached });
    await adoptServerUser(session);
  });
  return cached;
}

/** Replaces the tokens after a refresh, keeping the verifier. */
export async function replaceSession(session: Session): Promise<void> {
  const d = db();
  await d.transaction('rw', d.meta, async () => {
    const cur = await getCachedSession();
    if (!cur) return;
    await d.meta.put({ key: SESSION_KEY, value: { ...cur, session } satisfies CachedSession });
  });
}

/**
 * The server's user becomes this device's current user, so local permission checks and
 * "created by" fields use the same identity the server records.
 */
async function adoptServerUser(session: Session): Promise<void> {
  const d = db();
  const u = session.user;
  const at = nowIso();
  const existing = await d.users.get(u.id);
  const row: UserRow = {
    id: u.id,
    name: u.displayName || u.username,
    role: u.role,
    active: true,
    version: existing?.version ?? 1,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await d.users.put(row);
  await d.meta.put({ key: CURRENT_USER_KEY, value: u.id });
}

/** Opens the app offline: the typed password must give the stored verifier. */
export async function unlockOffline(username: string, password: string): Promise<CachedSession> {
  const cached = await getCachedSession();
  if (!cached) throw new NotFoundError(msg('auth.noSavedLogin'));
  if (cached.session.user.username.toLowerCase() !== username.trim().toLowerCase()) throw new PermissionError('session.unlock', null, msg('auth.wrongPassword'));
  const v = await deriveVerifier(password, cached.session.offlineVerifier);
  if (!sameString(v, cached.verifier)) throw new PermissionError('session.unlock', null, msg('auth.wrongPassword'));
  const d = db();
  await d.transaction('rw', d.meta, d.users, () => adoptServerUser(cached.session));
  markUnlocked(cached.session.user.id);
  return cached;
}

/** Forgets the cached session (the local data stays; the outbox waits for the next login). */
export async function clearSession(): Promise<void> {
  await db().meta.delete(SESSION_KEY);
  try {
    sessionStorage.removeItem(UNLOCKED_KEY);
  } catch {
    // no sessionStorage (tests): nothing to clear
  }
}

function markUnlocked(userId: string): void {
  try {
    sessionStorage.setItem(UNLOCKED_KEY, userId);
  } catch {
    // no sessionStorage (tests)
  }
}

/** True when this window has already proven the password (online login or offline unlock). */
export function isUnlocked(userId: string): boolean {
  try {
    return sessionStorage.getItem(UNLOCKED_KEY) === userId;
  } catch {
    return true;
  }
}
