import type { Queryable } from '../db/index';
import type { FieldMeta, RecordData, SyncEntity } from '../../../shared/sync/index';

/**
 * The change log. Every record of every entity lives in `records` with `version` = the office
 * change sequence of its last write; pull reads `version > cursor` in order.
 *
 * Why a pull can never skip a late commit: sequence numbers come from
 * `UPDATE offices SET change_seq = change_seq + n … RETURNING`, which takes the office row's
 * lock and holds it until the writing transaction commits. A second writer of the same office
 * waits on that lock, so it can only draw its numbers after the first one committed (or rolled
 * back, leaving a harmless gap). Versions therefore become visible in increasing order: once a
 * reader sees version v, every version below v is committed and visible too.
 *
 * The bump is the LAST statement of a writing transaction (writes are buffered until then),
 * which keeps the lock short and ordered after any number-row locks, so it cannot deadlock
 * with them.
 */
export interface RecordWrite {
  entity: SyncEntity;
  id: string;
  data: RecordData | null;
  deleted: boolean;
  /** fields whose per-field version should move to this write's version */
  changedFields: string[];
  /** the field meta the record had before (from a read in this transaction) */
  previousMeta?: Record<string, FieldMeta>;
  /** insert only: fail with a unique violation when the record exists */
  mustBeNew?: boolean;
}

export async function writeRecords(tx: Queryable, officeId: string, clientId: string, writes: RecordWrite[]): Promise<number[]> {
  if (writes.length === 0) return [];
  const bump = await tx.query<{ change_seq: number }>('UPDATE offices SET change_seq = change_seq + $2 WHERE id = $1 RETURNING change_seq', [officeId, writes.length]);
  const last = bump.rows[0]?.change_seq;
  if (last === undefined) throw new Error(`office ${officeId} does not exist`);
  const first = last - writes.length + 1;
  const versions = writes.map((_, i) => first + i);
  const rows = writes.map((w, i) => {
    const meta: Record<string, FieldMeta> = { ...(w.previousMeta ?? {}) };
    for (const f of w.changedFields) meta[f] = { v: versions[i]!, c: clientId };
    return { w, params: [w.entity, w.id, versions[i], w.data === null ? null : JSON.stringify(w.data), JSON.stringify(meta), w.deleted] };
  });
  // New records are plain inserts (a clash is an error, never a silent overwrite); the rest upsert.
  // Multi-row statements: one round trip per 200 records instead of one per record.
  const fresh = rows.filter((r) => r.w.mustBeNew);
  const other = rows.filter((r) => !r.w.mustBeNew);
  for (const [group, onConflict] of [
    [fresh, ''],
    [other, `ON CONFLICT (office_id, entity, id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data,
       field_meta = EXCLUDED.field_meta, deleted = EXCLUDED.deleted, updated_at = now()`],
  ] as const) {
    for (let i = 0; i < group.length; i += 200) {
      const part = group.slice(i, i + 200);
      const params: unknown[] = [officeId];
      const values = part.map((r) => {
        const base = params.length;
        params.push(...r.params);
        return `($1, $${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, $${base + 5}::jsonb, $${base + 6})`;
      });
      await tx.query(`INSERT INTO records (office_id, entity, id, version, data, field_meta, deleted) VALUES ${values.join(', ')} ${onConflict}`, params);
    }
  }
  return versions;
}

export interface StoredRecord {
  entity: SyncEntity;
  id: string;
  version: number;
  data: RecordData | null;
  fieldMeta: Record<string, FieldMeta>;
  deleted: boolean;
}

export async function readRecord(tx: Queryable, officeId: string, entity: SyncEntity, id: string, opts: { forUpdate?: boolean } = {}): Promise<StoredRecord | null> {
  const r = await tx.query<{ version: number; data: RecordData | null; field_meta: Record<string, FieldMeta>; deleted: boolean }>(
    `SELECT version, data, field_meta, deleted FROM records WHERE office_id = $1 AND entity = $2 AND id = $3${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [officeId, entity, id],
  );
  const row = r.rows[0];
  return row ? { entity, id, version: row.version, data: row.data, fieldMeta: row.field_meta ?? {}, deleted: row.deleted } : null;
}

/**
 * Buffers the record writes of a push chunk (or of one request) and flushes them with ONE counter
 * bump at the end, so the office row is locked only for the last moments of the transaction.
 * Reads go through the buffer, so a mutation sees the writes of earlier ones in the same chunk.
 * `mark`/`reset` drop the writes of a mutation that was rejected (its SQL is rolled back to a
 * savepoint at the same time).
 */
export class OfficeWriter {
  private pending = new Map<string, RecordWrite>();

  constructor(
    private readonly tx: Queryable,
    readonly officeId: string,
    private readonly clientId: string,
  ) {}

  put(w: RecordWrite): void {
    const key = `${w.entity}\u0000${w.id}`;
    const prev = this.pending.get(key);
    if (prev) {
      w = { ...w, changedFields: [...new Set([...prev.changedFields, ...w.changedFields])], previousMeta: prev.previousMeta, mustBeNew: prev.mustBeNew };
    }
    this.pending.set(key, w);
  }

  async read(entity: SyncEntity, id: string, opts: { forUpdate?: boolean } = {}): Promise<StoredRecord | null> {
    const stored = await readRecord(this.tx, this.officeId, entity, id, opts);
    const p = this.pending.get(`${entity}\u0000${id}`);
    if (!p) return stored;
    return { entity, id, version: stored?.version ?? 0, data: p.data, fieldMeta: p.previousMeta ?? {}, deleted: p.deleted };
  }

  /** Written earlier in this chunk (a create clashing with a stored row is caught at flush). */
  has(entity: SyncEntity, id: string): boolean {
    return this.pending.has(`${entity}\u0000${id}`);
  }

  mark(): Map<string, RecordWrite> {
    return new Map(this.pending);
  }

  reset(mark: Map<string, RecordWrite>): void {
    this.pending = new Map(mark);
  }

  get size(): number {
    return this.pending.size;
  }

  async flush(): Promise<number[]> {
    const writes = [...this.pending.values()];
    this.pending.clear();
    return writeRecords(this.tx, this.officeId, this.clientId, writes);
  }
}
