import { addDays, daysBetween } from '../domain/calendar/isoDate';
import type { BillingSettings, EditableBillingSettings } from './settings';
import { formatFen } from '../domain/money/formatFen';

export type CollectionAction = 'suspend' | 'resume' | 'terminate';

export const COLLECTION_ACTION_LABELS: Readonly<Record<CollectionAction | 'reclaim', string>> = {
  suspend: '欠费暂停',
  resume: '缴清恢复',
  terminate: '欠费终止',
  reclaim: '号码收回（冷冻）',
};

export interface CollectionsFacts {
  today: string;
  /** the account's state as synced ('active', 'suspended', …) */
  state: string;
  /** the office date it entered that state */
  stateSince: string | null;
  balanceFen: number;
  /** overdue principal today (see overdueOn) */
  overdueFen: number;
  /** the first day of the current overdue run, null when nothing is overdue */
  overdueSince: string | null;
  /** the account was suspended by this job (only those are resumed automatically) */
  suspendedAutomatically: boolean;
  /** a manager reversed an automatic action: leave the account alone until this day inclusive */
  exemptUntil: string | null;
  /** the account has any ledger entry (a brand-new account with nothing yet is not "exhausted") */
  hasLedger: boolean;
}

export interface CollectionsDecision {
  action: CollectionAction;
  reason: string;
}

/**
 * What the collections job does to one account today, if anything:
 * - resume an account it suspended once nothing is overdue and the balance is not negative;
 * - suspend an active account whose bill is overdue (after the grace days) or whose prepaid
 *   balance is exhausted, per the office setting;
 * - terminate a suspended account still unpaid `suspensionToTerminationDays` after suspension
 *   (400 agreement 第五条; the office's rule, OfficeSettings); the caller then reclaims the number
 *   into the office's cooling period.
 */
export function decideCollections(f: CollectionsFacts, s: EditableBillingSettings & Pick<BillingSettings, 'suspensionToTerminationDays'>): CollectionsDecision | null {
  const unpaid = f.overdueFen > 0 || f.balanceFen < 0;
  if (f.state === 'suspended') {
    if (!unpaid) return f.suspendedAutomatically ? { action: 'resume', reason: '欠费已缴清，自动恢复服务。' } : null;
    if (f.exemptUntil && f.today <= f.exemptUntil) return null;
    if (f.stateSince && f.today >= addDays(f.stateSince, s.suspensionToTerminationDays)) {
      return { action: 'terminate', reason: `暂停 ${s.suspensionToTerminationDays} 日后仍未缴清欠费（协议第五条）。` };
    }
    return null;
  }
  if (f.state !== 'active') return null;
  if (f.exemptUntil && f.today <= f.exemptUntil) return null;
  const byOverdue = (s.suspendWhen === 'overdue' || s.suspendWhen === 'both') && f.overdueFen > 0 && f.overdueSince !== null && daysBetween(f.overdueSince, f.today) >= s.suspendAfterOverdueDays;
  if (byOverdue) return { action: 'suspend', reason: `账单逾期未缴，逾期金额 ${formatFen(f.overdueFen)} 元（合同 7.1）。` };
  const byBalance = (s.suspendWhen === 'balance_exhausted' || s.suspendWhen === 'both') && f.hasLedger && f.balanceFen <= 0;
  if (byBalance) return { action: 'suspend', reason: `预存余额已用完（余额 ${formatFen(f.balanceFen)} 元）。` };
  return null;
}
