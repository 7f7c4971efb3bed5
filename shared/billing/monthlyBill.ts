import { firstMonthMinimumFen, monthlyCharge } from '../domain/rules/billing';
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
 * One account's bill for one month, or null when the account was not yet open in that month.
 * In the month of the opening date the minimum follows the first-month policy (prorated by the
 * days from the opening date, the full minimum, or usage only); feature fees are monthly and
 * charged in full (the package prices them per month, not per day).
 */
export function computeMonthlyBill(input: MonthlyBillInput): MonthlyBill | null {
  const { first, last } = monthBounds(input.month);
  if (input.openedOn > last) return null;
  const firstMonth = input.openedOn >= first;
  const minimumFen = firstMonth ? firstMonthMinimumFen(input.monthlyMinimumFen, input.openedOn, input.firstMonthPolicy) : input.monthlyMinimumFen;
  const usage = usageFromMinutes(input.totalMinutes, input.includedMinutes, input.tariffFenPerMinute);
  const charge = monthlyCharge(usage.usageFen, minimumFen);
  const lines: BillLine[] = [
    {
      kind: 'monthly_charge',
      label: charge > usage.usageFen ? `${input.month} 月最低消费（通话费 ${formatFen(usage.usageFen)} 元低于最低消费）` : `${input.month} 通话费`,
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
    periodFrom: firstMonth ? input.openedOn : first,
    periodTo: last,
    firstMonth,
    totalMinutes: input.totalMinutes,
    ...usage,
    minimumFen,
    monthlyChargeFen: charge,
    featureFeesFen,
    totalFen: charge + featureFeesFen,
    lines,
  };
}
