import type { SyncEntity } from '../../../shared/sync/index';
import { msg } from '../../../shared/domain/messages/index';
import { NotFoundError, ValidationError } from './errors';
import { db } from './db';
import { writeWithOutbox } from './outbox';
import { ENTITY_TABLES, META_RECORD_PREFIX, metaRecordKey, syncedTables, type MetaRecord } from './syncStateApply';

/**
 * Conflicts (DESIGN.md §3): a same-field clash between two people's offline edits, kept by the
 * server as a `conflict` record. A person resolves each one in the sync area — keep the server's
 * value, take their own, or type another — and that choice is itself a mutation, queued in the
 * outbox like any write (so it works offline and syncs later).
 */

export interface ConflictView {
  id: string;
  entity: SyncEntity;
  recordId: string;
  field: string;
  serverValue: unknown;
  clientValue: unknown;
  status: string;
  /** A readable name of the record (a customer's company name), when this device has it. */
  recordLabel: string | null;
}

export type ConflictChoice = 'server' | 'client' | 'custom';

export async function listConflicts(): Promise<ConflictView[]> {
  const d = db();
  const rows = await d.meta.where('key').startsWith(`${META_RECORD_PREFIX}conflict:`).toArray();
  const out: ConflictView[] = [];
  for (const r of rows) {
    const m = r.value as MetaRecord;
    const data = m.data as Record<string, unknown>;
    const entity = data.entity as SyncEntity;
    const table = ENTITY_TABLES[entity];
    const rec = table ? ((await d.table(table).get(String(data.recordId))) as Record<string, unknown> | undefined) : undefined;
    out.push({
      id: m.id,
      entity,
      recordId: String(data.recordId),
      field: String(data.field),
      serverValue: data.serverValue,
      clientValue: data.clientValue,
      status: String(data.status ?? 'open'),
      recordLabel: typeof rec?.name === 'string' ? rec.name : null,
    });
  }
  return out.sort((a, b) => a.recordId.localeCompare(b.recordId) || a.field.localeCompare(b.field));
}

export async function openConflictCount(): Promise<number> {
  return (await listConflicts()).filter((c) => c.status === 'open').length;
}

/** Resolves a conflict locally at once and queues the resolution for the server. */
export async function resolveConflict(conflictId: string, choose: ConflictChoice, value?: unknown): Promise<void> {
  const d = db();
  await writeWithOutbox(syncedTables(), async ({ enqueue }) => {
    const key = metaRecordKey('conflict', conflictId);
    const row = await d.meta.get(key);
    if (!row) throw new NotFoundError(msg('conflict.notFound'));
    const m = row.value as MetaRecord;
    const data = m.data as Record<string, unknown>;
    if (data.status !== 'open') throw new ValidationError({ status: msg('conflict.resolved') });
    if (choose === 'custom' && value === undefined) throw new ValidationError({ value: msg('conflict.valueRequired') });
    const chosen = choose === 'server' ? data.serverValue : choose === 'client' ? data.clientValue : value;
    const table = ENTITY_TABLES[data.entity as SyncEntity];
    if (table && choose !== 'server') {
      const rec = (await d.table(table).get(String(data.recordId))) as Record<string, unknown> | undefined;
      if (rec) await d.table(table).put({ ...rec, [String(data.field)]: chosen });
    }
    await d.meta.put({ key, value: { ...m, data: { ...data, status: 'resolved', resolution: { choose, value: chosen } } } satisfies MetaRecord });
    await enqueue({ name: 'conflict.resolve', args: choose === 'custom' ? { conflictId, choose, value } : { conflictId, choose } });
  });
}
