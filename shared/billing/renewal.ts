import type { Check } from '../domain/check';
import { fail, pass } from '../domain/check';
import { checkRenewal } from '../domain/rules/renewal';
import { formatFen } from '../domain/money/formatFen';

/**
 * A renewal is refused below the first renewal's amount (400 agreement 第四条(二)8, always — it
 * is the contract) and, when the office sets a policy floor of N monthly minimums, below N × the
 * account's monthly minimum. Never throws; the reason is zh-CN and names the amounts.
 */
export function checkRenewalWithPolicy(amountFen: number, firstRenewalFen: number | null, opts: { monthlyMinimumFen: number; floorMonthlyMinimums: number }): Check {
  const contract = checkRenewal(amountFen, firstRenewalFen);
  if (!contract.ok) return contract;
  if (opts.floorMonthlyMinimums > 0) {
    const floor = opts.floorMonthlyMinimums * opts.monthlyMinimumFen;
    if (amountFen < floor) {
      return fail(`续费金额 ${formatFen(amountFen)} 元低于本营业厅规定的下限 ${formatFen(floor)} 元（${opts.floorMonthlyMinimums} 个月最低消费）。`);
    }
  }
  return pass();
}
