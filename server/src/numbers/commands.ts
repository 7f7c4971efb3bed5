import { type MutationArgs, type RecordData } from '../../../shared/sync/index';
import { isUniqueViolation } from '../db/index';
import { reject, type HandlerOutcome, type MutationContext } from '../sync/context';
import { FREE_SQL, GRACE, IN_LIVE_LEASE_SQL, lockNumber, numberRecord, type LockedNumber, type NumberRow } from './pool';
import { officeSettingsFor } from '../sync/officeSettings';

const fmt = (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;

/**
 * May this caller give this (locked) number to this customer now?
 * - it must be free, or reserved for the same customer (a reservation turning into a sale);
 * - a live lease of someone else keeps it away from everybody else;
 * - a field agent sells only numbers of a lease it holds (see docs/sync-protocol.md: the lease
 *   may have expired, but only if nobody took the number meanwhile).
 */
function checkTakeable(ctx: MutationContext, row: LockedNumber, customerId: string, leaseId?: string): { reservedForSame: boolean } {
  const free = row.status === 'available' || ((row.status === 'reserved' || row.status === 'cooling') && row.hold_over);
  const reservedForSame = row.status === 'reserved' && !row.hold_over && row.customer_id === customerId;
  if (!free && !reservedForSame) reject('NUMBER_UNAVAILABLE', { zh: `${fmt(row.number)} 当前状态为 ${row.status}`, en: `${row.number} is ${row.status}`, field: 'number' });
  if (row.lease_id && row.lease_live && row.lease_user !== ctx.auth.userId && !reservedForSame) {
    reject('NUMBER_UNAVAILABLE', { zh: `${fmt(row.number)} 在其他外勤的租约中`, en: `${row.number} is leased to another agent`, field: 'number' });
  }
  if (leaseId && row.lease_id !== leaseId) reject('LEASE_NOT_HELD', { zh: fmt(row.number), en: row.number, field: 'number' });
  if (ctx.auth.role === 'field_agent' && (!row.lease_id || row.lease_user !== ctx.auth.userId)) {
    reject('LEASE_NOT_HELD', { zh: fmt(row.number), en: row.number, field: 'number' });
  }
  return { reservedForSame };
}

async function assign(ctx: MutationContext, row: LockedNumber, kind: 'reserved' | 'active', customerId: string, applicationId: string | undefined, reservedForSame: boolean) {
  const { tx } = ctx;
  // End stale holds (an expired reservation of someone else, a finished cooling period).
  await tx.query(
    'UPDATE number_assignments SET ended_at = now() WHERE number = $1 AND ended_at IS NULL AND NOT (kind = $2 AND customer_id = $3 AND $4)',
    [row.number, 'reserved', customerId, reservedForSame],
  );
  try {
    if (reservedForSame) {
      await tx.query("UPDATE number_assignments SET kind = $2, application_id = COALESCE($3, application_id) WHERE number = $1 AND ended_at IS NULL", [row.number, kind, applicationId ?? null]);
    } else {
      await tx.query('INSERT INTO number_assignments (office_id, number, customer_id, application_id, kind, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [
        ctx.officeId, row.number, customerId, applicationId ?? null, kind, ctx.auth.userId,
      ]);
    }
  } catch (e) {
    // The unique index on open assignments is the last line of defence against a double sale.
    if (isUniqueViolation(e)) reject('NUMBER_UNAVAILABLE', { zh: fmt(row.number), en: row.number, field: 'number' });
    throw e;
  }
  // a reservation holds for the office's reservationDays (default 15), on the server clock
  const { reservationDays } = await officeSettingsFor(ctx);
  const upd = await tx.query<NumberRow>(
    `UPDATE hotline_numbers SET status = $2, customer_id = $3, application_id = $4,
            hold_until = CASE WHEN $2 = 'reserved' THEN now() + make_interval(days => $5::int) ELSE NULL END, updated_at = now()
      WHERE number = $1 RETURNING *`,
    [row.number, kind, customerId, applicationId ?? null, reservationDays],
  );
  ctx.writer.put(numberRecord(upd.rows[0]!));
  return upd.rows[0]!;
}

async function ensureLeaseOwned(ctx: MutationContext, leaseId: string) {
  const r = await ctx.tx.query<{ user_id: string }>('SELECT user_id FROM leases WHERE office_id = $1 AND id = $2', [ctx.officeId, leaseId]);
  if (!r.rows[0] || r.rows[0].user_id !== ctx.auth.userId) reject('LEASE_NOT_HELD', { zh: `租约 ${leaseId}`, en: `lease ${leaseId}`, field: 'leaseId' });
}

