import type { Check } from '../check';
import { failWith, pass } from '../check';
import { addDays, parseIsoDate } from '../calendar/isoDate';
import { deemedAcceptanceDate } from '../rules/deadlines';
import type { OfficeSettings } from '../settings/officeSettings';
import { DEFAULT_OFFICE_SETTINGS } from '../settings/officeSettings';
import { formatFen } from '../money/formatFen';
import type { StepDefinition, Transition } from './machine';
import { eventLabels, eventsFrom, step } from './machine';

/** A customer's service account: applied → verified → contracted → awaiting acceptance → active → suspended → terminated → closed. */
export const SERVICE_ACCOUNT_STATES = [
  'applied', 'verified', 'contracted', 'awaiting_acceptance', 'active', 'suspended', 'terminated', 'closed',
] as const;
export type ServiceAccountState = (typeof SERVICE_ACCOUNT_STATES)[number];

export const SERVICE_ACCOUNT_STATE_LABELS: Readonly<Record<ServiceAccountState, string>> = {
  applied: '已受理',
  verified: '已实名核验',
  contracted: '已签约',
  awaiting_acceptance: '待验收',
  active: '在用',
  suspended: '暂停',
  terminated: '已终止',
  closed: '已销户',
};

export const SERVICE_ACCOUNT_EVENTS = [
  'verify', 'sign', 'deliverCompletion', 'accept', 'deemAccepted', 'object', 'suspend', 'resume', 'terminate', 'close', 'cancel',
] as const;
export type ServiceAccountEvent = (typeof SERVICE_ACCOUNT_EVENTS)[number];

/** Why an account is terminated: the contract clause decides what has to be true first. */
export const TERMINATION_GROUNDS = ['unpaid_after_suspension', 'overdue', 'violation'] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];

export type ServiceAccountTransitionContext = {
  /** Today's office date. */
  today?: string;
  /** The date the account entered its current state (e.g. the suspension date). */
  stateSince?: string;
  /** The date the completion form was received (deemAccepted). */
  completionReceivedOn?: string;
  /** terminate: which clause applies; default unpaid_after_suspension from suspended, overdue from active. */
  ground?: TerminationGround;
  /** terminate with ground overdue: days the oldest unpaid bill is overdue. */
  overdueDays?: number;
  /** close: fees still owed, integer fen (must be 0). */
  outstandingFen?: number;
  settings?: OfficeSettings;
};

function isDate(s: string | undefined): s is string {
  return s !== undefined && parseIsoDate(s) !== null;
}

function deemedAcceptanceReached(_from: ServiceAccountState, ctx: ServiceAccountTransitionContext): Check {
  if (!isDate(ctx.today) || !isDate(ctx.completionReceivedOn)) {
    return failWith('lifecycle.deemedUnknown');
  }
  const lastDay = deemedAcceptanceDate(ctx.completionReceivedOn);
  if (ctx.today <= lastDay) {
    return failWith('lifecycle.deemedTooEarly', { lastDay });
  }
  return pass();
}

function terminationAllowed(from: ServiceAccountState, ctx: ServiceAccountTransitionContext): Check {
  const settings = ctx.settings ?? DEFAULT_OFFICE_SETTINGS;
  const ground = ctx.ground ?? (from === 'suspended' ? 'unpaid_after_suspension' : 'overdue');
  if (ground === 'violation') return pass();
  if (ground === 'unpaid_after_suspension') {
    if (from !== 'suspended') return failWith('lifecycle.terminateNotSuspended');
    if (!isDate(ctx.today) || !isDate(ctx.stateSince)) return failWith('lifecycle.terminateNoDates');
    const earliest = addDays(ctx.stateSince, settings.suspensionToTerminationDays);
    if (ctx.today < earliest) {
      return failWith('lifecycle.terminateTooEarly', { days: settings.suspensionToTerminationDays, earliest });
    }
    return pass();
  }
  const overdue = ctx.overdueDays;
  if (overdue === undefined || !Number.isSafeInteger(overdue) || overdue < 0) {
    return failWith('lifecycle.overdueUnknown');
  }
  if (overdue < settings.overdueDaysToTermination) {
    return failWith('lifecycle.overdueTooFew', { overdue, required: settings.overdueDaysToTermination });
  }
  return pass();
}

function feesSettled(_from: ServiceAccountState, ctx: ServiceAccountTransitionContext): Check {
  const owed = ctx.outstandingFen;
  if (owed === undefined || !Number.isSafeInteger(owed)) return failWith('lifecycle.owedUnknown');
  if (owed > 0) return failWith('lifecycle.owed', { amount: formatFen(owed) });
  return pass();
}

const SERVICE_ACCOUNT_STEPS: Readonly<
  Record<ServiceAccountEvent, StepDefinition<ServiceAccountState, ServiceAccountTransitionContext>>
> = {
  verify: { label: '通过实名核验', from: ['applied'], to: 'verified' },
  sign: { label: '签约', from: ['verified'], to: 'contracted' },
  deliverCompletion: { label: '送达竣工单', from: ['contracted'], to: 'awaiting_acceptance' },
  accept: { label: '确认验收', from: ['awaiting_acceptance'], to: 'active' },
  deemAccepted: { label: '视为验收', from: ['awaiting_acceptance'], to: 'active', guard: deemedAcceptanceReached },
  object: { label: '登记验收异议', from: ['awaiting_acceptance'], to: 'contracted' },
  suspend: { label: '暂停', from: ['active'], to: 'suspended' },
  resume: { label: '恢复', from: ['suspended'], to: 'active' },
  terminate: { label: '终止', from: ['active', 'suspended'], to: 'terminated', guard: terminationAllowed },
  close: { label: '销户', from: ['active', 'suspended', 'terminated'], to: 'closed', guard: feesSettled },
  cancel: { label: '撤销受理', from: ['applied', 'verified'], to: 'closed' },
};

/** One step of the service-account lifecycle; refuses an illegal step with a zh-CN reason. Pure. */
export function transitionServiceAccount(
  from: ServiceAccountState,
  event: ServiceAccountEvent,
  ctx: ServiceAccountTransitionContext = {},
): Transition<ServiceAccountState> {
  return step(SERVICE_ACCOUNT_STEPS, SERVICE_ACCOUNT_STATE_LABELS, from, event, ctx);
}

/** Events an account in this state may take (before guards). */
export function serviceAccountEventsFrom(from: ServiceAccountState): ServiceAccountEvent[] {
  return eventsFrom(SERVICE_ACCOUNT_STEPS, from);
}

/** zh-CN names of the events (预占, 开通, …). */
export const SERVICE_ACCOUNT_EVENT_LABELS = eventLabels(SERVICE_ACCOUNT_STEPS);
