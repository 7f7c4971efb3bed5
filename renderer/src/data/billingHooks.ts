import { useLiveQuery } from 'dexie-react-hooks';
import { accountFacts, listBillingActions, listReminders, type BillingActionRow, type ReminderRow, type Reminders } from './billing';
import { ledgerSummary, officeToday, receiptFor, type LedgerSummary, type Receipt } from './ledger';
import { billingSettings } from './billingSettings';
import { getOfficeProfile } from './officeProfile';
import { loadDashboard, type DashboardData } from './dashboard';
import { PermissionError } from './errors';
import type { BillingSettings } from '../../../shared';

/** Live views of the billing data for the billing area and the dashboard (re-run on every store change). */

export function useBillingAccounts(text: string): ReminderRow[] | undefined {
  return useLiveQuery(async () => {
    const rows = await accountFacts(await officeToday());
    const q = text.trim().replace(/[-\s]/g, '').toLowerCase();
    const hit = (r: ReminderRow) => !q || r.accountNo.toLowerCase().includes(q) || r.numberDigits.includes(q) || r.customerName.toLowerCase().includes(q);
    return rows.filter(hit).sort((a, b) => a.accountNo.localeCompare(b.accountNo));
  }, [text]);
}

export function useLedgerSummary(accountId: string | undefined): LedgerSummary | undefined {
  return useLiveQuery(async () => (accountId ? ledgerSummary(accountId) : undefined), [accountId]);
}

export function useReceipt(entryId: string | undefined): Receipt | null | undefined {
  return useLiveQuery(async () => (entryId ? receiptFor(entryId).catch(() => null) : null), [entryId]);
}

export function useReminders(): Reminders | undefined {
  return useLiveQuery(() => listReminders(), []);
}

export function useBillingActions(): BillingActionRow[] | undefined {
  return useLiveQuery(() => listBillingActions(), []);
}

export function useBillingSettings(): BillingSettings | undefined {
  return useLiveQuery(() => billingSettings(), []);
}

/** The dashboard, or `{ denied }` with the zh-CN reason when the current user may not see reports. */
export function useDashboard(): DashboardData | { denied: string } | undefined {
  return useLiveQuery(async () => {
    try {
      return await loadDashboard();
    } catch (e) {
      if (e instanceof PermissionError) return { denied: e.message };
      throw e;
    }
  }, []);
}

/** The office's name for receipts ('' until the office profile is filled in). */
export function useOfficeName(): string | undefined {
  return useLiveQuery(async () => String((await getOfficeProfile())?.name ?? ''), []);
}
