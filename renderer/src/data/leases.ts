import { db } from './db';
import { nowMs } from './clock';
import { PermissionError, ValidationError, type ErrorText } from './errors';
import { msg } from '../../../shared';
import { writeWithOutbox } from './outbox';
import { deniedMsg, getCurrentUser, requirePermission } from './session';
import type { MetaRecord } from './syncStateApply';
import type { UserRow } from './rows';

/**
 * Number leases (领用号码) of field agents, as this device knows them (docs/sync-protocol.md §6).
 *
 * A field agent takes a block of numbers from the server before going out (lease.take, online);
 * while offline it may sell only those. The server writes a `lease` record for each lease and the
 * pull stores it as the meta row `rec:lease:<id>` (syncStateApply.ts: entities without a table of
 * their own), so no table of its own is needed: a field agent pulls only its own leases, a manager
 * the whole office's.
 *
 * Taking and returning a lease go through the outbox and the sync engine like every other change;
 * the UI pushes them at once and reads the server's answer back here (leaseRequestOutcome).
 *
 * The offer ends at `expiresAt` on this device's (injectable) clock. The server's grace day
 * (`graceUntil` = expiresAt + LEASE_GRACE_HOURS) is for the SYNC of a sale made before expiry: a
 * pending sale stays in the outbox and the server still accepts it while nobody else took the
 * number; the device does not start new sales in the grace day. Which sale wins is decided on the
 * server clock only.
 */

/** Where the pull keeps lease records (syncStateApply.ts metaRecordKey; not imported: numbers.ts imports this file). */
export const LEASE_KEY_PREFIX = 'rec:lease:';

export interface LeaseRecord {
  id: string;
  userId: string;
  numbers: string[];
  takenAt: string;
  expiresAt: string;
  graceUntil: string;
  returnedAt: string | null;
  version: number;
}

/** 'live': the agent may sell from it; 'grace': expired, pending sales still sync; 'returned' / 'over': done. */
export type LeaseState = 'live' | 'grace' | 'returned' | 'over';

/** Limits of lease.take (shared/sync/mutations.ts). */
export const LEASE_MAX_COUNT = 200;
export const LEASE_MAX_HOURS = 24 * 14;
export const LEASE_DEFAULT_HOURS = 72;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function leaseOf(m: MetaRecord): LeaseRecord | null {
  const d = m.data;
  const userId = str(d.userId);
  const expiresAt = str(d.expiresAt);
  if (!userId || !expiresAt) return null;
  return {
    id: m.id,
    userId,
    numbers: Array.isArray(d.numbers) ? d.numbers.filter((n): n is string => typeof n === 'string') : [],
    takenAt: str(d.takenAt) ?? expiresAt,
    expiresAt,
    graceUntil: str(d.graceUntil) ?? expiresAt,
    returnedAt: str(d.returnedAt),
    version: m.version,
  };
}

export function leaseState(l: LeaseRecord, atMs: number = nowMs()): LeaseState {
  if (l.returnedAt) return 'returned';
  if (atMs < Date.parse(l.expiresAt)) return 'live';
  if (atMs < Date.parse(l.graceUntil)) return 'grace';
  return 'over';
}

/** Every lease this device holds a record of, newest first. */
export async function listLeases(): Promise<LeaseRecord[]> {
  const rows = await db().meta.where('key').startsWith(LEASE_KEY_PREFIX).toArray();
  const out = rows.map((r) => leaseOf(r.value as MetaRecord)).filter((l): l is LeaseRecord => l !== null);
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
}

export async function getLease(id: string): Promise<LeaseRecord | null> {
  const row = await db().meta.get(`${LEASE_KEY_PREFIX}${id}`);
  return row ? leaseOf(row.value as MetaRecord) : null;
}

/**
 * The numbers a user may offer now, with the lease each comes from — or null when the user is not
 * a field agent (office staff sell from the whole pool). Read outside any transaction over the
 * numbers table: the meta rows are read first and the answer passed in.
 */
