import type { Change, MutationResult, PullCursor, Rejection } from '../../../shared/sync/index';
import { db } from './db';
import { clientId as deviceId } from './outbox';
import { applyChange, applyChanges, emptyEntityTables, ENTITY_TABLES, metaRecordKey, syncedTables } from './syncStateApply';
import type { OutboxRow } from './rows';
import { codedError } from './billingMessages';
import { undoRefusedEffects } from './billingLocalEffects';
import { msg } from '../../../shared';

/**
 * The client's sync bookkeeping, all in the local store so a killed app resumes exactly where it
 * stopped: the pull cursor (saved in the SAME transaction as the page it covers), the office the
 * store belongs to, the last successful sync, and the outcome of every pushed mutation (applied
 * rows leave the outbox; refused ones stay, marked, until the user dismisses them).
 */

const CURSOR = 'sync.cursor';
const OFFICE = 'sync.officeId';
const LAST_SYNC = 'sync.lastSyncAt';
const SERVER_URL = 'syncServerUrl';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

async function metaValue<T>(key: string): Promise<T | undefined> {
  return (await db().meta.get(key))?.value as T | undefined;
}

/** The server this device syncs with: a device setting (settings table), default loopback. */
export async function getServerUrl(): Promise<string> {
  const row = await db().settings.get(SERVER_URL);
  return typeof row?.value === 'string' && row.value ? row.value : DEFAULT_SERVER_URL;
}

export async function setServerUrl(url: string): Promise<void> {
  const clean = url.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(clean)) throw codedError(msg('sync.badServerUrl', { url }));
  await db().settings.put({ key: SERVER_URL, value: clean, updatedAt: new Date().toISOString() });
}

/**
 * The protocol client id: this device's id joined with the user's. The server ties a client id to
 * one user, and a device may be used by several people in turn; seq stays the device's outbox
 * order, which only grows, so each derived id still sees strictly increasing seqs.
 */
export async function syncClientId(userId: string): Promise<string> {
  const dev = (await deviceId()).replace(/-/g, '');
  return `${dev}_${userId.replace(/-/g, '').slice(0, 24)}`;
}

export async function getCursor(): Promise<PullCursor> {
  return (await metaValue<PullCursor>(CURSOR)) ?? {};
}

export async function getStoreOffice(): Promise<string | null> {
  return (await metaValue<string>(OFFICE)) ?? null;
}

export async function getLastSyncAt(): Promise<string | null> {
  return (await metaValue<string>(LAST_SYNC)) ?? null;
}

export async function setLastSyncAt(at: string): Promise<void> {
  await db().meta.put({ key: LAST_SYNC, value: at });
}

// ------------------------------------------------------------------------------------ outbox side

/** The next pending mutations, oldest first (seq order is the order the server must see). */
export async function nextPending(limit: number): Promise<OutboxRow[]> {
  return db().outbox.where('status').equals('pending').limit(limit).toArray();
}

export async function pendingCount(): Promise<number> {
  return db().outbox.where('status').equals('pending').count();
}

/** A refused mutation as the user sees it. */
export interface RejectedMutation {
  seq: number;
  name: string;
  args: unknown;
  createdAt: string;
  rejection: Rejection;
}

export async function rejectedMutations(): Promise<RejectedMutation[]> {
  const rows = await db().outbox.where('status').equals('rejected').toArray();
  return rows.map((r) => ({ seq: r.seq!, name: r.name, args: r.args, createdAt: r.createdAt, rejection: parseRejection(r.rejection) }));
}

function parseRejection(s: string | undefined): Rejection {
  try {
    return JSON.parse(s ?? '') as Rejection;
  } catch {
    return { code: 'SERVER_ERROR', message: s ?? '', messageEn: s ?? '' };
  }
}

export async function dismissRejected(seq: number): Promise<void> {
  await db().outbox.where('seq').equals(seq).and((r) => r.status === 'rejected').delete();
}

/**
 * Records the server's answers in one transaction: applied and conflicting mutations leave the
 * outbox (a conflict's record reaches this device by pull); refused ones are kept, marked, with
 * the reason — and never block the ones behind them. `skipped` are local actions with nothing to
 * send. Returns how many were settled.
 */
