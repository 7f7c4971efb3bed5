import {
  APPLICATION_STEP_FIELDS,
  SYNC_APPLICATION_STATUSES,
  applicationStepAllowed,
  syncApplicationStep,
  type MutationArgs,
  type RecordData,
  type SyncApplicationStatus,
} from '../../../shared/sync/index';
import { reject, type HandlerOutcome, type MutationContext } from './context';
import { withStep } from './history';

/**
 * `application.step`: a status step of the office's application flow, re-run against the
 * SERVER's copy of the form with the shared flow table (shared/sync/applicationFlow.ts). An
 * offline device that stepped from an older status gets INVALID_TRANSITION with the flow's zh-CN
 * reason instead of overwriting a newer decision; approval is checked against the caller's role.
 */
export async function applicationStep(ctx: MutationContext, a: MutationArgs<'application.step'>): Promise<HandlerOutcome> {
  const rec = await ctx.writer.read('application', a.id, { forUpdate: true });
  if (!rec || rec.deleted || !rec.data) reject('NOT_FOUND', { zh: `受理单 ${a.id}`, en: `application ${a.id}`, field: 'id' });
  const status = String(rec.data.status ?? 'draft');
  if (!(SYNC_APPLICATION_STATUSES as readonly string[]).includes(status)) {
    reject('INVALID_TRANSITION', { zh: `受理单状态“${status}”未知`, en: `unknown application status "${status}"`, field: 'status' });
  }
  const from = status as SyncApplicationStatus;
  if (!applicationStepAllowed(ctx.auth.role, a.event, from)) {
    reject('FORBIDDEN', { zh: '只有经理可以审批、退回待审批的受理单或登记签约', en: `role ${ctx.auth.role} cannot ${a.event} an application that is ${from}` });
  }
  const t = syncApplicationStep(from, a.event, a.reason);
  if (!t.ok) reject('INVALID_TRANSITION', { zh: t.reason, en: `application ${a.id}: ${from} cannot ${a.event}`, field: a.reason !== undefined && !a.reason.trim() ? 'reason' : 'status' });
  const now = await ctx.now();
  const changed: RecordData = { status: t.state, updatedAt: now, updatedBy: ctx.auth.userId };
  for (const k of APPLICATION_STEP_FIELDS) if (a.changes && k in a.changes) changed[k] = a.changes[k];
  // where it was refused and why are the server's facts, not the client's copy
  if (a.event === 'reject') Object.assign(changed, { rejectedAt: from, rejectionReason: a.reason!.trim() });
  if (a.event === 'submit') Object.assign(changed, { rejectedAt: null, rejectionReason: null });
  if (a.event === 'cancel') changed.cancelReason = a.reason!.trim();
  // the step history is the server's: who took the step, when by the database clock (server/src/sync/history.ts)
  changed.steps = await withStep(ctx, rec.data, { event: a.event, from, to: t.state, note: a.reason?.trim() ?? '' });
  ctx.writer.put({ entity: 'application', id: a.id, data: { ...rec.data, ...changed }, deleted: false, changedFields: Object.keys(changed), previousMeta: rec.fieldMeta });
  return { result: { applicationId: a.id, from, to: t.state } };
}

/** Account fields the server fills in itself from ITS application, never from the client's copy. */
const FROM_APPLICATION = ['customerId', 'numberDigits', 'packageId', 'features', 'requirement', 'completionReceivedOn', 'openedOn', 'acceptance'] as const;

/**
 * `account.open`: the service account of a new-service form, created when the form is being
 * activated (the renderer sends it just before `application.step` activate). The server checks
 * ITS form (a new service, completion form received or already active, no other account for it)
 * and takes the customer, number and package from it; the number itself becomes active through
 * the pool's own command (`number.allocate`), which the renderer sends beside this one.
 */
export async function accountOpen(ctx: MutationContext, a: MutationArgs<'account.open'>): Promise<HandlerOutcome> {
  const app = await ctx.writer.read('application', a.applicationId, { forUpdate: true });
  if (!app || app.deleted || !app.data) reject('NOT_FOUND', { zh: `受理单 ${a.applicationId}`, en: `application ${a.applicationId}`, field: 'applicationId' });
  const status = String(app.data.status ?? 'draft');
  if (status !== 'completion_received' && status !== 'active') {
    reject('INVALID_TRANSITION', { zh: `受理单状态为 ${status}，收到竣工单后才能开户`, en: `application is ${status}, cannot open an account`, field: 'status' });
  }
  if ((app.data.kind ?? 'new') !== 'new') reject('INVALID_ARGS', { zh: '只有新装受理单开户', en: 'only a new-service form opens an account', field: 'applicationId' });
  if (app.data.accountId && app.data.accountId !== a.id) reject('ALREADY_EXISTS', { zh: `受理单已开户 ${String(app.data.accountId)}`, en: 'application already has an account', field: 'applicationId' });
  if (ctx.writer.has('account', a.id)) reject('ALREADY_EXISTS', { zh: `账户 ${a.id}`, en: `account ${a.id}`, field: 'id' });
  const now = await ctx.now();
  const data: RecordData = { ...a.data, status: 'active', balanceFen: 0, applicationId: a.applicationId, createdAt: now, updatedAt: now, createdBy: ctx.auth.userId, updatedBy: ctx.auth.userId };
  for (const k of FROM_APPLICATION) if (k in app.data) data[k] = app.data[k];
  ctx.writer.put({ entity: 'account', id: a.id, data, deleted: false, changedFields: Object.keys(data), mustBeNew: true });
  const appChanged: RecordData = { accountId: a.id, updatedAt: now, updatedBy: ctx.auth.userId };
  ctx.writer.put({ entity: 'application', id: a.applicationId, data: { ...app.data, ...appChanged }, deleted: false, changedFields: Object.keys(appChanged), previousMeta: app.fieldMeta });
  return { result: { accountId: a.id, applicationId: a.applicationId } };
}

/** `account.applyChange`: a change form (4008 contract 2.2) replaces the account's package, features and requirement — from the server's form. */
export async function accountApplyChange(ctx: MutationContext, a: MutationArgs<'account.applyChange'>): Promise<HandlerOutcome> {
  const app = await ctx.writer.read('application', a.applicationId);
  if (!app || app.deleted || !app.data) reject('NOT_FOUND', { zh: `受理单 ${a.applicationId}`, en: `application ${a.applicationId}`, field: 'applicationId' });
  if (app.data.kind !== 'change' || app.data.accountId !== a.id) reject('INVALID_ARGS', { zh: '不是此账户的变更需求单', en: 'not a change form of this account', field: 'applicationId' });
  const acct = await ctx.writer.read('account', a.id, { forUpdate: true });
  if (!acct || acct.deleted || !acct.data) reject('ACCOUNT_NOT_FOUND', { zh: `账户 ${a.id}`, en: `account ${a.id}`, field: 'id' });
  const now = await ctx.now();
  const changed: RecordData = { packageId: app.data.packageId ?? null, features: app.data.features ?? [], requirement: app.data.requirement ?? null, updatedAt: now, updatedBy: ctx.auth.userId };
  ctx.writer.put({ entity: 'account', id: a.id, data: { ...acct.data, ...changed }, deleted: false, changedFields: Object.keys(changed), previousMeta: acct.fieldMeta });
  return { result: { accountId: a.id, applicationId: a.applicationId } };
}