async function ensureCustomer(ctx: MutationContext, customerId: string) {
  const c = await ctx.writer.read('customer', customerId);
  if (!c || c.deleted) reject('NOT_FOUND', { zh: `客户 ${customerId}`, en: `customer ${customerId}`, field: 'customerId' });
}

export async function numberAllocate(ctx: MutationContext, a: MutationArgs<'number.allocate'>): Promise<HandlerOutcome> {
  await ensureCustomer(ctx, a.customerId);
  if (a.leaseId) await ensureLeaseOwned(ctx, a.leaseId);
  else if (ctx.auth.role === 'field_agent' && !a.number) reject('LEASE_NOT_HELD', { zh: '外勤须从自己的租约中分配号码', en: 'field agents allocate from their lease', field: 'leaseId' });
  let number = a.number;
  if (!number) {
    // Any free number: skip rows other transactions are deciding on right now.
    const pick = await ctx.tx.query<{ number: string }>(
      `SELECT n.number FROM hotline_numbers n
        WHERE n.office_id = $1 AND ${FREE_SQL}
          AND ${a.leaseId ? 'n.lease_id = $2' : `(n.lease_id IS NULL OR NOT ${IN_LIVE_LEASE_SQL})`}
        ORDER BY n.number LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
      a.leaseId ? [ctx.officeId, a.leaseId] : [ctx.officeId],
    );
    if (!pick.rows[0]) reject('POOL_EMPTY', a.leaseId ? { zh: `租约 ${a.leaseId} 中已无号码`, en: `lease ${a.leaseId} has no number left` } : undefined);
    number = pick.rows[0].number;
  }
  const row = await lockNumber(ctx.tx, ctx.officeId, number);
  if (!row) reject('NOT_FOUND', { zh: `号码 ${fmt(number)} 不在本营业厅号码池中`, en: `${number} is not in this office's pool`, field: 'number' });
  const { reservedForSame } = checkTakeable(ctx, row, a.customerId, a.leaseId);
  await assign(ctx, row, 'active', a.customerId, a.applicationId, reservedForSame);
  return { result: { number, customerId: a.customerId } };
}

export async function numberReserve(ctx: MutationContext, a: MutationArgs<'number.reserve'>): Promise<HandlerOutcome> {
  await ensureCustomer(ctx, a.customerId);
  const row = await lockNumber(ctx.tx, ctx.officeId, a.number);
  if (!row) reject('NOT_FOUND', { zh: `号码 ${fmt(a.number)} 不在本营业厅号码池中`, en: `${a.number} is not in this office's pool`, field: 'number' });
  const { reservedForSame } = checkTakeable(ctx, row, a.customerId);
  if (reservedForSame) return { result: { number: a.number, holdUntil: row.hold_until, alreadyReserved: true } };
  const upd = await assign(ctx, row, 'reserved', a.customerId, a.applicationId, false);
  return { result: { number: a.number, holdUntil: upd.hold_until } };
}

export async function numberRelease(ctx: MutationContext, a: MutationArgs<'number.release'>): Promise<HandlerOutcome> {
  const row = await lockNumber(ctx.tx, ctx.officeId, a.number);
  if (!row) reject('NOT_FOUND', { zh: `号码 ${fmt(a.number)}`, en: a.number, field: 'number' });
  if (row.status !== 'reserved' && row.status !== 'active') reject('INVALID_TRANSITION', { zh: `${fmt(a.number)} 状态为 ${row.status}`, en: `${a.number} is ${row.status}`, field: 'number' });
  await ctx.tx.query('UPDATE number_assignments SET ended_at = now() WHERE number = $1 AND ended_at IS NULL', [a.number]);
  // A released reservation is free at once; a number that was in service cools down first
  // (4008 contract 7.3) for the office's coolingDays (default 90).
  const { coolingDays } = await officeSettingsFor(ctx);
  const upd = await ctx.tx.query<NumberRow>(
    `UPDATE hotline_numbers SET status = CASE WHEN status = 'reserved' THEN 'available' ELSE 'cooling' END,
            hold_until = CASE WHEN status = 'reserved' THEN NULL ELSE now() + make_interval(days => $2::int) END,
            customer_id = NULL, application_id = NULL, lease_id = NULL, updated_at = now()
      WHERE number = $1 RETURNING *`,
    [a.number, coolingDays],
  );
  ctx.writer.put(numberRecord(upd.rows[0]!));
  return { result: { number: a.number, status: upd.rows[0]!.status } };
}

interface LeaseRow {
  id: string;
  user_id: string;
  taken_at: string;
  expires_at: string;
  returned_at: string | null;
  grace_until: string;
}

function leaseRecord(l: LeaseRow, numbers: string[]) {
  const data: RecordData = { userId: l.user_id, numbers, takenAt: l.taken_at, expiresAt: l.expires_at, graceUntil: l.grace_until, returnedAt: l.returned_at };
  return { entity: 'lease' as const, id: l.id, data, deleted: false, changedFields: Object.keys(data) };
}

export async function leaseTake(ctx: MutationContext, a: MutationArgs<'lease.take'>): Promise<HandlerOutcome> {
  const { tx } = ctx;
  const exists = await tx.query('SELECT 1 FROM leases WHERE office_id = $1 AND id = $2', [ctx.officeId, a.leaseId]);
  if (exists.rowCount > 0) reject('ALREADY_EXISTS', { zh: `租约 ${a.leaseId}`, en: `lease ${a.leaseId}`, field: 'leaseId' });
  const picked = await tx.query<{ number: string }>(
    `SELECT n.number FROM hotline_numbers n
      WHERE n.office_id = $1 AND ${FREE_SQL} AND (n.lease_id IS NULL OR NOT ${IN_LIVE_LEASE_SQL})
        AND ($2::text IS NULL OR n.number LIKE $2::text || '%')
      ORDER BY n.number LIMIT $3 FOR UPDATE OF n SKIP LOCKED`,
    [ctx.officeId, a.prefix ?? null, a.count],
  );
  if (picked.rowCount === 0) reject('POOL_EMPTY', a.prefix ? { zh: `号段 ${a.prefix}`, en: `prefix ${a.prefix}` } : undefined);
  const lease = await tx.query<LeaseRow>(
    `INSERT INTO leases (office_id, id, user_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4::int))
     RETURNING id, user_id, taken_at, expires_at, returned_at, expires_at + ${GRACE} AS grace_until`,
    [ctx.officeId, a.leaseId, ctx.auth.userId, a.hours],
  );
  const numbers = picked.rows.map((r) => r.number);
  const upd = await tx.query<NumberRow>('UPDATE hotline_numbers SET lease_id = $2, updated_at = now() WHERE number = ANY($1::text[]) RETURNING *', [numbers, a.leaseId]);
  for (const row of upd.rows) ctx.writer.put(numberRecord(row));
  ctx.writer.put(leaseRecord(lease.rows[0]!, numbers));
  const l = lease.rows[0]!;
  return { result: { leaseId: a.leaseId, numbers, expiresAt: l.expires_at, graceUntil: l.grace_until } };
}

export async function leaseReturn(ctx: MutationContext, a: MutationArgs<'lease.return'>): Promise<HandlerOutcome> {
  const { tx } = ctx;
  const r = await tx.query<LeaseRow>(
    `SELECT id, user_id, taken_at, expires_at, returned_at, expires_at + ${GRACE} AS grace_until FROM leases WHERE office_id = $1 AND id = $2 FOR UPDATE`,
    [ctx.officeId, a.leaseId],
  );
  const lease = r.rows[0];
  if (!lease) reject('NOT_FOUND', { zh: `租约 ${a.leaseId}`, en: `lease ${a.leaseId}`, field: 'leaseId' });
  if (ctx.auth.role === 'field_agent' && lease.user_id !== ctx.auth.userId) reject('LEASE_NOT_HELD', { zh: `租约 ${a.leaseId}`, en: `lease ${a.leaseId}`, field: 'leaseId' });
  if (lease.returned_at) return { result: { leaseId: a.leaseId, alreadyReturned: true } };
  const ret = await tx.query<LeaseRow>(
    `UPDATE leases SET returned_at = now() WHERE office_id = $1 AND id = $2 RETURNING id, user_id, taken_at, expires_at, returned_at, expires_at + ${GRACE} AS grace_until`,
    [ctx.officeId, a.leaseId],
  );
  // Unsold numbers go back to the pool at once; sold ones keep their customer.
  const freed = await tx.query<NumberRow>(
    `UPDATE hotline_numbers n SET lease_id = NULL, updated_at = now() WHERE n.office_id = $1 AND n.lease_id = $2 AND ${FREE_SQL} RETURNING *`,
    [ctx.officeId, a.leaseId],
  );
  for (const row of freed.rows) ctx.writer.put(numberRecord(row));
  const prev = await ctx.writer.read('lease', a.leaseId);
  const numbers = Array.isArray(prev?.data?.numbers) ? (prev!.data!.numbers as string[]) : [];
  ctx.writer.put(leaseRecord(ret.rows[0]!, numbers));
  return { result: { leaseId: a.leaseId, returned: freed.rows.map((r) => r.number) } };
}
