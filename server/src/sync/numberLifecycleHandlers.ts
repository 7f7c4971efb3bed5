import {
  can,
  toOfficeDate,
  transitionNumber,
  NUMBER_STATES,
  type Action,
  type NumberState,
} from '../../../shared/domain/index';
import type { MutationArgs, NUMBER_STEP_EVENTS } from '../../../shared/sync/index';
import { isUniqueViolation } from '../db/index';
import { lockNumber, numberRecord, type NumberRow } from '../numbers/pool';
import { reject, type HandlerOutcome, type MutationContext } from './context';
import { officeSettingsFor } from './officeSettings';

/**
 * The number lifecycle beyond reserve/allocate/release (server/src/numbers/commands.ts):
 * `number.step` re-runs the shared number state machine (transitionNumber) on the SERVER's state
 * of the number with the office's settings, so a device that saw an older state is refused with
 * the machine's reason instead of overwriting a newer decision; `number.holdForApplication` keeps
 * a reserved number for a submitted form. Numbers are locked (lockNumber) and looked up in the
 * caller's office only: another office's number is NOT_FOUND.
 */

type StepEvent = (typeof NUMBER_STEP_EVENTS)[number];

/**
 * Who may take each step, as in the renderer (numbers.ts EVENT_PERMISSION). endCooling has no
 * role: every device's sweeper ends cooling periods (as user 'system'), and the guard on the
 * server's clock decides, so a clerk's device is not refused for housekeeping.
 */
const EVENT_ACTION: Record<StepEvent, Action | null> = {
  suspend: 'account.suspend',
  resume: 'account.suspend',
  freeze: 'account.suspend',
  unfreeze: 'account.suspend',
  reclaim: 'number.reclaim',
  startCooling: 'number.reclaim',
  endCooling: null,
};

