import { ROLE_READABLE, roleCanRead, type PullCursor, type PullResponse, type RecordData, type SyncEntity } from '../../../shared/sync/index';
import type { Db } from '../db/index';
import type { AuthInfo } from './context';
import { checkProtocol } from './push';

/** Can this caller see this record? Conflicts follow the entity they are about. (PAGE_SQL has its SQL twin.) */
export function visible(auth: AuthInfo, entity: SyncEntity, data: RecordData | null): boolean {
  if (!roleCanRead(auth.role, entity)) return false;
  if (entity === 'conflict' && data && typeof data.entity === 'string') return roleCanRead(auth.role, data.entity as SyncEntity);
  // A field agent sees its own leases, not which numbers its colleagues carry.
  if (entity === 'lease' && auth.role === 'field_agent') return !!data && data.userId === auth.userId;
  return true;
}

/**
 * A page stops early once its records reach this many bytes of JSON (a page of big records must
 * not become a 100 MB answer); it always holds at least one row.
 */
export const PAGE_BYTE_BUDGET = 8 * 1024 * 1024;

/**
 * One office's page, built by the database as ONE row: the changes already as JSON text joined
 * by commas, how many rows the page covers and the last version it covers.
 *
 * Why one row: PGlite decodes every field of every row in JavaScript, which cost more than the
 * query itself (a pull of 2,000 records was ~5 fields × 2,000 decodes, then a JSON.parse of each
 * record and a JSON.stringify of the answer). One text field per page is one decode, and the
 * records are never parsed: jsonb::text is spliced into the answer as is.
 *
 * Why the SET LOCAL in pullJson: this must walk records_office_version in order and stop after
 * `limit` rows. Without fresh statistics (PGlite never analyses by itself; PostgreSQL not yet
 * after a bulk load) the planner estimates a few hundred rows and picks a bitmap scan of EVERY
 * row above the cursor plus a sort — measured 60–300 ms a page on 20k records, growing with the
 * office, where the index walk takes 4 ms.
 *
 * Visibility is the SQL twin of `visible()` ($5 readable entities, $6 field agent, $7 user id);
 * rows the caller may not see still count (the cursor moves past them). The byte budget ($4)
 * cuts the page after the row that crosses it (a page always holds at least one row).
 */
export const PAGE_SQL = `
WITH page AS (
  SELECT version, entity, id, deleted, data FROM records
  WHERE office_id = $1 AND version > $2 ORDER BY version LIMIT $3
), shaped AS (
  SELECT version,
    entity = ANY($5::text[])
      AND (entity <> 'conflict' OR jsonb_typeof(data->'entity') IS DISTINCT FROM 'string' OR data->>'entity' = ANY($5::text[]))
      AND (entity <> 'lease' OR NOT $6::boolean OR (data IS NOT NULL AND data->>'userId' = $7::text)) AS vis,
    '{"officeId":' || to_json($1::text)::text || ',"entity":' || to_json(entity)::text || ',"id":' || to_json(id)::text
      || ',"version":' || version || ',"deleted":' || deleted
      || ',"data":' || CASE WHEN deleted OR data IS NULL THEN 'null' ELSE data::text END || '}' AS j
  FROM page
), sized AS (
  SELECT version, vis, j,
    coalesce(sum(CASE WHEN vis THEN octet_length(j) ELSE 0 END) OVER (ORDER BY version ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM shaped
)
SELECT (SELECT count(*) FROM page)::int AS fetched, count(*)::int AS taken, max(version) AS last,
  string_agg(j, ',' ORDER BY version) FILTER (WHERE vis) AS changes,
  coalesce(sum(octet_length(j)) FILTER (WHERE vis), 0)::int AS bytes
FROM sized WHERE before < $4`;

interface PageRow {
  fetched: number;
  taken: number;
  last: number | null;
  changes: string | null;
  bytes: number;
}

