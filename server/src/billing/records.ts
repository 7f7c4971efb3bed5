import type { Queryable } from '../db/index';
import type { FieldMeta, RecordData, SyncEntity } from '../../../shared/sync/index';

/**
 * Billing results travel to devices through the same change log as every record (records table,
 * version = the office change sequence). A billing run writes tens of thousands of records, so this
 * writer sends them in multi-row batches with ONE counter bump, instead of a statement per row.
 * Same ordering rule as sync/changes.ts: call it last in the transaction (the bump takes the office
 * row's lock until commit, so versions become visible in order).
 */
export interface BillingRecordWrite {
  entity: SyncEntity;
  id: string;
  data: RecordData;
  /** fields whose per-field version moves to this write (default: every key of data) */
  changedFields?: string[];
  previousMeta?: Record<string, FieldMeta>;
}

const BATCH = 1000;

export async function putRecords(tx: Queryable, officeId: string, writes: BillingRecordWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const bump = await tx.query<{ change_seq: number }>('UPDATE offices SET change_seq = change_seq + $2 WHERE id = $1 RETURNING change_seq', [officeId, writes.length]);
  const last = bump.rows[0]?.change_seq;
  if (last === undefined) throw new Error(`office ${officeId} does not exist`);
  let version = last - writes.length + 1;
  for (let i = 0; i < writes.length; i += BATCH) {
    const chunk = writes.slice(i, i + BATCH);
    const entities: string[] = [];
    const ids: string[] = [];
    const versions: number[] = [];
    const datas: string[] = [];
    const metas: string[] = [];
    for (const w of chunk) {
      const meta: Record<string, FieldMeta> = { ...(w.previousMeta ?? {}) };
      for (const f of w.changedFields ?? Object.keys(w.data)) meta[f] = { v: version, c: 'server' };
      entities.push(w.entity);
      ids.push(w.id);
      versions.push(version++);
      datas.push(JSON.stringify(w.data));
      metas.push(JSON.stringify(meta));
    }
    await tx.query(
      `INSERT INTO records (office_id, entity, id, version, data, field_meta, deleted)
       SELECT $1, e, i, v, d::jsonb, m::jsonb, false FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS t(e, i, v, d, m)
       ON CONFLICT (office_id, entity, id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data,
         field_meta = EXCLUDED.field_meta, deleted = false, updated_at = now()`,
      [officeId, entities, ids, versions, datas, metas],
    );
  }
}
