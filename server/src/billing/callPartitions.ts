import type { Queryable } from '../db/index';

/**
 * The call_records partitions: one per office and calendar month of the office day (migration
 * 0006). A month's partition is either created empty and indexed (any writer) or, for a month's
 * first carrier file on PostgreSQL, loaded bare, indexed in one sort and then attached — PostgreSQL
 * keeping two indexes up to date row by row had been most of a million-row import.
 *
 * Names are built here from a validated uuid and a YYYY-MM month only, and always quoted.
 */

export interface CallMonth {
  /** 'YYYY-MM' */
  month: string;
  /** first day of the month and of the next, 'YYYY-MM-DD' */
  from: string;
  to: string;
  /** the partition's table name */
  table: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The partition of an office's month ('YYYY-MM'). */
export function callMonth(officeId: string, month: string): CallMonth {
  const m = MONTH_RE.exec(month);
  if (!UUID_RE.test(officeId) || !m) throw new Error(`call_records partition: bad office ${officeId} or month ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { month, from: `${month}-01`, to: `${next}-01`, table: `call_records_${officeId.replace(/-/g, '').toLowerCase()}_${y}${m[2]}` };
}

const ident = (name: string) => `"${name}"`;
const literal = (text: string) => `'${text}'`;

/** Whether the month's partition exists (attached or not). */
export async function partitionExists(q: Queryable, p: CallMonth): Promise<boolean> {
  const r = await q.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [p.table]);
  return r.rows[0]?.t != null;
}

/** A bare table shaped like call_records whose CHECK matches the partition bound, so attaching it skips the scan. */
async function createBare(q: Queryable, officeId: string, p: CallMonth): Promise<void> {
  await q.query(
    `CREATE TABLE ${ident(p.table)} (LIKE call_records INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
       CONSTRAINT ${ident(`${p.table}_bounds`)} CHECK (office_id = ${literal(officeId)} AND local_day >= ${literal(p.from)} AND local_day < ${literal(p.to)}))`,
  );
}

/** The partition's two indexes (see migration 0006), each built in one sort over what it holds. */
export async function buildIndexes(q: Queryable, p: CallMonth): Promise<void> {
  await q.query(`ALTER TABLE ${ident(p.table)} ADD CONSTRAINT ${ident(`${p.table}_record`)} UNIQUE (carrier, carrier_record_id)`);
  await q.query(`CREATE INDEX ${ident(`${p.table}_acct_day`)} ON ${ident(p.table)} (account_id, local_day)`);
}

/** Attaches a loaded and indexed table as the month's partition (SHARE UPDATE EXCLUSIVE on the parent: reads go on). */
export async function attach(q: Queryable, officeId: string, p: CallMonth): Promise<void> {
  await q.query(
    `ALTER TABLE call_records ATTACH PARTITION ${ident(p.table)} FOR VALUES FROM (${literal(officeId)}, ${literal(p.from)}) TO (${literal(officeId)}, ${literal(p.to)})`,
  );
}

/**
 * A month's partition for a bulk load: a new bare table (true) when the month has no partition —
 * the caller loads it, then calls buildIndexes and attach — else the month's attached, indexed
 * partition (false), created here when missing.
 */
export async function openMonth(q: Queryable, officeId: string, p: CallMonth, bulk: boolean): Promise<boolean> {
  if (await partitionExists(q, p)) return false;
  await createBare(q, officeId, p);
  if (bulk) return true;
  await buildIndexes(q, p);
  await attach(q, officeId, p);
  return false;
}

/**
 * The partition of an office's month, created with its indexes when missing: for writers other than
 * the import (a row for a month without its partition is refused by PostgreSQL).
 */
export async function ensureCallMonth(q: Queryable, officeId: string, month: string): Promise<CallMonth> {
  const p = callMonth(officeId, month);
  await openMonth(q, officeId, p, false);
  return p;
}

/** The partitions of an office other than `except`. */
async function otherPartitions(q: Queryable, officeId: string, except: CallMonth): Promise<string[]> {
  const prefix = `call_records_${officeId.replace(/-/g, '').toLowerCase()}_`;
  const r = await q.query<{ t: string }>(
    `SELECT c.relname AS t FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'call_records'::regclass AND left(c.relname, $2) = $1 AND c.relname <> $3`,
    [prefix, prefix.length, except.table],
  );
  return r.rows.map((x) => x.t);
}

/**
 * Removes from month `p` this import's records whose carrier record id is already stored in
 * another month of the office (the duplicate rule of 400 agreement's call records holds across
 * months; within a month the partition's unique key holds it). Returns how many were removed.
 *
 * Each other partition is first asked, through its unique index, whether it holds any id in the
 * import's range for the month [minId, maxId] (in byte order, as the "C" collation compares them:
 * IdRange in inFileIds.ts): carriers number records in ascending order, so for
 * a new month's file that is one index probe per month and finds nothing. Only a partition that
 * does hold ids in the range is joined with the month.
 */
export async function removeStoredElsewhere(q: Queryable, officeId: string, carrier: string, importId: string, p: CallMonth, minId: string, maxId: string): Promise<number> {
  let removed = 0;
  const params = [carrier, minId, maxId, importId];
  for (const t of await otherPartitions(q, officeId, p)) {
    const held = await q.query(`SELECT 1 FROM ${ident(t)} WHERE carrier = $1 AND carrier_record_id BETWEEN $2 AND $3 LIMIT 1`, params.slice(0, 3));
    if (!held.rows.length) continue;
    const r = await q.query(
      `DELETE FROM ${ident(p.table)} n USING ${ident(t)} o
        WHERE n.import_id = $4 AND n.carrier = $1 AND o.carrier = $1
          AND o.carrier_record_id = n.carrier_record_id AND o.carrier_record_id BETWEEN $2 AND $3`,
      params,
    );
    removed += r.rowCount;
  }
  return removed;
}
