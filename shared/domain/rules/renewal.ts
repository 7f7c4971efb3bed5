import type { Check } from '../check';
import { fail, pass } from '../check';
import { formatFen } from '../money/formatFen';

/**
 * 400 agreement 第四条(二)8: each renewal is at least the first renewal's amount.
 * firstRenewalFen null means this is the first renewal (it sets the floor). Never throws:
 * an amount that is not a positive integer of fen is refused with a reason.
 */
export function checkRenewal(amountFen: number, firstRenewalFen: number | null): Check {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) return fail('续费金额必须是以分为单位的非负整数。');
  if (amountFen === 0) return fail('续费金额必须大于零。');
  if (firstRenewalFen === null) return pass();
  if (!Number.isSafeInteger(firstRenewalFen) || firstRenewalFen < 0) {
    return fail('首次续费金额记录有误（不是以分为单位的非负整数），请经理核对该账户。');
  }
  if (amountFen < firstRenewalFen) {
    return fail(
      `续费金额 ${formatFen(amountFen)} 元低于首次续费金额 ${formatFen(firstRenewalFen)} 元；按协议第四条(二)8，每次续费不得低于首次续费金额。`,
    );
  }
  return pass();
}
