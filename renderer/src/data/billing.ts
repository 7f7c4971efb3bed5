import { db } from './db';
import { NotFoundError, ValidationError } from './errors';
import { maxCharsText, requiredText } from './billingMessages';
import { applyReversalToAccount, type ActionWithEffect } from './billingLocalEffects';
import { requirePermission } from './session';
import { getPackage } from './packages';
import { accountsTable, type StoredAccount } from './accountsTypes';
import { billingActionsTable, billsTable, ledgerTable, type StoredBill, type StoredBillingAction, type StoredLedgerEntry } from './ledgerTypes';
import { billingSettings } from './billingSettings';
import { writeWithOutbox } from './outbox';
import { nowIso } from './clock';
import { officeToday } from './ledger';
import { META_RECORD_PREFIX, type MetaRecord } from './syncStateApply';
import {
  BILLING_MONTH_RE,
  addDays,
  addMonthsClamped,
  computeMonthlyBill,
  daysBetween,
  ledgerBalance,
  monthBounds,
  msg,
  officeDayOfMs,
  overdueOn,
  rateUsage,
  type FeatureFee,
  type MonthlyBill,
  type RatableCall,
} from '../../../shared';

/**
 * Billing on the device (issue 7 items 5 and 7): a bill previewed offline with the same shared
 * rules the server's billing run uses, the reminder lists, and the collections job's action log
 * with a manager's reversal.
 */

/** Ledger entries of every account, grouped (one read of the table). */
export async function ledgerByAccount(): Promise<Map<string, StoredLedgerEntry[]>> {
  const out = new Map<string, StoredLedgerEntry[]>();
  await ledgerTable().each((e) => {
    const list = out.get(e.accountId);
    if (list) list.push(e);
    else out.set(e.accountId, [e]);
  });
  return out;
}

/** The last day of an account's service term (its own termEndsOn, else opening date + term months). */
export function termEndsOn(account: StoredAccount): string | null {
  const own = (account as unknown as { termEndsOn?: unknown }).termEndsOn;
  if (typeof own === 'string') return own;
  const months = Number(account.requirement?.termMonths ?? 0);
  if (!account.openedOn || !Number.isSafeInteger(months) || months <= 0) return null;
  return addDays(addMonthsClamped(account.openedOn, months), -1);
}

// ---------------------------------------------------------------------------------------------
// Offline bill preview
// ---------------------------------------------------------------------------------------------

export interface BillPreview {
  accountId: string;
  month: string;
  /** null: the account was not open yet in that month */
  bill: MonthlyBill | null;
  /** calls of the month found on this device */
  callCount: number;
  /** the bill the server's run published for that month, when this device has it */
  issued: StoredBill | null;
}

/** Calls on this device for one number (call records the server sent as `callRecord` records). */
async function localCalls(numberDigits: string, accountId: string): Promise<RatableCall[]> {
  const rows = await db().meta.where('key').startsWith(`${META_RECORD_PREFIX}callRecord:`).toArray();
  const calls: RatableCall[] = [];
  for (const r of rows) {
    const data = (r.value as MetaRecord).data;
    if (data.accountId !== accountId && data.hotline !== numberDigits && data.number !== numberDigits) continue;
    const startAt = typeof data.startAt === 'string' ? data.startAt : null;
    const duration = Number(data.durationSeconds);
    if (!startAt || !Number.isSafeInteger(duration) || duration < 0) continue;
    calls.push({ carrierRecordId: String(data.carrierRecordId ?? r.key), startAt, durationSeconds: duration });
  }
  return calls;
}

/**
 * The last day of service of a terminated or closed account (its state date), as the server's
 * billing run reads it (server/src/billing/run.ts serviceEndOf): null while the account is in
 * service or has no valid state date.
 */
export function serviceEndedOn(account: Pick<StoredAccount, 'status' | 'stateSince'>): string | null {
  if (account.status !== 'terminated' && account.status !== 'closed') return null;
  const since = typeof account.stateSince === 'string' ? account.stateSince.slice(0, 10) : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : null;
}

/**
 * A customer's bill for a month computed here, offline, by shared/billing computeMonthlyBill from
 * the account, its package and the calls this device holds: the same rules as the server's run,
 * including the final bill of a terminated or closed account (service days up to its end date,
 * nothing for the months after it).
 */