const fmt = (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
const DAY_MS = 86_400_000;

async function lockOwn(ctx: MutationContext, number: string) {
  const row = await lockNumber(ctx.tx, ctx.officeId, number);
  if (!row) reject('NOT_FOUND', { zh: `号码 ${fmt(number)} 不在本营业厅号码池中`, en: `${number} is not in this office's pool`, field: 'number' });
  return row;
}

export async function numberStep(ctx: MutationContext, a: MutationArgs<'number.step'>): Promise<HandlerOutcome> {
  const action = EVENT_ACTION[a.event];
  if (action && !can(ctx.auth.role, action)) reject('FORBIDDEN', { zh: `${a.event} 号码须由经理操作`, en: `${a.event} of a number is a manager's act`, field: 'event' });
  const row = await lockOwn(ctx, a.number);
  const from = row.status as NumberState;
  if (!(NUMBER_STATES as readonly string[]).includes(from)) reject('INVALID_TRANSITION', { zh: `号码状态“${from}”未知`, en: `unknown number status "${from}"`, field: 'status' });
  // Several devices of the office sweep the same cooling period: the first one ends it, the rest are done already.
  if (a.event === 'endCooling' && from === 'available') return { result: { number: a.number, from, to: from, alreadyDone: true } };
  const settings = await officeSettingsFor(ctx);
  const now = await ctx.now();
  const today = toOfficeDate(now, settings.timeZone);
  // A cooling period started on (its end − the office's cooling days): the guard compares office dates.
  const stateSince = from === 'cooling' && row.hold_until ? toOfficeDate(new Date(Date.parse(row.hold_until) - settings.coolingDays * DAY_MS).toISOString(), settings.timeZone) : undefined;
  const t = transitionNumber(from, a.event, { today, stateSince, settings });
  if (!t.ok) reject('INVALID_TRANSITION', { zh: `号码 ${fmt(a.number)}：${t.reason}`, en: `${a.number} is ${from}, cannot ${a.event}`, field: 'status' });

  let sql = 'UPDATE hotline_numbers SET status = $2, updated_at = now()';
  const params: unknown[] = [a.number, t.state];
  if (a.event === 'reclaim') {
    // the customer no longer holds it: its assignment ends (the row keeps who had it until it is free again)
    await ctx.tx.query('UPDATE number_assignments SET ended_at = now() WHERE number = $1 AND ended_at IS NULL', [a.number]);
    sql += ', hold_until = NULL';
  } else if (a.event === 'startCooling') {
    // 4008 contract 7.3: reallocated only after the office's cooling period, on the server clock
    sql += ', hold_until = now() + make_interval(days => $3::int)';
    params.push(settings.coolingDays);
  } else if (a.event === 'endCooling') {
    await ctx.tx.query('UPDATE number_assignments SET ended_at = now() WHERE number = $1 AND ended_at IS NULL', [a.number]);
    sql += ', hold_until = NULL, customer_id = NULL, application_id = NULL';
  }
  const upd = await ctx.tx.query<NumberRow>(`${sql} WHERE number = $1 RETURNING *`, params);
  ctx.writer.put(numberRecord(upd.rows[0]!));
  return { result: { number: a.number, from, to: t.state, holdUntil: upd.rows[0]!.hold_until } };
}

/**
 * A submitted new-service form keeps its number: a reservation for the same customer stops running
 * out (hold_until NULL is never FREE). A number that is free again (its hold ran out, nobody took
 * it) is reserved for the form on the way, through the state machine and a new open assignment —
 * whose unique index refuses a second holder. Anything else (another customer's reservation, a
 * number in service, another agent's live lease) is NUMBER_UNAVAILABLE: one number is never sold twice.
 */
export async function numberHoldForApplication(ctx: MutationContext, a: MutationArgs<'number.holdForApplication'>): Promise<HandlerOutcome> {
  const customer = await ctx.writer.read('customer', a.customerId);
  if (!customer || customer.deleted) reject('NOT_FOUND', { zh: `客户 ${a.customerId}`, en: `customer ${a.customerId}`, field: 'customerId' });
  const row = await lockOwn(ctx, a.number);
  const mine = row.status === 'reserved' && row.customer_id === a.customerId;
  if (mine) {
    if (row.hold_until === null && (a.applicationId === undefined || row.application_id === a.applicationId)) return { result: { number: a.number, held: true, alreadyHeld: true } };
    await ctx.tx.query('UPDATE number_assignments SET application_id = COALESCE($2, application_id) WHERE number = $1 AND ended_at IS NULL', [a.number, a.applicationId ?? null]);
    const upd = await ctx.tx.query<NumberRow>('UPDATE hotline_numbers SET hold_until = NULL, application_id = COALESCE($2, application_id), updated_at = now() WHERE number = $1 RETURNING *', [a.number, a.applicationId ?? null]);
    ctx.writer.put(numberRecord(upd.rows[0]!));
    return { result: { number: a.number, held: true } };
  }
  const free = row.status === 'available' || ((row.status === 'reserved' || row.status === 'cooling') && row.hold_over);
  const why = row.status === 'reserved' ? '已为其他客户预占' : `当前状态为 ${row.status}`;
  if (!free) reject('NUMBER_UNAVAILABLE', { zh: `${fmt(a.number)} ${why}，请为受理单重新选号`, en: `${a.number} is ${row.status === 'reserved' ? 'reserved for another customer' : row.status}`, field: 'number' });
  if (row.lease_id && row.lease_live && row.lease_user !== ctx.auth.userId) reject('NUMBER_UNAVAILABLE', { zh: `${fmt(a.number)} 在其他外勤的租约中`, en: `${a.number} is leased to another agent`, field: 'number' });
  if (ctx.auth.role === 'field_agent' && (!row.lease_id || row.lease_user !== ctx.auth.userId)) reject('LEASE_NOT_HELD', { zh: fmt(a.number), en: a.number, field: 'number' });
  // a run-out hold or cooling period is a free number: the machine reserves it from 'available'
  const t = transitionNumber('available', 'reserve');
  if (!t.ok) reject('INVALID_TRANSITION', { zh: t.reason, en: `${a.number} cannot be reserved`, field: 'status' });
  await ctx.tx.query('UPDATE number_assignments SET ended_at = now() WHERE number = $1 AND ended_at IS NULL', [a.number]);
  try {
    await ctx.tx.query('INSERT INTO number_assignments (office_id, number, customer_id, application_id, kind, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [
      ctx.officeId, a.number, a.customerId, a.applicationId ?? null, 'reserved', ctx.auth.userId,
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) reject('NUMBER_UNAVAILABLE', { zh: fmt(a.number), en: a.number, field: 'number' });
    throw e;
  }
  const upd = await ctx.tx.query<NumberRow>(
    'UPDATE hotline_numbers SET status = $2, customer_id = $3, application_id = $4, hold_until = NULL, updated_at = now() WHERE number = $1 RETURNING *',
    [a.number, t.state, a.customerId, a.applicationId ?? null],
  );
  ctx.writer.put(numberRecord(upd.rows[0]!));
  return { result: { number: a.number, held: true, reservedNow: true } };
}
