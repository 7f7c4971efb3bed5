import type { Queryable } from '../db/index';
import { LEASE_GRACE_HOURS, NUMBER_COOLING_DAYS, NUMBER_RESERVATION_DAYS, type RecordData } from '../../../shared/sync/index';
import type { RecordWrite } from '../sync/changes';

/**
 * SQL fragments for the number pool. Times are compared with the database's now(): the server
 * never trusts a client clock, and every server process shares the database clock.
 *
 * A number is FREE when available, or when its reservation hold / cooling period has run out.
 * It is held by a LIVE lease until the lease is returned or until expires_at + grace; after
 * that it goes back to the pool implicitly (no sweeper needed), while its lease_id stays so the
 * agent's offline sale can still be accepted if nobody else took the number meanwhile.
 */
export const GRACE = `make_interval(hours => ${LEASE_GRACE_HOURS})`;
export const FREE_SQL = `(n.status = 'available' OR (n.status IN ('reserved', 'cooling') AND n.hold_until <= now()))`;
export const IN_LIVE_LEASE_SQL = `EXISTS (SELECT 1 FROM leases l WHERE l.office_id = n.office_id AND l.id = n.lease_id AND l.returned_at IS NULL AND l.expires_at + ${GRACE} > now())`;
export const RESERVATION_INTERVAL = `make_interval(days => ${NUMBER_RESERVATION_DAYS})`;
export const COOLING_INTERVAL = `make_interval(days => ${NUMBER_COOLING_DAYS})`;

export interface NumberRow {
  number: string;
  office_id: string;
  status: string;
  customer_id: string | null;
  application_id: string | null;
  lease_id: string | null;
  hold_until: string | null;
  updated_at: string;
}

export interface LockedNumber extends NumberRow {
  hold_over: boolean;
  lease_user: string | null;
  lease_live: boolean;
}

/** Locks one number row of the office (waits for a concurrent holder) and reads its lease. */
export async function lockNumber(tx: Queryable, officeId: string, number: string): Promise<LockedNumber | null> {
  const r = await tx.query<LockedNumber>(
    `SELECT n.*, COALESCE(n.hold_until <= now(), false) AS hold_over, l.user_id AS lease_user,
            (l.id IS NOT NULL AND l.returned_at IS NULL AND l.expires_at + ${GRACE} > now()) AS lease_live
       FROM hotline_numbers n LEFT JOIN leases l ON l.office_id = n.office_id AND l.id = n.lease_id
      WHERE n.office_id = $1 AND n.number = $2
      FOR UPDATE OF n`,
    [officeId, number],
  );
  return r.rows[0] ?? null;
}

/** The client-visible mirror of a number row (entity 'hotlineNumber', id = the digits). */
export function numberRecord(row: NumberRow): RecordWrite {
  const data: RecordData = {
    number: row.number,
    status: row.status,
    customerId: row.customer_id,
    applicationId: row.application_id,
    leaseId: row.lease_id,
    holdUntil: row.hold_until,
    updatedAt: row.updated_at,
  };
  return { entity: 'hotlineNumber', id: row.number, data, deleted: false, changedFields: Object.keys(data) };
}
