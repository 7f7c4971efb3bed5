import { firstMonthMinimumFen, monthlyCharge, mulDivHalfUp } from '../domain/rules/billing';
import { daysInMonth, formatIsoDate } from '../domain/calendar/isoDate';
import type { FirstMonthBillingPolicy } from '../domain/settings/officeSettings';
import type { FeatureFee } from '../domain/schemas/servicePackage';
import { usageFromMinutes } from './rating';
import { formatFen } from '../domain/money/formatFen';

/** A billing month, 'YYYY-MM'. */
export const BILLING_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function monthBounds(month: string): { first: string; last: string } {
  if (!BILLING_MONTH_RE.test(month)) throw new RangeError(`月份格式应为 YYYY-MM：${month}`);
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { first: `${month}-01`, last: formatIsoDate({ year, month: m, day: daysInMonth(year, m) }) };
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The due date of a month's bill: `dueDay` of the next month. */
export function billDueOn(month: string, dueDay: number): string {
  return `${nextMonth(month)}-${String(dueDay).padStart(2, '0')}`;
}

export interface MonthlyBillInput {
  month: string;
  /** 实际开通日 (4008 contract 4.4): billing starts on it. */
  openedOn: string;
  monthlyMinimumFen: number;
  tariffFenPerMinute: number;
  includedMinutes: number;
  /** the month's billable minutes (per started minute, calls on or after openedOn) */
  totalMinutes: number;
  features: readonly FeatureFee[];
  firstMonthPolicy: FirstMonthBillingPolicy;
  /**
   * The last day of service of a terminated or closed account (its state date): the month holding
   * it gets the final bill, and no month after it is billed. Absent for accounts still in service.
   */
  endedOn?: string | null;
}

export type BillLineKind = 'monthly_charge' | 'feature_fee';
export interface BillLine {
  kind: BillLineKind;
  label: string;
  amountFen: number;
}

export interface MonthlyBill {
  month: string;
  periodFrom: string;
  periodTo: string;
  firstMonth: boolean;
  /** the month the service ended in (terminated/closed): billed up to and including `periodTo` */
  finalMonth?: boolean;
  totalMinutes: number;
  includedUsed: number;
  chargedMinutes: number;
  usageFen: number;
  minimumFen: number;
  /** the higher of usage and the (possibly prorated) minimum (400 agreement 第四条(二)9) */
  monthlyChargeFen: number;
  featureFeesFen: number;
  totalFen: number;
  lines: BillLine[];
}

/**
 * The minimum of a final month (service ended inside it), mirroring the first month: `prorated`
 * charges it for the days served (from the opening date or the 1st, to the end date, both days
 * included) ÷ the days in the month, rounded half up once; `full` the whole minimum; `waived`
 * usage only. A month that is both first and final counts the days between the two dates.
 */
export function finalMonthMinimumFen(minimumFen: number, fromDay: string, endedOn: string, policy: FirstMonthBillingPolicy): number {
  if (policy === 'full') return minimumFen;
  if (policy === 'waived') return 0;
  const year = Number(endedOn.slice(0, 4));
  const m = Number(endedOn.slice(5, 7));
  const served = Number(endedOn.slice(8, 10)) - Number(fromDay.slice(8, 10)) + 1;
  return mulDivHalfUp(minimumFen, served, daysInMonth(year, m));
}

/**
 * One account's bill for one month, or null when the account was not in service in that month
 * (not yet open, or its service ended before the month began). In the month of the opening date
 * the minimum follows the first-month policy (prorated by the days from the opening date, the
 * full minimum, or usage only); in the month of the end date the same policy applies to the days
 * up to the end date (the final bill). Feature fees are monthly and charged in full (the package
 * prices them per month, not per day), in the first and in the final month alike.
 */
export function computeMonthlyBill(input: MonthlyBillInput): MonthlyBill | null {
  const { first, last } = monthBounds(input.month);
  if (input.openedOn > last) return null;
  const endedOn = input.endedOn ?? null;
  if (endedOn !== null && (endedOn < first || endedOn < input.openedOn)) return null;
  const firstMonth = input.openedOn >= first;
  const finalMonth = endedOn !== null && endedOn <= last;
  const periodFrom = firstMonth ? input.openedOn : first;
  const periodTo = finalMonth ? endedOn : last;
  const minimumFen = finalMonth
    ? finalMonthMinimumFen(input.monthlyMinimumFen, periodFrom, endedOn, input.firstMonthPolicy)
    : firstMonth
      ? firstMonthMinimumFen(input.monthlyMinimumFen, input.openedOn, input.firstMonthPolicy)
      : input.monthlyMinimumFen;
  const usage = usageFromMinutes(input.totalMinutes, input.includedMinutes, input.tariffFenPerMinute);
  const charge = monthlyCharge(usage.usageFen, minimumFen);
  const final = finalMonth ? `最终账单（服务至 ${periodTo}）：` : '';
  const lines: BillLine[] = [
    {
      kind: 'monthly_charge',
      label: `${final}${charge > usage.usageFen ? `${input.month} 月最低消费（通话费 ${formatFen(usage.usageFen)} 元低于最低消费）` : `${input.month} 通话费`}`,
      amountFen: charge,
    },
  ];
  let featureFeesFen = 0;
  for (const f of input.features) {
    if (f.monthlyFen <= 0) continue;
    featureFeesFen += f.monthlyFen;
    lines.push({ kind: 'feature_fee', label: `${input.month} 功能使用费：${f.name}`, amountFen: f.monthlyFen });
  }
  return {
    month: input.month,
    periodFrom,
    periodTo,
    firstMonth,
    ...(finalMonth ? { finalMonth } : {}),
    totalMinutes: input.totalMinutes,
    ...usage,
    minimumFen,
    monthlyChargeFen: charge,
    featureFeesFen,
    totalFen: charge + featureFeesFen,
    lines,
  };
}
