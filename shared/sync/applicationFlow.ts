import { step, type StepDefinition, type Transition } from '../domain/index';
import type { UserRole } from './roles';

/**
 * The office's application (受理单) flow as the SERVER re-checks it for `application.step`:
 *
 *   draft → submitted → approved → contract_signed → sent_to_carrier → completion_received → active
 *
 * with rejection (reason required) after the draft, revision of a rejected form, and cancellation
 * (reason required) before the service is active. Same table as the renderer's
 * renderer/src/data/applicationsFlow.ts (which the server cannot import); kept here in shared so a
 * step an offline device took against an older status is refused by the server's copy.
 */
export const SYNC_APPLICATION_STATUSES = ['draft', 'submitted', 'approved', 'contract_signed', 'sent_to_carrier', 'completion_received', 'active', 'rejected', 'cancelled'] as const;
export type SyncApplicationStatus = (typeof SYNC_APPLICATION_STATUSES)[number];

export const SYNC_APPLICATION_EVENTS = ['submit', 'approve', 'signContract', 'sendToCarrier', 'receiveCompletion', 'activate', 'reject', 'revise', 'cancel'] as const;
export type SyncApplicationEvent = (typeof SYNC_APPLICATION_EVENTS)[number];

const LABELS: Readonly<Record<SyncApplicationStatus, string>> = {
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

interface FlowContext {
  reason?: string;
}

function reasonGiven(_from: SyncApplicationStatus, ctx: FlowContext) {
  return ctx.reason && ctx.reason.trim().length > 0 ? ({ ok: true } as const) : ({ ok: false, reason: '原因：退回或作废受理单时必须填写原因。' } as const);
}

const AFTER_DRAFT = ['submitted', 'approved', 'contract_signed', 'sent_to_carrier', 'completion_received'] as const;

const STEPS: Readonly<Record<SyncApplicationEvent, StepDefinition<SyncApplicationStatus, FlowContext>>> = {
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

export function syncApplicationStep(from: SyncApplicationStatus, event: SyncApplicationEvent, reason?: string): Transition<SyncApplicationStatus> {
  return step(STEPS, LABELS, from, event, { reason });
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
