import type { Table } from 'dexie';
import type { Change, SyncEntity } from '../../../shared/sync/index';
import { db } from './db';
import { companyNameTokens } from './customersSearch';
import { newNumberRow } from './numbers';
import { listGradeRules, shippedGradeTable, type StoredGradeRule } from './gradeRules';
import { applyOfficeChanges } from './officeSync';
import { dropLocalHistoryLines } from './customersHistorySync';
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
  // a customer's change history, written by the server (customersHistorySync.ts)
  customerHistory: 'customerHistory',
  application: 'applications',
  package: 'packages',
  contract: 'contracts',
  account: 'accounts',
  hotlineNumber: 'numbers',
  // billing results (issue 7): the ledger entries and monthly bills the server publishes
  ledgerEntry: 'ledger',
  bill: 'bills',
  // the collections job's action log and call-record disputes (the billing settings stay a meta record)
  billingAction: 'billingActions',
  callDispute: 'disputes',
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
  // officeProfile and gradeRules: where pulled office records land (officeSync.ts)
  return [...names.map((n) => d.table(n)), d.attachments, d.officeProfile, d.gradeRules];
}

function carrierOf(digits: string): NumberRow['carrier'] {
  const seg = digits.slice(0, 4);
  if (seg === '4001' || seg === '4007') return 'mobile';
  if (seg === '4008' || seg === '4009') return 'telecom';
  return 'unicom';
}

const NUMBER_STATUSES = new Set(['available', 'reserved', 'active', 'suspended', 'frozen', 'reclaimed', 'cooling']);

/**
 * The grade table numbers pulled from the server are graded with: the office's (its pulled
 * gradeRules record has already replaced this device's table, applyOfficeChanges runs first),
 * else the shipped defaults this device seeds.
 */
async function pullGradeTable(): Promise<readonly StoredGradeRule[]> {
  const table = await listGradeRules();
  return table.length > 0 ? table : shippedGradeTable(new Date().toISOString());
}

function numberRow(c: Change, existing: NumberRow | undefined, grades: readonly StoredGradeRule[]): NumberRow {
  const data = c.data ?? {};
  const at = typeof data.updatedAt === 'string' ? data.updatedAt : new Date().toISOString();
  // a number new to this device is graded like an imported one; a known one keeps its grade and price
  const base = existing ?? newNumberRow(c.id, carrierOf(c.id), grades, at);
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
  await applyChanges([c]);
}

function localRow(c: Change, existing: Record<string, unknown> | undefined, now: string): Record<string, unknown> {
  const data = c.data ?? {};
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
  }
  return row;
}

/**
 * Applies a page of server records with bulk reads and writes per table (a page of 1,000 is a
 * handful of IndexedDB requests, not thousands). Later changes of the same record in the page win.
 * `fresh`: tables that held no row when this sync run began (the initial sync). Their rows can
 * only come from this run's pages, which are whole server records, so there is nothing local to
 * keep and the read of existing rows is skipped — it cost a quarter of an initial sync.
 * Call inside a transaction over syncedTables() + meta.
 */
export async function applyChanges(changes: readonly Change[], fresh: ReadonlySet<string> = new Set()): Promise<void> {
  const d = db();
  const last = new Map<string, Change>();
  for (const c of changes) last.set(`${c.entity}\u0000${c.id}`, c);
  const byTable = new Map<string, Change[]>();
  const metaPuts: { key: string; value: MetaRecord }[] = [];
  const metaDeletes: string[] = [];
  for (const c of last.values()) {
    const tableName = ENTITY_TABLES[c.entity];
    if (!tableName) {
      const key = metaRecordKey(c.entity, c.id);
      if (c.deleted || !c.data) metaDeletes.push(key);
      else metaPuts.push({ key, value: { entity: c.entity, id: c.id, version: c.version, data: c.data } });
      continue;
    }
    byTable.set(tableName, [...(byTable.get(tableName) ?? []), c]);
  }
  if (metaDeletes.length) await d.meta.bulkDelete(metaDeletes);
  if (metaPuts.length) await d.meta.bulkPut(metaPuts);
  await applyOfficeChanges(last.values());
  const now = new Date().toISOString();
  for (const [tableName, list] of byTable) {
    const table = d.table(tableName);
    const gone = list.filter((c) => c.deleted || !c.data);
    const live = list.filter((c) => !c.deleted && c.data);
    if (gone.length) {
      await table.bulkDelete(gone.map((c) => c.id));
      for (const c of gone) if (c.entity === 'customer') await d.attachments.where('customerId').equals(c.id).delete();
    }
    if (!live.length) continue;
    const existing = fresh.has(tableName) ? [] : ((await table.bulkGet(live.map((c) => c.id))) as (Record<string, unknown> | undefined)[]);
    const grades = tableName === 'numbers' ? await pullGradeTable() : [];
    const rows = live.map((c, i) => (c.entity === 'hotlineNumber' ? (numberRow(c, existing[i] as NumberRow | undefined, grades) as unknown as Record<string, unknown>) : localRow(c, existing[i], now)));
    await table.bulkPut(rows);
    if (tableName === 'customerHistory') await dropLocalHistoryLines(rows);
    for (const r of rows) {
      if (tableName === 'customers' && Array.isArray(r.attachments) && r.attachments.length) await attachmentRows(String(r.id), r.attachments, String(r.updatedAt));
    }
  }
}

/** The entity tables that hold no row at all now (read before a pull run; see applyChanges). */
export async function emptyEntityTables(): Promise<Set<string>> {
  const d = db();
  const out = new Set<string>();
  for (const name of new Set(Object.values(ENTITY_TABLES))) {
    if ((await d.table(name).limit(1).primaryKeys()).length === 0) out.add(name);
  }
  return out;
}

/** The (entity, id, version) of every synced record this device holds, for comparison with the server's snapshot. */
export async function localRecordVersions(): Promise<{ entity: SyncEntity; id: string; version: number }[]> {
  const d = db();
  const out: { entity: SyncEntity; id: string; version: number }[] = [];
  for (const [entity, tableName] of Object.entries(ENTITY_TABLES) as [SyncEntity, string][]) {
    const rows = (await d.table(tableName).toArray()) as Record<string, unknown>[];
    for (const r of rows) {
      // rows without a version are local only (a history line not yet written by the server)
      if (r.deletedAt || typeof r.version !== 'number') continue;
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