export async function sellableLeaseNumbers(user?: Pick<UserRow, 'id' | 'role'> | null): Promise<Map<string, string> | null> {
  const u = user === undefined ? await getCurrentUser() : user;
  if (!u || u.role !== 'field_agent') return null;
  const at = nowMs();
  const out = new Map<string, string>();
  for (const l of await listLeases()) {
    if (l.userId !== u.id || leaseState(l, at) !== 'live') continue;
    for (const n of l.numbers) out.set(n, l.id);
  }
  return out;
}

/**
 * Numbers in a colleague's lease that is live or in its grace day: the server keeps them for that
 * agent alone until graceUntil, so nobody else is offered them (a manager's or clerk's device
 * holds every lease of the office; a field agent's only its own).
 */
export async function leasedToOthers(userId: string | null | undefined): Promise<Set<string>> {
  const at = nowMs();
  const out = new Set<string>();
  for (const l of await listLeases()) {
    const state = leaseState(l, at);
    if (l.userId === userId || (state !== 'live' && state !== 'grace')) continue;
    for (const n of l.numbers) out.add(n);
  }
  return out;
}

/**
 * The picker's restriction from rows already read (pure, so the picker reads them in its own
 * transaction with plain Dexie calls): `only` = a field agent's live lease numbers, else null;
 * `exclude` = numbers of colleagues' live or grace-day leases.
 */
export function offerRestriction(user: Pick<UserRow, 'id' | 'role'> | null | undefined, leaseRows: readonly { value: unknown }[], atMs: number = nowMs()): { only: Set<string> | null; exclude: Set<string> } {
  const leases = leaseRows.map((r) => leaseOf(r.value as MetaRecord)).filter((l): l is LeaseRecord => l !== null);
  const exclude = new Set<string>();
  if (user?.role === 'field_agent') {
    const only = new Set<string>();
    for (const l of leases) if (l.userId === user.id && leaseState(l, atMs) === 'live') for (const n of l.numbers) only.add(n);
    return { only, exclude };
  }
  for (const l of leases) {
    const state = leaseState(l, atMs);
    if (l.userId !== user?.id && (state === 'live' || state === 'grace')) for (const n of l.numbers) exclude.add(n);
  }
  return { only: null, exclude };
}

const fmt = (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;

/**
 * The data layer's rule for a field agent's sale: only a number of one of its live leases.
 * Returns the lease id (null for office staff, who are not restricted).
 */
export async function assertSellable(digits: string, user?: Pick<UserRow, 'id' | 'role'> | null): Promise<string | null> {
  const u = user === undefined ? await getCurrentUser() : user;
  const offer = await sellableLeaseNumbers(u);
  if (offer === null) {
    if ((await leasedToOthers(u?.id)).has(digits)) {
      throw new ValidationError({ numberDigits: msg('lease.heldByAgent', { number: fmt(digits) }) });
    }
    return null;
  }
  const leaseId = offer.get(digits);
  if (!leaseId) {
    throw new ValidationError({ numberDigits: msg('lease.notHeld', { number: fmt(digits) }) });
  }
  return leaseId;
}

export interface LeaseTakeInput {
  /** how many numbers (1–200) */
  count: number;
  /** only numbers starting with these digits, e.g. a segment "4008" */
  prefix?: string;
  /** how long (1–336 hours) */
  hours?: number;
}

/** Checks a take request the way the server's schema does, naming the field. */
export function checkLeaseTake(input: LeaseTakeInput): { count: number; prefix?: string; hours: number } {
  const errors: Record<string, ErrorText> = {};
  const hours = input.hours ?? LEASE_DEFAULT_HOURS;
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > LEASE_MAX_COUNT) errors.count = msg('lease.count', { max: LEASE_MAX_COUNT });
  if (!Number.isInteger(hours) || hours < 1 || hours > LEASE_MAX_HOURS) errors.hours = msg('lease.hours', { max: LEASE_MAX_HOURS });
  const prefix = (input.prefix ?? '').trim();
  if (prefix && !/^40\d{0,8}$/.test(prefix)) errors.prefix = msg('lease.prefix');
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { count: input.count, hours, ...(prefix ? { prefix } : {}) };
}

