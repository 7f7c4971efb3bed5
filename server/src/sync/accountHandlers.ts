import {
  SERVICE_ACCOUNT_STATES,
  toOfficeDate,
  transitionServiceAccount,
  type ServiceAccountEvent,
  type ServiceAccountState,
  type ServiceAccountTransitionContext,
} from '../../../shared/domain/index';
import type { MutationArgs, RecordData } from '../../../shared/sync/index';
import { reject, type HandlerOutcome, type MutationContext } from './context';
import { officeSettingsFor } from './officeSettings';

/**
 * Service-account lifecycle commands (suspend, resume, terminate, close, transfer). Like the other
 * commands they are re-executed against the SERVER's copy of the account with the shared state
 * machine, so an offline device that saw an older state gets INVALID_TRANSITION instead of
 * overwriting a newer decision. Reading through ctx.writer keeps them inside the office.
 */


async function readAccount(ctx: MutationContext, id: string) {
  const rec = await ctx.writer.read('account', id, { forUpdate: true });
  if (!rec || rec.deleted || !rec.data) reject('ACCOUNT_NOT_FOUND', { zh: `账户 ${id}`, en: `account ${id}`, field: 'id' });
  const status = String(rec.data.status ?? '');
  if (!(SERVICE_ACCOUNT_STATES as readonly string[]).includes(status)) {
    reject('INVALID_TRANSITION', { zh: `账户状态“${status}”未知`, en: `unknown account status "${status}"`, field: 'status' });
  }
  return { rec, data: rec.data, status: status as ServiceAccountState };
}

async function runLifecycle(ctx: MutationContext, id: string, event: ServiceAccountEvent, reason: string, extra: ServiceAccountTransitionContext, record: RecordData = {}): Promise<HandlerOutcome> {
  const { rec, data, status } = await readAccount(ctx, id);
  const now = await ctx.now();
  // the office's own periods (suspension to termination, overdue days) and time zone
  const settings = await officeSettingsFor(ctx);
  const today = toOfficeDate(now, settings.timeZone);
  const stateSince = typeof data.stateSince === 'string' ? data.stateSince : undefined;
  const t = transitionServiceAccount(status, event, { today, stateSince, settings, ...extra });
  if (!t.ok) reject('INVALID_TRANSITION', { zh: t.reason, en: `account ${id}: ${status} cannot ${event}`, field: 'status' });
  const changed: RecordData = { ...record, status: t.state, stateSince: today, statusReason: reason, updatedAt: now, updatedBy: ctx.auth.userId };
  ctx.writer.put({ entity: 'account', id, data: { ...data, ...changed }, deleted: false, changedFields: Object.keys(changed), previousMeta: rec.fieldMeta });
  return { result: { accountId: id, from: status, to: t.state } };
}

export const accountSuspend = (ctx: MutationContext, a: MutationArgs<'account.suspend'>) => runLifecycle(ctx, a.id, 'suspend', a.reason, {});
export const accountResume = (ctx: MutationContext, a: MutationArgs<'account.resume'>) => runLifecycle(ctx, a.id, 'resume', a.reason, {});

export function accountTerminate(ctx: MutationContext, a: MutationArgs<'account.terminate'>): Promise<HandlerOutcome> {
  const record: RecordData = a.ground ? { terminationGround: a.ground } : {};
  return runLifecycle(ctx, a.id, 'terminate', a.reason, { ground: a.ground, overdueDays: a.overdueDays }, record);
}

/** Closing needs the fees settled: what is owed is the server's balance below zero, not the client's word. */
export async function accountClose(ctx: MutationContext, a: MutationArgs<'account.close'>): Promise<HandlerOutcome> {
  const { data } = await readAccount(ctx, a.id);
  const balance = Number(data.balanceFen ?? 0);
  return runLifecycle(ctx, a.id, 'close', a.reason, { outstandingFen: balance < 0 ? -balance : 0 });
}

/** 过户: only an active or suspended account moves, to another existing customer of the same office. */
export async function accountTransfer(ctx: MutationContext, a: MutationArgs<'account.transfer'>): Promise<HandlerOutcome> {
  const { rec, data, status } = await readAccount(ctx, a.id);
  if (status !== 'active' && status !== 'suspended') reject('INVALID_TRANSITION', { zh: `账户状态为 ${status}，不能过户`, en: `account is ${status}, cannot be transferred`, field: 'status' });
  if (data.customerId === a.toCustomerId) reject('INVALID_ARGS', { zh: '新客户与现客户相同', en: 'new customer is the current customer', field: 'toCustomerId' });
  const to = await ctx.writer.read('customer', a.toCustomerId);
  if (!to || to.deleted || !to.data) reject('NOT_FOUND', { zh: `客户 ${a.toCustomerId}`, en: `customer ${a.toCustomerId}`, field: 'toCustomerId' });
  const now = await ctx.now();
  const changed: RecordData = { customerId: a.toCustomerId, statusReason: a.reason, updatedAt: now, updatedBy: ctx.auth.userId };
  ctx.writer.put({ entity: 'account', id: a.id, data: { ...data, ...changed }, deleted: false, changedFields: Object.keys(changed), previousMeta: rec.fieldMeta });
  return { result: { accountId: a.id, fromCustomerId: data.customerId ?? null, toCustomerId: a.toCustomerId } };
}

