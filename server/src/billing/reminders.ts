import type { Queryable } from '../db/index';
import { overdueOn, type LedgerCategory } from '../../../shared/billing/index';
import { addDays } from '../../../shared/domain/index';
import { loadBillingAccounts } from './accounts';
import { loadBillingSettings } from './settings';

export interface ReminderRow {
  accountId: string;
  accountNo: string;
  customerId: string | null;
  hotline: string | null;
  state: string | null;
  balanceFen: number;
  overdueFen: number;
  monthlyMinimumFen: number;
  termEndsOn: string | null;
}

export interface Reminders {
  date: string;
  /** 欠费: something overdue, or a negative balance */
  inArrears: ReminderRow[];
  /** 套餐到期: the service term ends within `expiringWithinDays` */
  expiring: ReminderRow[];
  /** 余额不足: the balance covers less than `lowBalanceMonths` monthly minimums */
  lowBalance: ReminderRow[];
}

/** The three reminder lists of an office on a day (accounts in service only). */
export async function reminders(q: Queryable, officeId: string, date: string): Promise<Reminders> {
  const settings = await loadBillingSettings(q, officeId);
  const accounts = (await loadBillingAccounts(q, officeId)).filter((a) => a.state === 'active' || a.state === 'suspended');
  const r = await q.query<{ account_id: string; amount_fen: number; category: LedgerCategory; effective_on: string; due_on: string }>(
    `SELECT account_id, amount_fen, category, effective_on::text AS effective_on, due_on::text AS due_on FROM ledger_entries WHERE office_id = $1 AND effective_on <= $2::date`,
    [officeId, date],
  );
  const by = new Map<string, { amountFen: number; category: LedgerCategory; effectiveOn: string; dueOn: string }[]>();
  for (const x of r.rows) {
    const list = by.get(x.account_id) ?? [];
    list.push({ amountFen: Number(x.amount_fen), category: x.category, effectiveOn: x.effective_on, dueOn: x.due_on });
    by.set(x.account_id, list);
  }
  const out: Reminders = { date, inArrears: [], expiring: [], lowBalance: [] };
  const horizon = addDays(date, settings.expiringWithinDays);
  for (const a of accounts) {
    const entries = by.get(a.accountId) ?? [];
    const balanceFen = entries.reduce((s, e) => s + e.amountFen, 0);
    const overdueFen = overdueOn(entries, date);
    const row: ReminderRow = { accountId: a.accountId, accountNo: a.accountNo, customerId: a.customerId, hotline: a.hotline, state: a.state, balanceFen, overdueFen, monthlyMinimumFen: a.monthlyMinimumFen, termEndsOn: a.termEndsOn };
    if (overdueFen > 0 || balanceFen < 0) out.inArrears.push(row);
    else if (settings.lowBalanceMonths > 0 && balanceFen < settings.lowBalanceMonths * a.monthlyMinimumFen) out.lowBalance.push(row);
    if (a.termEndsOn && a.termEndsOn >= date && a.termEndsOn <= horizon) out.expiring.push(row);
  }
  out.inArrears.sort((x, y) => y.overdueFen - x.overdueFen || x.balanceFen - y.balanceFen);
  out.lowBalance.sort((x, y) => x.balanceFen - y.balanceFen);
  out.expiring.sort((x, y) => (x.termEndsOn ?? '').localeCompare(y.termEndsOn ?? ''));
  return out;
}
