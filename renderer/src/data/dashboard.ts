import { db } from './db';
import { ledgerByAccount, accountFacts, type ReminderRow } from './billing';
import { officeToday } from './ledger';
import { requirePermission } from './session';
import { addDays, daysBetween, type LedgerKind } from '../../../shared';
import type { NumberRow } from './rows';

/**
 * The manager's dashboard figures (issue 7 item 6), computed from the local store: revenue by
 * month from the ledger, active numbers, arrears ageing, packages expiring, numbers by grade and
 * state. Integer fen throughout; the screen turns them into yuan.
 */

export interface RevenueMonth {
  month: string;
  /** charges billed in the month (monthly charges, feature fees, late fees), net of reversals */
  billedFen: number;
  /** payments received in the month (prepayments, renewals), net of reversals and refunds */
  receivedFen: number;
}

export interface AgeingBucket {
  key: 'notDue' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90plus';
  accounts: number;
  amountFen: number;
}

export interface ExpiringRow {
  accountNo: string;
  customerName: string;
  numberDigits: string;
  termEndsOn: string;
  daysLeft: number;
  balanceFen: number;
}

export interface GradeStateRow {
  /** grade id, or '' for ordinary numbers */
  gradeId: string;
  gradeName: string;
  counts: Record<NumberRow['status'], number>;
  total: number;
}

export interface DashboardData {
  today: string;
  revenue: RevenueMonth[];
  activeNumbers: number;
  activeAccounts: number;
  suspendedAccounts: number;
  ageing: AgeingBucket[];
  arrearsTotalFen: number;
  expiring: ExpiringRow[];
  gradeStates: GradeStateRow[];
}

export const NUMBER_STATES: readonly NumberRow['status'][] = ['available', 'reserved', 'active', 'suspended', 'frozen', 'reclaimed', 'cooling'];
const CHARGES: ReadonlySet<LedgerKind> = new Set(['monthly_charge', 'feature_fee', 'late_fee']);
const PAYMENTS: ReadonlySet<LedgerKind> = new Set(['prepayment', 'renewal']);

/** The `count` months ending with `lastMonth` ('YYYY-MM'), oldest first. */
export function monthsEnding(lastMonth: string, count: number): string[] {
  const y = Number(lastMonth.slice(0, 4));
  const m = Number(lastMonth.slice(5, 7));
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const idx = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Revenue per month from ledger entries (by effective date). */
export function revenueByMonth(entries: Iterable<{ id: string; kind: LedgerKind; amountFen: number; effectiveOn: string; reverses: string | null }>, months: readonly string[]): RevenueMonth[] {
  const all = [...entries];
  const kindOf = new Map(all.map((e) => [e.id, e.kind]));
  const rows = new Map(months.map((m) => [m, { month: m, billedFen: 0, receivedFen: 0 }]));
  for (const e of all) {
    const row = rows.get(e.effectiveOn.slice(0, 7));
    if (!row) continue;
    const kind = e.kind === 'reversal' && e.reverses ? kindOf.get(e.reverses) : e.kind;
    if (!kind) continue;
    // a charge is negative in the ledger, its reversal positive: billed moves the other way
    if (CHARGES.has(kind)) row.billedFen -= e.amountFen;
    else if (PAYMENTS.has(kind) || kind === 'refund') row.receivedFen += e.amountFen;
  }
  return [...rows.values()];
}

/** Overdue accounts by days overdue; accounts owing with nothing due yet count as 'notDue'. */
export function arrearsAgeing(facts: readonly Pick<ReminderRow, 'overdueFen' | 'overdueDays' | 'balanceFen'>[]): AgeingBucket[] {
  const buckets: AgeingBucket[] = (['notDue', 'd1_30', 'd31_60', 'd61_90', 'd90plus'] as const).map((key) => ({ key, accounts: 0, amountFen: 0 }));
  const at = (k: AgeingBucket['key']) => buckets.find((b) => b.key === k)!;
  for (const f of facts) {
    if (f.overdueFen > 0) {
      const b = at(f.overdueDays <= 30 ? 'd1_30' : f.overdueDays <= 60 ? 'd31_60' : f.overdueDays <= 90 ? 'd61_90' : 'd90plus');
      b.accounts += 1;
      b.amountFen += f.overdueFen;
    } else if (f.balanceFen < 0) {
      const b = at('notDue');
      b.accounts += 1;
      b.amountFen += -f.balanceFen;
    }
  }
  return buckets;
}

/** Numbers per grade and state: counts from index keys only (no row is read). */
async function gradeStates(): Promise<GradeStateRow[]> {
  const d = db();
  const rules = await d.gradeRules.orderBy('order').toArray();
  const empty = () => Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberRow['status'], number>;
  const rows = new Map<string, GradeStateRow>();
  for (const r of rules) rows.set(r.id, { gradeId: r.id, gradeName: r.name, counts: empty(), total: 0 });
  const ordinary: GradeStateRow = { gradeId: '', gradeName: '', counts: empty(), total: 0 };
  // numbers without a grade are not in the [status+grade] index: ordinary = all of a status − graded
  const keys = (await d.numbers.orderBy('[status+grade]').keys()) as unknown as [NumberRow['status'], string][];
  const graded = empty();
  for (const [status, grade] of keys) {
    let row = rows.get(grade);
    if (!row) {
      row = { gradeId: grade, gradeName: grade, counts: empty(), total: 0 };
      rows.set(grade, row);
    }
    row.counts[status] = (row.counts[status] ?? 0) + 1;
    row.total += 1;
    graded[status] = (graded[status] ?? 0) + 1;
  }
  for (const s of NUMBER_STATES) {
    const n = (await d.numbers.where('status').equals(s).count()) - graded[s];
    ordinary.counts[s] = n;
    ordinary.total += n;
  }
  return [...rows.values(), ordinary].filter((r) => r.total > 0 || r.gradeId !== '');
}

/** The figures for managers (and admins): 'report.view'. */
export async function loadDashboard(opts: { today?: string; months?: number; expiringDays?: number } = {}): Promise<DashboardData> {
  await requirePermission('report.view');
  const today = opts.today ?? (await officeToday());
  const months = monthsEnding(today.slice(0, 7), opts.months ?? 12);
  const ledgers = await ledgerByAccount();
  const facts = await accountFacts(today);
  const ageing = arrearsAgeing(facts);
  const horizon = addDays(today, opts.expiringDays ?? 90);
  const expiring = facts
    .filter((f) => f.termEndsOn !== null && f.termEndsOn >= today && f.termEndsOn <= horizon)
    .map((f) => ({ accountNo: f.accountNo, customerName: f.customerName, numberDigits: f.numberDigits, termEndsOn: f.termEndsOn!, daysLeft: daysBetween(today, f.termEndsOn!), balanceFen: f.balanceFen }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.accountNo.localeCompare(b.accountNo));
  return {
    today,
    revenue: revenueByMonth([...ledgers.values()].flat(), months),
    activeNumbers: await db().numbers.where('status').equals('active').count(),
    activeAccounts: facts.filter((f) => f.status === 'active').length,
    suspendedAccounts: facts.filter((f) => f.status === 'suspended').length,
    ageing,
    arrearsTotalFen: ageing.reduce((s, b) => s + b.amountFen, 0),
    expiring,
    gradeStates: await gradeStates(),
  };
}
