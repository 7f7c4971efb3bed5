import { eventsFrom, step, type Action, type StepDefinition, type Transition } from '../../../shared';

/**
 * The office's application (受理单 / 业务需求单) flow, as pure data:
 *
 *   draft → submitted → approved → contract_signed → sent_to_carrier → completion_received → active
 *
 * with a rejection (reason required) possible at every step after the draft, a rejected form
 * going back to draft for revision, and cancellation (reason required) before the service is active.
 *
 * Why not shared's applicationLifecycle: that machine stops at approved → completed; the office
 * also has to track the contract, the carrier and the completion form (4008 contract 4.3, 4.4),
 * which decide the deemed-acceptance and the actual opening date. It reuses shared's table-driven
 * `step()` so refusals read the same as every other lifecycle.
 */

export const APPLICATION_FLOW = [
  'draft',
  'submitted',
  'approved',
  'contract_signed',
  'sent_to_carrier',
  'completion_received',
  'active',
] as const;

export const APPLICATION_FLOW_STATUSES = [...APPLICATION_FLOW, 'rejected', 'cancelled'] as const;
export type ApplicationFlowStatus = (typeof APPLICATION_FLOW_STATUSES)[number];

export const APPLICATION_FLOW_LABELS: Readonly<Record<ApplicationFlowStatus, string>> = {
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

export const APPLICATION_FLOW_EVENTS = [
  'submit',
  'approve',
  'signContract',
  'sendToCarrier',
  'receiveCompletion',
  'activate',
  'reject',
  'revise',
  'cancel',
] as const;
export type ApplicationFlowEvent = (typeof APPLICATION_FLOW_EVENTS)[number];

export interface ApplicationFlowContext {
  /** reject / cancel: the reason written on the form. */
  reason?: string;
}

function reasonGiven(_from: ApplicationFlowStatus, ctx: ApplicationFlowContext) {
  return ctx.reason && ctx.reason.trim().length > 0
    ? ({ ok: true } as const)
    : ({ ok: false, reason: '原因：退回或作废受理单时必须填写原因。' } as const);
}

const STEPS: Readonly<Record<ApplicationFlowEvent, StepDefinition<ApplicationFlowStatus, ApplicationFlowContext>>> = {
  submit: { label: '提交审批', from: ['draft'], to: 'submitted' },
  approve: { label: '批准', from: ['submitted'], to: 'approved' },
  signContract: { label: '登记签约', from: ['approved'], to: 'contract_signed' },
  sendToCarrier: { label: '报送运营商', from: ['contract_signed'], to: 'sent_to_carrier' },
  receiveCompletion: { label: '登记竣工单', from: ['sent_to_carrier'], to: 'completion_received' },
  activate: { label: '开通', from: ['completion_received'], to: 'active' },
  reject: {
    label: '退回',
    from: ['submitted', 'approved', 'contract_signed', 'sent_to_carrier', 'completion_received'],
    to: 'rejected',
    guard: reasonGiven,
  },
  revise: { label: '退回后修改', from: ['rejected'], to: 'draft' },
  cancel: {
    label: '作废',
    from: ['draft', 'submitted', 'approved', 'contract_signed', 'sent_to_carrier', 'completion_received', 'rejected'],
    to: 'cancelled',
    guard: reasonGiven,
  },
};

/** One step of the flow; an illegal one is refused with a zh-CN reason naming both states. Pure. */
export function transitionApplicationFlow(
  from: ApplicationFlowStatus,
  event: ApplicationFlowEvent,
  ctx: ApplicationFlowContext = {},
): Transition<ApplicationFlowStatus> {
  return step(STEPS, APPLICATION_FLOW_LABELS, from, event, ctx);
}

/** The events a status allows (before guards): which buttons the detail page shows. */
export function applicationFlowEventsFrom(from: ApplicationFlowStatus): ApplicationFlowEvent[] {
  return eventsFrom(STEPS, from);
}

/** The zh-CN name of an event, for history lines and messages. */
export function applicationEventLabel(event: ApplicationFlowEvent): string {
  return STEPS[event].label;
}

/**
 * Who may take each step. Approving, and refusing at the approval step, is a manager's decision;
 * signing the contract too (permissions.ts: contract.sign). A rejection at a later step records
 * what the customer or the carrier decided, so the clerk handling the form may enter it.
 */
export function applicationEventPermission(event: ApplicationFlowEvent, from: ApplicationFlowStatus): Action {
  switch (event) {
    case 'submit':
      return 'application.submit';
    case 'approve':
      return 'application.approve';
    case 'reject':
      return from === 'submitted' ? 'application.approve' : 'application.submit';
    case 'signContract':
      return 'contract.sign';
    case 'sendToCarrier':
    case 'receiveCompletion':
      return 'application.submit';
    case 'activate':
      return 'number.assign';
    case 'revise':
    case 'cancel':
      return 'application.create';
  }
}

/** Index of a status on the main line (the stepper); rejected/cancelled are off the line (-1). */
export function flowIndex(status: ApplicationFlowStatus): number {
  return (APPLICATION_FLOW as readonly string[]).indexOf(status);
}