export async function previewBill(accountId: string, month: string): Promise<BillPreview> {
  if (!BILLING_MONTH_RE.test(month)) throw new ValidationError({ month: `账单月份：“${month}”应为 YYYY-MM。` });
  const account = await accountsTable().get(accountId);
  if (!account) throw new NotFoundError(`服务账户 ${accountId} 不存在。`);
  if (!account.openedOn) throw new ValidationError({ accountId: `服务账户：${account.no} 尚未开通，没有实际开通日期，不能计费。` });
  const pkg = account.packageId ? await getPackage(account.packageId) : undefined;
  if (!pkg) throw new ValidationError({ accountId: `服务账户：${account.no} 没有套餐，不能计费。` });
  const settings = await billingSettings();
  const { first, last } = monthBounds(month);
  const chosen = new Set(Array.isArray(account.features) ? account.features : []);
  const features: FeatureFee[] = (Array.isArray(pkg.featureFees) ? (pkg.featureFees as FeatureFee[]) : []).filter((f) => chosen.has(f.name));
  const endedOn = serviceEndedOn(account);
  const inMonth = (await localCalls(account.numberDigits, account.id)).filter((c) => {
    const ms = Date.parse(c.startAt);
    if (Number.isNaN(ms)) return false;
    const day = officeDayOfMs(ms, settings.timeZone);
    // the server counts calls from the opening date to the end date only
    return day >= first && day <= last && day >= (account.openedOn as string) && (endedOn === null || day <= endedOn);
  });
  const tariff = Number(pkg.tariffFenPerMinute ?? 0);
  const included = Number(pkg.includedMinutes ?? 0);
  const rated = rateUsage(inMonth, included, tariff);
  const bill = computeMonthlyBill({
    month,
    openedOn: account.openedOn,
    monthlyMinimumFen: account.monthlyMinimumFen ?? Number(pkg.monthlyMinimumFen ?? 0),
    tariffFenPerMinute: tariff,
    includedMinutes: included,
    totalMinutes: rated.totalMinutes,
    features,
    firstMonthPolicy: settings.firstMonthBilling,
    endedOn,
  });
  const issued = (await billsTable().where('[accountId+month]').equals([accountId, month]).first()) ?? null;
  return { accountId, month, bill, callCount: inMonth.length, issued };
}

// ---------------------------------------------------------------------------------------------
// Reminder lists
// ---------------------------------------------------------------------------------------------

export interface ReminderRow {
  accountId: string;
  accountNo: string;
  numberDigits: string;
  customerId: string;
  customerName: string;
  status: string;
  balanceFen: number;
  overdueFen: number;
  /** days overdue (since the oldest unpaid due date), 0 when nothing is overdue */
  overdueDays: number;
  monthlyMinimumFen: number;
  termEndsOn: string | null;
}

export interface Reminders {
  today: string;
  arrears: ReminderRow[];
  expiring: ReminderRow[];
  lowBalance: ReminderRow[];
}

/** The first day of the overdue run still going on today (walking back, bounded by the oldest entry). */
export function overdueSinceOf(entries: readonly StoredLedgerEntry[], today: string): string | null {
  if (overdueOn(entries, today) === 0) return null;
  const floor = entries.reduce((m, e) => (e.dueOn < m ? e.dueOn : m), today);
  let d = today;
  while (d > floor && overdueOn(entries, addDays(d, -1)) > 0) d = addDays(d, -1);
  return d;
}

/** Facts of every running account (active or suspended) for the lists and the dashboard. */
export async function accountFacts(today: string): Promise<ReminderRow[]> {
  const accounts = (await accountsTable().toArray()).filter((a) => !a.deletedAt && (a.status === 'active' || a.status === 'suspended'));
  const ledgers = await ledgerByAccount();
  const customers = new Map((await db().customers.bulkGet([...new Set(accounts.map((a) => a.customerId))])).filter((c) => !!c).map((c) => [c!.id, c!]));
  return accounts.map((a) => {
    const entries = ledgers.get(a.id) ?? [];
    const since = overdueSinceOf(entries, today);
    return {
      accountId: a.id,
      accountNo: a.no,
      numberDigits: a.numberDigits,
      customerId: a.customerId,
      customerName: String(customers.get(a.customerId)?.name ?? ''),
      status: a.status,
      balanceFen: ledgerBalance(entries),
      overdueFen: overdueOn(entries, today),
      overdueDays: since ? daysBetween(since, today) + 1 : 0,
      monthlyMinimumFen: a.monthlyMinimumFen ?? 0,
      termEndsOn: termEndsOn(a),
    };
  });
}

/**
 * In arrears: something overdue or a negative balance. Package expiring: the term ends within the
 * office's reminder days. Low balance: in credit, but below the office's number of monthly minimums.
 */
