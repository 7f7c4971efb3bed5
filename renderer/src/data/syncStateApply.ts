import type { Table } from 'dexie';
import type { Change, SyncEntity } from '../../../shared/sync/index';
import { db } from './db';
import { companyNameTokens } from './customersSearch';
import { newNumberRow } from './numbers';
import type { AttachmentRow, NumberRow } from './rows';

/**
 * How a record pulled from the server lands in the local store. Entities with a table of their
 * own (customers, numbers, …) become rows of it, with the server's version as their version (the
 * base of the next edit); the rest (conflicts, leases, payments, users, call records) are kept
 * as `rec:<entity>:<id>` rows of `meta`, which every sync transaction already includes.
 * A tombstone deletes the local row.
 */

export const ENTITY_TABLES: Partial<Record<SyncEntity, string>> = {
  customer: 'customers',
  application: 'applications',
  package: 'packages',
  contract: 'contracts',
  account: 'accounts',
  hotlineNumber: 'numbers',
};

export const META_RECORD_PREFIX = 'rec:';

export function metaRecordKey(entity: SyncEntity, id: string): string {
  return `${META_RECORD_PREFIX}${entity}:${id}`;
}

/** A record kept in meta: the server's envelope as pulled. */
export interface MetaRecord {
  entity: SyncEntity;
  id: string;
  version: number;
  data: Record<string, unknown>;
}

/** Every table a pulled page may touch (plus meta and the outbox, added by the caller). */
export function syncedTables(): Table[] {
  const d = db();
  const names = [...new Set(Object.values(ENTITY_TABLES))];
  return [...names.map((n) => d.table(n)), d.attachments];
}

function carrierOf(digits: string): NumberRow['carrier'] {
  const seg = digits.slice(0, 4);
  if (seg === '4001' || seg === '4007') return 'mobile';
  if (seg === '4008' || seg === '4009') return 'telecom';
  return 'unicom';
}

const NUMBER_STATUSES = new Set(['available', 'reserved', 'active', 'suspended', 'frozen', 'reclaimed', 'cooling']);

function numberRow(c: Change, existing: NumberRow | undefined): NumberRow {
  const data = c.data ?? {};
  const at = typeof data.updatedAt === 'string' ? data.updatedAt : new Date().toISOString();
  const base = existing ?? newNumberRow(c.id, carrierOf(c.id), [], at);
  const status = typeof data.status === 'string' && NUMBER_STATUSES.has(data.status) ? (data.status as NumberRow['status']) : base.status;
  return {
    ...base,
    status,
    customerId: typeof data.customerId === 'string' ? data.customerId : null,
    reservedUntil: status === 'reserved' && typeof data.holdUntil === 'string' ? data.holdUntil : null,
    coolingUntil: status === 'cooling' && typeof data.holdUntil === 'string' ? data.holdUntil : null,
    version: c.version,
    updatedAt: at,
  };
}

/** Attachment references a pulled customer carries become attachment rows (bytes follow by hash). */
async function attachmentRows(customerId: string, refs: unknown, at: string): Promise<void> {
  if (!Array.isArray(refs)) return;
  const d = db();
  const have = new Set((await d.attachments.where('customerId').equals(customerId).toArray()).map((a) => a.sha256));
  for (const r of refs as Record<string, unknown>[]) {
    if (typeof r?.sha256 !== 'string' || have.has(r.sha256)) continue;
    const row: AttachmentRow = {
      // deterministic, so two pulls of the same customer never add the attachment twice
      id: `${customerId}-${r.sha256.slice(0, 24)}`,
      version: 1,
      createdAt: at,
      updatedAt: at,
      customerId,
      kind: r.kind as AttachmentRow['kind'],
      fileName: String(r.fileName ?? r.sha256),
      mime: (r.mimeType ?? 'application/pdf') as AttachmentRow['mime'],
      size: Number(r.sizeBytes ?? 0),
      sha256: r.sha256,
      createdBy: 'sync',
    };
    await d.attachments.put(row);
    have.add(r.sha256);
  }
}

/** Applies one server record (a pulled change or a reconciliation read). Call inside a transaction over syncedTables() + meta. */
export async function applyChange(c: Change): Promise<void> {
  const d = db();
  const tableName = ENTITY_TABLES[c.entity];
  if (!tableName) {
    const key = metaRecordKey(c.entity, c.id);
    if (c.deleted || !c.data) await d.meta.delete(key);
    else await d.meta.put({ key, value: { entity: c.entity, id: c.id, version: c.version, data: c.data } satisfies MetaRecord });
    return;
  }
  const table = d.table(tableName);
  if (c.deleted || !c.data) {
    await table.delete(c.id);
    if (c.entity === 'customer') await d.attachments.where('customerId').equals(c.id).delete();
    return;
  }
  if (c.entity === 'hotlineNumber') {
    await table.put(numberRow(c, (await table.get(c.id)) as NumberRow | undefined));
    return;
  }
  const existing = (await table.get(c.id)) as Record<string, unknown> | undefined;
  const data = c.data;
  const now = new Date().toISOString();
  const row: Record<string, unknown> = {
    ...(existing ?? {}),
    ...data,
    id: c.id,
    version: c.version,
    createdAt: typeof data.createdAt === 'string' ? data.createdAt : (existing?.createdAt ?? now),
    updatedAt: typeof data.updatedAt === 'string' ? data.updatedAt : now,
    deletedAt: null,
  };
  if (c.entity === 'customer') {
    row.searchTokens = companyNameTokens(String(data.name ?? ''));
    row.attachments ??= [];
    await attachmentRows(c.id, row.attachments, String(row.updatedAt));
  }
  await table.put(row);
}

/** The (entity, id, version) of every synced record this device holds, for comparison with the server's snapshot. */
export async function localRecordVersions(): Promise<{ entity: SyncEntity; id: string; version: number }[]> {
  const d = db();
  const out: { entity: SyncEntity; id: string; version: number }[] = [];
  for (const [entity, tableName] of Object.entries(ENTITY_TABLES) as [SyncEntity, string][]) {
    const rows = (await d.table(tableName).toArray()) as Record<string, unknown>[];
    for (const r of rows) {
      if (r.deletedAt) continue;
      out.push({ entity, id: String(entity === 'hotlineNumber' ? r.digits : r.id), version: Number(r.version) });
    }
  }
  const metas = await d.meta.where('key').startsWith(META_RECORD_PREFIX).toArray();
  for (const m of metas) {
    const v = m.value as MetaRecord;
    out.push({ entity: v.entity, id: v.id, version: v.version });
  }
  return out;
}