export async function settlePushed(results: MutationResult[], skipped: number[]): Promise<number> {
  const d = db();
  // Bulk reads and writes: settling a batch of 500 is three IndexedDB calls, not a thousand.
  return d.transaction('rw', d.outbox, async () => {
    const rows = await d.outbox.bulkGet(results.map((r) => r.seq));
    const gone: number[] = [...skipped];
    const refused: OutboxRow[] = [];
    results.forEach((r, i) => {
      const row = rows[i];
      if (!row || row.mutationId !== r.mutationId) return;
      if (r.status === 'rejected') refused.push({ ...row, status: 'rejected', rejection: JSON.stringify(r.reason ?? { code: 'SERVER_ERROR', message: '', messageEn: '' }) });
      else gone.push(r.seq);
    });
    if (gone.length) await d.outbox.bulkDelete(gone);
    if (refused.length) await d.outbox.bulkPut(refused);
    return gone.length + refused.length;
  });
}

// ------------------------------------------------------------------------------------ pull side

/**
 * Applies one pulled page AND stores its cursor in a single transaction: a sync killed between
 * pages resumes from the last saved page, never re-applies a page half, never skips one.
 * Changes of other offices (a user may belong to several) are not this store's: the cursor still
 * moves over them. A record with a pending local change keeps the local version: the push of
 * that change produces a newer server version, which a later page brings.
 */
export async function applyPulledPage(changes: Change[], cursor: PullCursor, officeId: string, pendingKeys: ReadonlySet<string>, freshTables?: ReadonlySet<string>): Promise<number> {
  const d = db();
  return d.transaction('rw', [...syncedTables(), d.meta], async () => {
    const mine = changes.filter((c) => c.officeId === officeId && !pendingKeys.has(`${c.entity}:${c.id}`));
    await applyChanges(mine, freshTables);
    await d.meta.put({ key: CURSOR, value: { ...cursor } });
    return mine.length;
  });
}

/**
 * Replaces the local copy of one record with the server's (or removes it when the server has none).
 * A refused billing command's local effect beyond its own record (an account put back, a pending
 * credit) is taken back in the same transaction (billingLocalEffects.ts).
 */
export async function reconcileRecord(entity: Change['entity'], id: string, server: Change | null, officeId: string): Promise<void> {
  const d = db();
  await d.transaction('rw', [...syncedTables(), d.meta], async () => {
    const table = ENTITY_TABLES[entity];
    const local = table === 'billingActions' || table === 'disputes' ? await d.table(table).get(id) : undefined;
    await applyChange(server ?? { officeId, entity, id, version: 0, deleted: true, data: null });
    await undoRefusedEffects(entity, local, server && !server.deleted ? server.data : null);
  });
}

/**
 * Makes the store belong to `officeId`. A store that belonged to another office is emptied of
 * synced records and cursor first (never with unsent changes: the caller checks). A store that
 * belonged to no office (work done before the first login) keeps everything, to be pushed.
 */
export async function bindStoreToOffice(officeId: string): Promise<'same' | 'bound' | 'reset'> {
  const d = db();
  return d.transaction('rw', [...syncedTables(), d.meta, d.outbox], async () => {
    const current = (await d.meta.get(OFFICE))?.value;
    if (current === officeId) return 'same';
    if (typeof current === 'string') {
      const pending = await d.outbox.where('status').equals('pending').count();
      if (pending > 0) throw codedError(msg('sync.otherOfficePending', { count: pending }));
      for (const t of syncedTables()) await t.clear();
      await d.meta.where('key').startsWith('rec:').delete();
      await d.meta.delete(CURSOR);
      await d.meta.delete(LAST_SYNC);
      await d.outbox.where('status').equals('rejected').delete();
      await d.meta.put({ key: OFFICE, value: officeId });
      return 'reset';
    }
    await d.meta.put({ key: OFFICE, value: officeId });
    return 'bound';
  });
}

export { metaRecordKey, ENTITY_TABLES, emptyEntityTables };