/**
 * Queues lease.take for the server (field agents; the server leases to the caller). The caller
 * pushes it at once (the sync engine) and reads leaseRequestOutcome. Returns the new lease's id.
 */
export async function requestLeaseTake(input: LeaseTakeInput): Promise<string> {
  const user = await requirePermission('number.lease');
  if (user.role !== 'field_agent') throw new PermissionError('number.lease', user.role, deniedMsg(user, '领用号码（外勤本人领用）'));
  const args = checkLeaseTake(input);
  const leaseId = crypto.randomUUID();
  await writeWithOutbox([], async ({ enqueue }) => {
    await enqueue({ name: 'lease.take', args: { leaseId, ...args } });
  });
  return leaseId;
}

/** Queues lease.return (the agent its own lease; managers anyone's). */
export async function requestLeaseReturn(leaseId: string): Promise<void> {
  const user = await requirePermission('number.lease');
  const lease = await getLease(leaseId);
  if (!lease) throw new ValidationError({ leaseId: msg('lease.unknown', { id: leaseId }) });
  if (user.role === 'field_agent' && lease.userId !== user.id) throw new PermissionError('number.lease', user.role, deniedMsg(user, '归还他人领用的号码'));
  if (lease.returnedAt) throw new ValidationError({ leaseId: msg('lease.alreadyReturned') });
  await writeWithOutbox([], async ({ enqueue }) => {
    await enqueue({ name: 'lease.return', args: { leaseId } });
  });
}

export type LeaseRequestOutcome =
  | { state: 'done'; lease: LeaseRecord | null }
  | { state: 'refused'; seq: number; code: string; message: string; messageEn: string }
  | { state: 'pending' };

/**
 * What became of a queued lease.take / lease.return after a sync run: still waiting (no
 * connection), refused by the server (with its reason), or done (the pulled lease record).
 */
export async function leaseRequestOutcome(name: 'lease.take' | 'lease.return', leaseId: string): Promise<LeaseRequestOutcome> {
  const rows = await db().outbox.filter((r) => r.name === name && (r.args as { leaseId?: unknown })?.leaseId === leaseId).toArray();
  const refused = rows.find((r) => r.status === 'rejected');
  if (refused) {
    let reason: { code?: string; message?: string; messageEn?: string } = {};
    try {
      reason = JSON.parse(refused.rejection ?? '{}') as typeof reason;
    } catch {
      reason = { message: refused.rejection };
    }
    return { state: 'refused', seq: refused.seq!, code: reason.code ?? 'SERVER_ERROR', message: reason.message ?? '', messageEn: reason.messageEn ?? reason.message ?? '' };
  }
  if (rows.some((r) => r.status === 'pending')) return { state: 'pending' };
  return { state: 'done', lease: await getLease(leaseId) };
}

/**
 * Withdraws a lease request that could not be sent (no connection): a lease is for going out now,
 * not for whenever the device next reaches the server. If the server did take it (an answer lost
 * on the way), the next pull brings the lease record anyway.
 */
export async function withdrawLeaseRequest(name: 'lease.take' | 'lease.return', leaseId: string): Promise<number> {
  const d = db();
  return d.outbox.filter((r) => r.status !== 'sent' && r.name === name && (r.args as { leaseId?: unknown })?.leaseId === leaseId).delete();
}

/**
 * Display names by user id: local profiles, and the colleagues the server sends as `user`
 * records (`{username, displayName, role}`, kept in meta) — a manager sees whose lease it is.
 */
export async function leaseHolderNames(): Promise<Map<string, string>> {
  const d = db();
  const out = new Map<string, string>();
  for (const m of await d.meta.where('key').startsWith('rec:user:').toArray()) {
    const r = m.value as MetaRecord;
    const name = str(r.data?.displayName) ?? str(r.data?.username);
    if (name) out.set(r.id, name);
  }
  for (const u of await d.users.toArray()) if (!out.has(u.id)) out.set(u.id, u.name);
  return out;
}
