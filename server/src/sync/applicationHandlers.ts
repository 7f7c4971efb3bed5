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
  ctx.writer.put({ entity: 'application', id: a.id, data: { ...rec.data, ...changed }, deleted: false, changedFields: Object.keys(changed), previousMeta: rec.fieldMeta });
  return { result: { applicationId: a.id, from, to: t.state } };
}
