import type { Check } from '../check';
import { failWith, pass } from '../check';
import { formatFen } from '../money/formatFen';

/**
 * 400 agreement 第四条(二)8: each renewal is at least the first renewal's amount.
 * firstRenewalFen null means this is the first renewal (it sets the floor). Never throws:
 * an amount that is not a positive integer of fen is refused with a reason.
 */
export function checkRenewal(amountFen: number, firstRenewalFen: number | null): Check {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) return failWith('renewal.notFen');
  if (amountFen === 0) return failWith('renewal.zero');
  if (firstRenewalFen === null) return pass();
  if (!Number.isSafeInteger(firstRenewalFen) || firstRenewalFen < 0) {
    return failWith('renewal.badFirst');
  }
  if (amountFen < firstRenewalFen) {
    return failWith('renewal.belowFirst', { amount: formatFen(amountFen), first: formatFen(firstRenewalFen) });
  }
  return pass();
}
