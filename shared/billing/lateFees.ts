import { lateFee } from '../domain/rules/lateFee';

/**
 * The late fee accrued over a run of days (4008 contract 7.1: 3‰ of the overdue amount per day).
 * Each day contributes its own overdue amount; the total is rounded half up ONCE (lateFee of the
 * summed day-amounts for one day equals Σ overdue_d × 3 ‰, rounded once), so ten days of
 * 100 fen make 3 fen, not 0.
 */
export function accruedLateFeeFen(dailyOverdueFen: readonly number[]): number {
  let sum = 0;
  for (const d of dailyOverdueFen) sum += d;
  return lateFee(sum, 1);
}

/**
 * What the collections job posts today: the total accrued so far (rounded once) less what the
 * ledger already carries as late fees. Never negative: a reversed late fee stays reversed.
 */
export function lateFeeToPost(dailyOverdueFen: readonly number[], alreadyPostedFen: number): number {
  return Math.max(0, accruedLateFeeFen(dailyOverdueFen) - alreadyPostedFen);
}
