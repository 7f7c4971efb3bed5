import { failWith, type Check } from '../check';
import type { MessageParams } from '../messages/catalog';

/**
 * The outcome of a state-machine step: the new state, or a zh-CN reason why the step is refused,
 * with its catalog code and params (shared/domain/messages) so a UI can show it in English.
 */
export type Transition<S extends string> = { ok: true; state: S } | { ok: false; reason: string; code?: string; params?: MessageParams };

export type StepDefinition<S extends string, C> = {
  /** zh-CN name of the step, used in refusals. */
  label: string;
  from: readonly S[];
  to: S;
  /** Extra condition beyond the source state (periods elapsed, fees settled, …). */
  guard?: (from: S, ctx: C) => Check;
};

/**
 * One pure step of a table-driven state machine: refuses an unknown event, a step from a state
 * it does not leave, or a failed guard, each with a reason. Shared by every lifecycle here.
 */
export function step<S extends string, E extends string, C>(
  table: Readonly<Record<E, StepDefinition<S, C>>>,
  stateLabels: Readonly<Record<S, string>>,
  from: S,
  event: E,
  ctx: C,
): Transition<S> {
  const def = Object.prototype.hasOwnProperty.call(table, event) ? table[event] : undefined;
  if (!def) return refused(failWith('lifecycle.unknownEvent', { event: String(event) }));
  if (!def.from.includes(from)) {
    const statusList = def.from.map((s) => `“${stateLabels[s]}”`).join('、');
    return refused(failWith('lifecycle.notFrom', { status: stateLabels[from] ?? from, step: def.label, statusList }));
  }
  if (def.guard) {
    const check = def.guard(from, ctx);
    if (!check.ok) return refused(check);
  }
  return { ok: true, state: def.to };
}

function refused(check: Check): Transition<never> {
  if (check.ok) throw new Error('not a refusal');
  return check.code ? { ok: false, reason: check.reason, code: check.code, ...(check.params ? { params: check.params } : {}) } : { ok: false, reason: check.reason };
}

/** The events a state allows (before guards): for showing only the buttons that can work. */
export function eventsFrom<S extends string, E extends string, C>(
  table: Readonly<Record<E, StepDefinition<S, C>>>,
  from: S,
): E[] {
  return (Object.keys(table) as E[]).filter((e) => table[e].from.includes(from));
}

/** event → zh-CN label of the step, for buttons and logs. */
export function eventLabels<S extends string, E extends string, C>(
  table: Readonly<Record<E, StepDefinition<S, C>>>,
): Readonly<Record<E, string>> {
  const out = {} as Record<E, string>;
  for (const e of Object.keys(table) as E[]) out[e] = table[e].label;
  return out;
}
