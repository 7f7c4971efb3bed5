import { assertFen } from '../money/fen';

/** 4008 contract 7.1: 3‰ of the overdue amount for each day overdue. */
export const LATE_FEE_PER_MILLE_PER_DAY = 3;

/**
 * The late fee (违约金) for an overdue amount after `days` days: 3‰ of the amount per day,
 * computed exactly in integers and rounded half up to the fen once, at the end.
 * Throws RangeError unless overdueFen and days are non-negative integers.
 */
export function lateFee(overdueFen: number, days: number): number {
  assertFen(overdueFen, 'overdueFen', { nonNegative: true });
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  // fee = overdue × days × 3 / 1000, half up: floor((x + 500) / 1000). BigInt: no overflow, no float.
  const scaled = BigInt(overdueFen) * BigInt(days) * BigInt(LATE_FEE_PER_MILLE_PER_DAY);
  return Number((scaled + 500n) / 1000n);
}
