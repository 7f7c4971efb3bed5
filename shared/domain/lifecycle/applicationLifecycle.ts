import type { Check } from '../check';
import { failWith, pass } from '../check';
import type { StepDefinition, Transition } from './machine';
import { eventLabels, eventsFrom, step } from './machine';

/** 受理单 status: draft → submitted → approved → completed; submitted → rejected → draft; cancellable until completed. */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'completed', 'cancelled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已批准',
  rejected: '已退回',
  completed: '已开户',
  cancelled: '已作废',
};

export const APPLICATION_EVENTS = ['submit', 'approve', 'reject', 'revise', 'complete', 'cancel'] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export type ApplicationTransitionContext = {
  /** reject and cancel: the reason written on the form. */
  reason?: string;
};

function reasonGiven(_from: ApplicationStatus, ctx: ApplicationTransitionContext): Check {
  return ctx.reason && ctx.reason.trim().length > 0 ? pass() : failWith('lifecycle.reasonRequired');
}

const APPLICATION_STEPS: Readonly<Record<ApplicationEvent, StepDefinition<ApplicationStatus, ApplicationTransitionContext>>> = {
  submit: { label: '提交审批', from: ['draft'], to: 'submitted' },
  approve: { label: '批准', from: ['submitted'], to: 'approved' },
  reject: { label: '退回', from: ['submitted'], to: 'rejected', guard: reasonGiven },
  revise: { label: '修改后重新编辑', from: ['rejected'], to: 'draft' },
  complete: { label: '开户', from: ['approved'], to: 'completed' },
  cancel: { label: '作废', from: ['draft', 'submitted', 'approved', 'rejected'], to: 'cancelled', guard: reasonGiven },
};

/** One step of the application (受理单) flow; refuses an illegal step with a zh-CN reason. Pure. */
export function transitionApplication(
  from: ApplicationStatus,
  event: ApplicationEvent,
  ctx: ApplicationTransitionContext = {},
): Transition<ApplicationStatus> {
  return step(APPLICATION_STEPS, APPLICATION_STATUS_LABELS, from, event, ctx);
}

export function applicationEventsFrom(from: ApplicationStatus): ApplicationEvent[] {
  return eventsFrom(APPLICATION_STEPS, from);
}

/** zh-CN names of the events (预占, 开通, …). */
export const APPLICATION_EVENT_LABELS = eventLabels(APPLICATION_STEPS);
