import { db } from './db';
import { nowIso, nowMs } from './clock';
import { NotFoundError, ValidationError } from './errors';
import { officeSettings } from './numbers';
import type { NumberEventRow, NumberRow, NumberStatus } from './rows';
import { writeWithOutbox, type OutboxContext } from './outbox';
import { msg, msgOfCheck, toOfficeDate, transitionNumber, type NumberEvent, type OfficeSettings } from '../../../shared';

/**
 * Number steps taken as part of an application or account change (activate on opening, suspend with
 * the account, reclaim and cool on termination). They run INSIDE the caller's writeWithOutbox
 * transaction, so the account and its number never disagree; the numbers repository's own
 * `applyNumberEvent` opens a transaction of its own and so cannot be used here.
 * Every step still goes through the shared number state machine and leaves a numberEvents row.
 */

let counter = 0;
/** Ids that sort in the order the events were made, like the numbers repository's. */
function eventId(at: string): string {
  counter = (counter + 1) % 1_000_000;
  return `${at.replace(/\D/g, '')}-${String(counter).padStart(6, '0')}-${crypto.randomUUID().slice(0, 8)}`;
}

export function numberEvent(digits: string, at: string, userId: string, from: NumberStatus | null, to: NumberStatus, reason: string, customerId: string | null): NumberEventRow {
  return { id: eventId(at), digits, at, userId, from, to, reason, customerId };
}

export interface NumberStepInTx {
  digits: string;
  event: NumberEvent;
  reason: string;
  userId: string;
  /** Fields to set besides the status (customerId, reservedUntil, coolingUntil). */
  patch?: Partial<Pick<NumberRow, 'customerId' | 'reservedUntil' | 'coolingUntil'>>;
  /** endCooling: the office dates the guard compares. */
  today?: string;
  stateSince?: string;
  settings?: OfficeSettings;
}

/** One number step inside an open transaction that includes numbers and numberEvents. */
export async function stepNumberInTx(ctx: OutboxContext, s: NumberStepInTx): Promise<NumberRow> {
  const d = db();
  const n = await d.numbers.get(s.digits);
  if (!n) throw new NotFoundError(msg('notFound.number', { digits: s.digits }));
  const t = transitionNumber(n.status, s.event, { today: s.today, stateSince: s.stateSince, settings: s.settings });
  if (!t.ok) throw new ValidationError({ numberDigits: msg('number.refused', { digits: n.digits, message: msgOfCheck(t) }) });
  const at = nowIso();
  const next: NumberRow = {
    ...n,
    status: t.state,
    reservedUntil: t.state === 'reserved' ? n.reservedUntil : null,
    coolingUntil: t.state === 'cooling' ? n.coolingUntil : null,
    ...s.patch,
    version: n.version + 1,
    updatedAt: at,
  };
  if (t.state === 'available') next.customerId = null;
  await d.numbers.put(next);
  await d.numberEvents.add(numberEvent(n.digits, at, s.userId, n.status, t.state, s.reason, next.customerId));
  await ctx.enqueue({
    name: `number.${s.event}`,
    args: { digits: n.digits, reason: s.reason, customerId: next.customerId, coolingUntil: next.coolingUntil },
    baseVersion: n.version,
  });
  return next;
}

/**
 * Keeps a reserved number for a submitted application: the hold no longer expires by itself
 * (reservedUntil null is outside the sweeper's index range) until the form is cancelled or opened.
 */
export async function holdNumberForApplicationInTx(
  ctx: OutboxContext,
  digits: string,
  customerId: string,
  application: { id: string; no: string },
  userId: string,
): Promise<void> {
  const applicationNo = application.no;
  const d = db();
  const n = await d.numbers.get(digits);
  if (!n) throw new NotFoundError(msg('notFound.number', { digits }));
  if (n.status !== 'reserved' || n.customerId !== customerId) {
    throw new ValidationError({ numberDigits: msg('number.notReservedForCustomer', { digits }) });
  }
  if (n.reservedUntil === null) return;
  const at = nowIso();
  await d.numbers.put({ ...n, reservedUntil: null, version: n.version + 1, updatedAt: at });
  const reason = `受理单 ${applicationNo} 已提交，预占转为受理占用，不再自动到期`;
  await d.numberEvents.add(numberEvent(digits, at, userId, 'reserved', 'reserved', reason, customerId));
  // the customer and the form travel too: the server holds the number for this customer's form only
  await ctx.enqueue({ name: 'number.holdForApplication', args: { digits, applicationId: application.id, applicationNo, customerId }, baseVersion: n.version });
}

/** The cooling period's end for a number reclaimed now (4008 contract 7.3; days from settings). */
export async function coolingUntilFromNow(): Promise<{ until: string; days: number }> {
  const settings = await officeSettings();
  return { until: new Date(nowMs() + settings.coolingDays * 86_400_000).toISOString(), days: settings.coolingDays };
}

/**
 * Returns to the pool every number whose cooling period has ended, by the injectable clock.
 * Runs at the start of the app, whenever the clock is moved (tests) and every minute.
 */
export async function releaseCooledNumbers(): Promise<string[]> {
  const d = db();
  const settings = await officeSettings();
  const now = nowIso();
  const due = (await d.numbers.where('status').equals('cooling').toArray()).filter((n) => n.coolingUntil !== null && n.coolingUntil <= now);
  const released: string[] = [];
  for (const n of due) {
    const since = new Date(Date.parse(n.coolingUntil!) - settings.coolingDays * 86_400_000).toISOString();
    try {
      await writeWithOutbox([d.numbers, d.numberEvents], (ctx) =>
        stepNumberInTx(ctx, {
          digits: n.digits,
          event: 'endCooling',
          reason: `冷冻期满（${settings.coolingDays} 天），重新放号`,
          userId: 'system',
          today: toOfficeDate(now, settings.timeZone),
          stateSince: toOfficeDate(since, settings.timeZone),
          settings,
        }),
      );
      released.push(n.digits);
    } catch {
      // changed meanwhile (another window, a sync): the next sweep looks again
    }
  }
  return released;
}
