import type { Check } from '../check';
import { failWith, pass } from '../check';
import { addDays, parseIsoDate } from '../calendar/isoDate';
import type { OfficeSettings } from '../settings/officeSettings';
import { DEFAULT_OFFICE_SETTINGS } from '../settings/officeSettings';
import type { StepDefinition, Transition } from './machine';
import { eventLabels, eventsFrom, step } from './machine';

/** DESIGN.md §5: available → reserved → active → suspended → frozen → reclaimed → cooling → available. */
export const NUMBER_STATES = ['available', 'reserved', 'active', 'suspended', 'frozen', 'reclaimed', 'cooling'] as const;
export type NumberState = (typeof NUMBER_STATES)[number];

export const NUMBER_STATE_LABELS: Readonly<Record<NumberState, string>> = {
  available: '可选',
  reserved: '预占',
  active: '在用',
  suspended: '欠费暂停',
  frozen: '冻结',
  reclaimed: '已收回',
  cooling: '冷冻期',
};

export const NUMBER_EVENTS = [
  'reserve', 'release', 'activate', 'suspend', 'resume', 'freeze', 'unfreeze', 'reclaim', 'startCooling', 'endCooling',
] as const;
export type NumberEvent = (typeof NUMBER_EVENTS)[number];

export type NumberTransitionContext = {
  /** Today's office date; needed by endCooling. */
  today?: string;
  /** The date the number entered its current state; needed by endCooling. */
  stateSince?: string;
  settings?: OfficeSettings;
};

/** The last day of a reservation made on reservedOn (the hold lasts reservationDays days). */
export function reservationExpiresOn(reservedOn: string, settings: OfficeSettings = DEFAULT_OFFICE_SETTINGS): string {
  return addDays(reservedOn, settings.reservationDays);
}

/** The first day a number that started cooling on `since` may return to the pool (4008 contract 7.3). */
export function coolingEndsOn(since: string, settings: OfficeSettings = DEFAULT_OFFICE_SETTINGS): string {
  return addDays(since, settings.coolingDays);
}

function coolingElapsed(_from: NumberState, ctx: NumberTransitionContext): Check {
  if (!ctx.today || !parseIsoDate(ctx.today) || !ctx.stateSince || !parseIsoDate(ctx.stateSince)) {
    return failWith('lifecycle.coolingUnknown');
  }
  const endsOn = coolingEndsOn(ctx.stateSince, ctx.settings ?? DEFAULT_OFFICE_SETTINGS);
  if (ctx.today < endsOn) return failWith('lifecycle.cooling', { until: endsOn });
  return pass();
}

const NUMBER_STEPS: Readonly<Record<NumberEvent, StepDefinition<NumberState, NumberTransitionContext>>> = {
  reserve: { label: '预占', from: ['available'], to: 'reserved' },
  release: { label: '释放预占', from: ['reserved'], to: 'available' },
  activate: { label: '开通', from: ['reserved'], to: 'active' },
  suspend: { label: '暂停', from: ['active'], to: 'suspended' },
  resume: { label: '恢复使用', from: ['suspended'], to: 'active' },
  freeze: { label: '冻结', from: ['active', 'suspended'], to: 'frozen' },
  unfreeze: { label: '解冻', from: ['frozen'], to: 'active' },
  reclaim: { label: '收回', from: ['active', 'suspended', 'frozen'], to: 'reclaimed' },
  startCooling: { label: '进入冷冻期', from: ['reclaimed'], to: 'cooling' },
  endCooling: { label: '重新放号', from: ['cooling'], to: 'available', guard: coolingElapsed },
};

/** One step of the number lifecycle; refuses an illegal step with a zh-CN reason. Pure. */
export function transitionNumber(
  from: NumberState,
  event: NumberEvent,
  ctx: NumberTransitionContext = {},
): Transition<NumberState> {
  return step(NUMBER_STEPS, NUMBER_STATE_LABELS, from, event, ctx);
}

/** Events a number in this state may take (before date guards). */
export function numberEventsFrom(from: NumberState): NumberEvent[] {
  return eventsFrom(NUMBER_STEPS, from);
}

/** zh-CN names of the events (预占, 开通, …). */
export const NUMBER_EVENT_LABELS = eventLabels(NUMBER_STEPS);