export async function listReminders(today?: string): Promise<Reminders> {
  const day = today ?? (await officeToday());
  const s = await billingSettings();
  const rows = await accountFacts(day);
  const horizon = addDays(day, s.expiringWithinDays);
  const byName = (a: ReminderRow, b: ReminderRow) => a.accountNo.localeCompare(b.accountNo);
  const arrears = rows.filter((r) => r.overdueFen > 0 || r.balanceFen < 0).sort((a, b) => b.overdueDays - a.overdueDays || byName(a, b));
  const expiring = rows.filter((r) => r.termEndsOn !== null && r.termEndsOn >= day && r.termEndsOn <= horizon).sort((a, b) => (a.termEndsOn! < b.termEndsOn! ? -1 : a.termEndsOn! > b.termEndsOn! ? 1 : byName(a, b)));
  const lowBalance = rows
    .filter((r) => r.overdueFen === 0 && r.balanceFen >= 0 && s.lowBalanceMonths > 0 && r.balanceFen < s.lowBalanceMonths * r.monthlyMinimumFen)
    .sort((a, b) => a.balanceFen - b.balanceFen || byName(a, b));
  return { today: day, arrears, expiring, lowBalance };
}

// ---------------------------------------------------------------------------------------------
// Automatic actions and their reversal
// ---------------------------------------------------------------------------------------------

/** The outbox command that reverses an action (its target is the action's record). */
const REVERSE_COMMAND = 'billingAction.reverse';

export type BillingActionRow = StoredBillingAction & {
  accountNo: string | null;
  /** reversed on this device, not yet confirmed by the server */
  reversalPending: boolean;
};

/**
 * The log as the server publishes it (entity 'billingAction', pulled like every record), newest
 * first, each with its account's number (账户号) when this device has the account, and whether its
 * reversal is still waiting in the outbox.
 */
export async function listBillingActions(): Promise<BillingActionRow[]> {
  const rows = await billingActionsTable().toArray();
  const accounts = await accountsTable().bulkGet([...new Set(rows.map((r) => r.accountId))]);
  const nos = new Map(accounts.filter((a) => !!a).map((a) => [a!.id, a!.no]));
  const pending = new Set(
    (await db().outbox.where('status').equals('pending').filter((r) => r.name === REVERSE_COMMAND).toArray()).map((r) => String((r.args as { actionId?: unknown }).actionId)),
  );
  return rows
    .map((r) => ({ ...r, accountNo: nos.get(r.accountId) ?? null, reversalPending: pending.has(r.id) }))
    .sort((a, b) => (a.onDate > b.onDate ? -1 : a.onDate < b.onDate ? 1 : a.id.localeCompare(b.id)));
}

/**
 * A manager reverses an automatic action (suspension, termination, resumption) with a reason,
 * offline: the action is marked reversed here, the account is put back in the state the action
 * found (as the server will; billingLocalEffects.ts) and the `billingAction.reverse` command queued,
 * all in one transaction. The server undoes it on ITS state (account and number back, grace days
 * for the job) and the pull brings the account and the log; a refusal (the account changed
 * meanwhile…) puts the server's copy of the action back and the account as it was.
 */
export async function reverseBillingAction(actionId: string, reason: string): Promise<StoredBillingAction> {
  const user = await requirePermission('account.suspend');
  const why = String(reason ?? '').trim();
  if (!why) throw new ValidationError({ reason: requiredText('撤销原因') });
  if (why.length > 500) throw new ValidationError({ reason: maxCharsText('撤销原因', 500) });
  const table = billingActionsTable();
  const action = await table.get(actionId);
  if (!action) throw new NotFoundError(msg('billing.actionNotFound', { id: actionId }));
  if (!action.automatic) throw new ValidationError({ actionId: msg('billing.actionManual') });
  if (action.action === 'reclaim') throw new ValidationError({ actionId: msg('billing.actionReclaim') });
  if (action.reversedAt) throw new ValidationError({ actionId: msg('billing.actionReversed', { date: action.reversedAt.slice(0, 10) }) });
  const row: StoredBillingAction = { ...action, reversedAt: nowIso(), reversedBy: user.id, reversalReason: why };
  const today = await officeToday();
  await writeWithOutbox([table, accountsTable()], async (ctx) => {
    const pendingAccountBefore = await applyReversalToAccount(action, why, today);
    const stored: ActionWithEffect = pendingAccountBefore ? { ...row, pendingAccountBefore } : row;
    await table.put(stored);
    await ctx.enqueue({ name: REVERSE_COMMAND, args: { actionId, reason: why } });
  });
  return row;
}