/**
 * Answers already built, shared by identical requests at the same office state (S3 of
 * bench/sync.ts: 200 agents of one office each pull the same ~8,000 records; PGlite builds
 * pages one at a time, ~25 ms per 1,000 records, so building each page once per state instead
 * of once per agent is what keeps an agent's sync near the push queue).
 *
 * The key holds everything a page depends on: each office's change_seq (every records write
 * bumps it, in the same transaction: changes.ts, billing/records.ts), the cursor, the limit,
 * the byte budget and the visibility inputs (role; user id for a field agent). The seqs are read
 * BEFORE the page is built, so a cached page shows that state or a later committed one — what
 * the same request would have seen had it been served a moment later; a request whose key
 * matches read those same seqs, so no page can be older than the state the request saw. The
 * cursor rules are untouched. Per process and per database (a PostgreSQL deployment with many
 * processes: each keeps its own), bounded by size; serverTime is never cached.
 */
const CACHE_CHARS = 16 * 1024 * 1024;

/** Built answers by key, oldest first (Map keeps insertion order; a hit re-inserts its entry). */
class AnswerCache {
  private readonly map = new Map<string, string>();
  private chars = 0;

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, body: string): void {
    if (body.length > CACHE_CHARS / 4) return;
    const prev = this.map.get(key);
    if (prev !== undefined) {
      this.map.delete(key);
      this.chars -= prev.length;
    }
    this.map.set(key, body);
    this.chars += body.length;
    for (const [k, v] of this.map) {
      if (this.chars <= CACHE_CHARS) break;
      this.map.delete(k);
      this.chars -= v.length;
    }
  }
}

const answerCaches = new WeakMap<Db, AnswerCache>();

function cacheFor(db: Db): AnswerCache {
  let c = answerCaches.get(db);
  if (!c) answerCaches.set(db, (c = new AnswerCache()));
  return c;
}

/**
 * One page of changes for the caller's offices, in version order per office (see changes.ts for
 * why that order can never skip a late commit), as the JSON text of a PullResponse. The cursor
 * advances over rows the role may not see, so a field agent does not re-scan them. Offices the
 * caller does not belong to are ignored even if they appear in the cursor.
 */
export async function pullJson(db: Db, auth: AuthInfo, req: { protocolVersion: number; cursor: PullCursor; limit: number }, byteBudget = PAGE_BYTE_BUDGET): Promise<string> {
  checkProtocol(req.protocolVersion);
  const offices = [...auth.officeIds].sort();
  const readable = ROLE_READABLE[auth.role];
  // one statement: the offices' states and the server time of this answer
  const st = await db.query<{ now: string; seqs: string }>(
    "SELECT now() AS now, coalesce((SELECT json_object_agg(id, change_seq) FROM offices WHERE id::text = ANY($1::text[]))::text, '{}') AS seqs",
    [offices],
  );
  const seqs = JSON.parse(st.rows[0]!.seqs) as Record<string, number>;
  const tail = `,"serverTime":${JSON.stringify(st.rows[0]!.now)}}`;
  const key = JSON.stringify([auth.role, auth.role === 'field_agent' ? auth.userId : '', req.limit, byteBudget, offices.map((o) => [o, seqs[o] ?? null, req.cursor[o] ?? 0])]);
  const cache = cacheFor(db);
  const hit = cache.get(key);
  if (hit !== undefined) return hit + tail;
  const body = await db.transaction(async (tx) => {
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
      const r = await tx.query<PageRow>(PAGE_SQL, [officeId, from, budget, byteBudget - bytes, readable, auth.role === 'field_agent', auth.userId]);
      const page = r.rows[0]!;
      if (page.last !== null) cursor[officeId] = Number(page.last);
      if (page.changes) parts.push(page.changes);
      bytes += page.bytes;
      if (page.taken < page.fetched || page.fetched === budget) hasMore = true;
      budget -= page.taken;
    }
    return `{"changes":[${parts.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${hasMore}`;
  });
  cache.set(key, body);
  return body + tail;
}

/** The same page as an object (tests and in-process callers). */
export async function pull(db: Db, auth: AuthInfo, req: { protocolVersion: number; cursor: PullCursor; limit: number }, byteBudget = PAGE_BYTE_BUDGET): Promise<PullResponse> {
  return JSON.parse(await pullJson(db, auth, req, byteBudget)) as PullResponse;
}
