import { roleCanRead, type Change, type PullCursor, type PullResponse, type RecordData, type SyncEntity } from '../../../shared/sync/index';
import type { Db } from '../db/index';
import type { AuthInfo } from './context';
import { checkProtocol } from './push';

/** Can this caller see this record? Conflicts follow the entity they are about. */
export function visible(auth: AuthInfo, entity: SyncEntity, data: RecordData | null): boolean {
  if (!roleCanRead(auth.role, entity)) return false;
  if (entity === 'conflict' && data && typeof data.entity === 'string') return roleCanRead(auth.role, data.entity as SyncEntity);
  // A field agent sees its own leases, not which numbers its colleagues carry.
  if (entity === 'lease' && auth.role === 'field_agent') return !!data && data.userId === auth.userId;
  return true;
}

/**
 * One page of changes for the caller's offices, in version order per office (see changes.ts for
 * why that order can never skip a late commit). The cursor advances over rows the role may not
 * see, so a field agent does not re-scan them. Offices the caller does not belong to are
 * ignored even if they appear in the cursor.
 */
export async function pull(db: Db, auth: AuthInfo, req: { protocolVersion: number; cursor: PullCursor; limit: number }): Promise<PullResponse> {
  checkProtocol(req.protocolVersion);
  const offices = [...auth.officeIds].sort();
  const cursor: PullCursor = {};
  const changes: Change[] = [];
  let budget = req.limit;
  let hasMore = false;
  for (const officeId of offices) {
    const from = req.cursor[officeId] ?? 0;
    cursor[officeId] = from;
    if (budget <= 0) {
      hasMore = true;
      continue;
    }
    const r = await db.query<{ entity: SyncEntity; id: string; version: number; deleted: boolean; data: RecordData | null }>(
      'SELECT entity, id, version, deleted, data FROM records WHERE office_id = $1 AND version > $2 ORDER BY version LIMIT $3',
      [officeId, from, budget],
    );
    for (const row of r.rows) {
      cursor[officeId] = row.version;
      if (!visible(auth, row.entity, row.data)) continue;
      changes.push({ officeId, entity: row.entity, id: row.id, version: row.version, deleted: row.deleted, data: row.deleted ? null : row.data });
    }
    if (r.rows.length === budget) hasMore = true;
    budget -= r.rows.length;
  }
  const t = await db.query<{ now: string }>('SELECT now() AS now');
  return { changes, cursor, hasMore, serverTime: t.rows[0]!.now };
}
