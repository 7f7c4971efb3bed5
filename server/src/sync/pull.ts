import { roleCanRead, type PullCursor, type PullResponse, type RecordData, type SyncEntity } from '../../../shared/sync/index';
import type { Db } from '../db/index';
import type { AuthInfo } from './context';
import { checkProtocol } from './push';

/** Can this caller see this record? Conflicts follow the entity they are about. */
export function visible(auth: AuthInfo, entity: SyncEntity, data: RecordData | null): boolean {
  return visibleBy(auth, entity, entity === 'conflict' ? data?.entity : entity === 'lease' ? data?.userId : undefined, data !== null);
}

/**
 * The same rule on the one field it needs (`about`: a conflict's entity, a lease's holder), so a
 * pull page can decide without parsing the record.
 */
function visibleBy(auth: AuthInfo, entity: SyncEntity, about: unknown, hasData: boolean): boolean {
  if (!roleCanRead(auth.role, entity)) return false;
  if (entity === 'conflict' && typeof about === 'string') return roleCanRead(auth.role, about as SyncEntity);
  // A field agent sees its own leases, not which numbers its colleagues carry.
  if (entity === 'lease' && auth.role === 'field_agent') return hasData && about === auth.userId;
  return true;
}

/**
 * A page stops early once its records reach this many bytes of JSON (a page of big records must
 * not become a 100 MB answer); it always holds at least one row.
 */
export const PAGE_BYTE_BUDGET = 8 * 1024 * 1024;

interface PageRow {
  entity: SyncEntity;
  id: string;
  version: number;
  deleted: boolean;
  /** the record as stored, already JSON text (jsonb::text): spliced into the answer as is */
  data: string | null;
  about: string | null;
}

/**
 * The page query. It must walk records_office_version in order and stop after `limit` rows:
 * without fresh statistics (PGlite never analyses by itself; PostgreSQL not yet after a bulk
 * load) the planner estimates a few hundred rows and picks a bitmap scan of EVERY row above the
 * cursor plus a sort — measured 60–300 ms a page on 20k records, growing with the office, where
 * the index walk takes 4 ms. So the page runs in a transaction with bitmap and sequential scans
 * switched off for it alone (SET LOCAL).
 */
const PAGE_SQL = `SELECT entity, id, version, deleted, data::text AS data,
    CASE entity WHEN 'conflict' THEN data->>'entity' WHEN 'lease' THEN data->>'userId' END AS about
  FROM records WHERE office_id = $1 AND version > $2 ORDER BY version LIMIT $3`;

/**
 * One page of changes for the caller's offices, in version order per office (see changes.ts for
 * why that order can never skip a late commit), as the JSON text of a PullResponse. The records
 * leave the database as JSON text and are spliced into the answer unparsed: parsing and
 * re-serialising every record cost more than the query. The cursor advances over rows the role
 * may not see, so a field agent does not re-scan them. Offices the caller does not belong to are
 * ignored even if they appear in the cursor.
 */
export async function pullJson(db: Db, auth: AuthInfo, req: { protocolVersion: number; cursor: PullCursor; limit: number }, byteBudget = PAGE_BYTE_BUDGET): Promise<string> {
  checkProtocol(req.protocolVersion);
  const offices = [...auth.officeIds].sort();
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
    const cursor: PullCursor = {};
    const parts: string[] = [];
    let budget = req.limit;
    let bytes = 0;
    let hasMore = false;
    for (const officeId of offices) {
      const from = req.cursor[officeId] ?? 0;
      cursor[officeId] = from;
      if (budget <= 0 || bytes >= byteBudget) {
        hasMore = true;
        continue;
      }
      const r = await tx.query<PageRow>(PAGE_SQL, [officeId, from, budget]);
      const office = JSON.stringify(officeId);
      let taken = 0;
      for (const row of r.rows) {
        if (bytes >= byteBudget) break;
        taken++;
        cursor[officeId] = row.version;
        if (!visibleBy(auth, row.entity, row.about, row.data !== null)) continue;
        const data = row.deleted || row.data === null ? 'null' : row.data;
        const part = `{"officeId":${office},"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},"version":${Number(row.version)},"deleted":${row.deleted ? 'true' : 'false'},"data":${data}}`;
        bytes += part.length;
        parts.push(part);
      }
      if (taken < r.rows.length || r.rows.length === budget) hasMore = true;
      budget -= taken;
    }
    const t = await tx.query<{ now: string }>('SELECT now() AS now');
    return `{"changes":[${parts.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${hasMore},"serverTime":${JSON.stringify(t.rows[0]!.now)}}`;
  });
}

/** The same page as an object (tests and in-process callers). */
export async function pull(db: Db, auth: AuthInfo, req: { protocolVersion: number; cursor: PullCursor; limit: number }, byteBudget = PAGE_BYTE_BUDGET): Promise<PullResponse> {
  return JSON.parse(await pullJson(db, auth, req, byteBudget)) as PullResponse;
}
