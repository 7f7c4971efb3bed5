import { eventsFrom, failWith, pass, step, type StepDefinition, type Transition } from '../domain/index';
import type { UserRole } from './roles';

/**
 * The office's application (受理单 / 业务需求单) flow, as pure data — the ONE table both the
 * renderer (buttons, local steps) and the server (`application.step`, re-run on its own status)
 * use, so a step an offline device took against an older status is refused the same way:
 *
 *   draft → submitted → approved → contract_signed → sent_to_carrier → completion_received → active
 *
 * with rejection (reason required) after the draft, revision of a rejected form, and cancellation
 * (reason required) before the service is active.
 *
 * Why not the domain's applicationLifecycle: that machine stops at approved → completed; the office
 * also has to track the contract, the carrier and the completion form (4008 contract 4.3, 4.4),
 * which decide the deemed-acceptance and the actual opening date. It reuses the domain's
 * table-driven `step()` so refusals read the same as every other lifecycle.
 */
export const APPLICATION_FLOW = ['draft', 'submitted', 'approved', 'contract_signed', 'sent_to_carrier', 'completion_received', 'active'] as const;

export const SYNC_APPLICATION_STATUSES = [...APPLICATION_FLOW, 'rejected', 'cancelled'] as const;
export type SyncApplicationStatus = (typeof SYNC_APPLICATION_STATUSES)[number];

export const SYNC_APPLICATION_EVENTS = ['submit', 'approve', 'signContract', 'sendToCarrier', 'receiveCompletion', 'activate', 'reject', 'revise', 'cancel'] as const;
export type SyncApplicationEvent = (typeof SYNC_APPLICATION_EVENTS)[number];

export const APPLICATION_FLOW_LABELS: Readonly<Record<SyncApplicationStatus, string>> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已批准',
  contract_signed: '已签约',
  sent_to_carrier: '已报送运营商',
  completion_received: '已收到竣工单',
  active: '已开通',
  rejected: '已退回',
  cancelled: '已作废',
};

export interface ApplicationFlowContext {
  /** reject / cancel: the reason written on the form. */
  reason?: string;
}

function reasonGiven(_from: SyncApplicationStatus, ctx: ApplicationFlowContext) {
  return ctx.reason && ctx.reason.trim().length > 0 ? pass() : failWith('lifecycle.reasonRequiredField');
}

const AFTER_DRAFT = ['submitted', 'approved', 'contract_signed', 'sent_to_carrier', 'completion_received'] as const;

const STEPS: Readonly<Record<SyncApplicationEvent, StepDefinition<SyncApplicationStatus, ApplicationFlowContext>>> = {
  submit: { label: '提交审批', from: ['draft'], to: 'submitted' },
  approve: { label: '批准', from: ['submitted'], to: 'approved' },
  signContract: { label: '登记签约', from: ['approved'], to: 'contract_signed' },
  sendToCarrier: { label: '报送运营商', from: ['contract_signed'], to: 'sent_to_carrier' },
  receiveCompletion: { label: '登记竣工单', from: ['sent_to_carrier'], to: 'completion_received' },
  activate: { label: '开通', from: ['completion_received'], to: 'active' },
  reject: { label: '退回', from: AFTER_DRAFT, to: 'rejected', guard: reasonGiven },
  revise: { label: '退回后修改', from: ['rejected'], to: 'draft' },
  cancel: { label: '作废', from: ['draft', ...AFTER_DRAFT, 'rejected'], to: 'cancelled', guard: reasonGiven },
};

/** One step of the flow; an illegal one is refused with a zh-CN reason naming both states. Pure. */
export function syncApplicationStep(from: SyncApplicationStatus, event: SyncApplicationEvent, reason?: string): Transition<SyncApplicationStatus> {
  return step(STEPS, APPLICATION_FLOW_LABELS, from, event, { reason });
}

/** The events a status allows (before guards): which buttons the detail page shows. */
export function applicationFlowEventsFrom(from: SyncApplicationStatus): SyncApplicationEvent[] {
  return eventsFrom(STEPS, from);
}

/** The zh-CN name of an event, for history lines and messages. */
export function applicationEventLabel(event: SyncApplicationEvent): string {
  return STEPS[event].label;
}

/** Index of a status on the main line (the stepper); rejected/cancelled are off the line (-1). */
export function flowIndex(status: SyncApplicationStatus): number {
  return (APPLICATION_FLOW as readonly string[]).indexOf(status);
}

const MANAGERS: readonly UserRole[] = ['admin', 'manager'];

/**
 * Who may take a step (shared/domain/roles/permissions.ts): approving, refusing at the approval
 * step, and signing the contract are managers' decisions; every other step is office work.
 */
export function applicationStepAllowed(role: UserRole, event: SyncApplicationEvent, from: SyncApplicationStatus): boolean {
  const managersOnly = event === 'approve' || event === 'signContract' || (event === 'reject' && from === 'submitted');
  return managersOnly ? MANAGERS.includes(role) : true;
}

/** The form fields a step may record beside the status (dates written on the form, the acceptance). */
export const APPLICATION_STEP_FIELDS = ['contractSignedOn', 'sentToCarrierOn', 'completionReceivedOn', 'openedOn', 'deemedAcceptanceOn', 'acceptance', 'accountId'] as const;
