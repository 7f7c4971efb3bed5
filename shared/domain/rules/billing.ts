import { assertFen } from '../money/fen';
import { daysInMonth, requireIsoDate } from '../calendar/isoDate';
import type { FirstMonthBillingPolicy } from '../settings/officeSettings';

/**
 * Billable minutes of a call, per started minute (DESIGN.md §5): 0 → 0, 54 → 1, 60 → 1, 62 → 2.
 * Throws RangeError for a negative or non-finite duration.
 */
export function billableMinutes(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`seconds must be a non-negative number, got ${seconds}`);
  return Math.ceil(seconds / 60);
}

/**
 * The monthly charge under the monthly minimum (400 agreement 第四条(二)9): usage below the
 * minimum is charged the minimum, usage above it at the normal tariff (i.e. the usage).
 * Throws RangeError unless both are non-negative integer fen.
 */
export function monthlyCharge(usageFen: number, minimumFen: number): number {
  assertFen(usageFen, 'usageFen', { nonNegative: true });
  assertFen(minimumFen, 'minimumFen', { nonNegative: true });
  return Math.max(usageFen, minimumFen);
}

/** a × b ÷ c rounded half up, in exact integer (BigInt) arithmetic; a, b ≥ 0, c > 0. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  const big = (BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (2n * BigInt(c));
  return Number(big);
}

/**
 * The fee of a call: billable minutes × tariff (integer fen per minute). Throws RangeError for
 * a non-integer tariff.
 */
export function callFee(seconds: number, tariffFenPerMinute: number): number {
  assertFen(tariffFenPerMinute, 'tariffFenPerMinute', { nonNegative: true });
  return billableMinutes(seconds) * tariffFenPerMinute;
}

/**
 * The monthly minimum that applies in the month of the actual opening date (billing starts on it,
 * 4008 contract 4.4): 'full' the whole minimum, 'waived' none, 'prorated' by the days from the
 * opening date to the month's end inclusive, rounded half up once.
 */
export function firstMonthMinimumFen(minimumFen: number, openedOn: string, policy: FirstMonthBillingPolicy): number {
  assertFen(minimumFen, 'minimumFen', { nonNegative: true });
  const { year, month, day } = requireIsoDate(openedOn, 'openedOn');
  if (policy === 'full') return minimumFen;
  if (policy === 'waived') return 0;
  const total = daysInMonth(year, month);
  return mulDivHalfUp(minimumFen, total - day + 1, total);
}
