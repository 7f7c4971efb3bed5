import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/index';
import { billDueOn, computeMonthlyBill, monthBounds, type BillingSettings, type MonthlyBill } from '../../../shared/billing/index';
import type { RecordData } from '../../../shared/sync/index';
import { loadBillingAccounts, type BillingAccount } from './accounts';
import { appendLedger, publishLedger, type NewLedgerEntry } from './ledger';
import type { BillingRecordWrite } from './records';

export class BillingRunRefused extends Error {}

export interface BillingRunSummary {
  runId: string;
  month: string;
  issuedOn: string;
  billsCreated: number;
  /** accounts already billed for the month (a re-run): left exactly as they were */
  billsExisting: number;
  totalFen: number;
}

export interface BillRow {
  id: string;
  accountId: string;
  month: string;
  billNo: string;
  periodFrom: string;
  periodTo: string;
  openedOn: string;
  firstMonth: boolean;
  totalMinutes: number;
  includedUsed: number;
  chargedMinutes: number;
  tariffFen: number;
  usageFen: number;
  minimumFen: number;
  monthlyChargeFen: number;
  featureFeesFen: number;
  totalFen: number;
  lines: MonthlyBill['lines'];
  issuedOn: string;
  dueOn: string;
}

export const BILL_COLUMNS = `id, account_id AS "accountId", month, bill_no AS "billNo", period_from::text AS "periodFrom", period_to::text AS "periodTo",
  opened_on::text AS "openedOn", first_month AS "firstMonth", total_minutes AS "totalMinutes", included_used AS "includedUsed",
  charged_minutes AS "chargedMinutes", tariff_fen AS "tariffFen", usage_fen AS "usageFen", minimum_fen AS "minimumFen",
  monthly_charge_fen AS "monthlyChargeFen", feature_fees_fen AS "featureFeesFen", total_fen AS "totalFen", lines,
  issued_on::text AS "issuedOn", due_on::text AS "dueOn"`;

const BATCH = 1000;

/** States whose accounts are in service and billed every month. */
const IN_SERVICE = new Set(['active', 'suspended']);
/** States that end the service: the month of the state date gets the final bill, later months none. */
const ENDED = new Set(['terminated', 'closed']);

/**
 * The last day of service of a terminated or closed account (its state date), undefined for an
 * account still in service, null for one that is not billed at all (never opened, another state,
 * or an ended account without a valid state date).
 */
export function serviceEndOf(a: Pick<BillingAccount, 'state' | 'stateSince' | 'openedOn'>): string | undefined | null {
  if (!a.openedOn) return null;
  if (a.state && IN_SERVICE.has(a.state)) return undefined;
  if (a.state && ENDED.has(a.state) && a.stateSince && /^\d{4}-\d{2}-\d{2}/.test(a.stateSince)) return a.stateSince.slice(0, 10);
  return null;
}

/**
 * The monthly billing run of one office, in the caller's transaction. Idempotent per account and
 * month: bills has UNIQUE (office, account, month) and an account already billed is skipped, so a
 * re-run changes nothing. Bills accounts that are active or suspended and were open by the month's
 * end, from the actual opening date (4008 contract 4.4), usage against the monthly minimum; an
 * account terminated or closed in the month gets its final bill up to the end date (docs/billing.md,
 * "Final bills"), one that ended before the month began nothing.
 */
export async function runBilling(tx: Queryable, officeId: string, month: string, today: string, settings: BillingSettings, userId: string | null): Promise<BillingRunSummary> {
  const { first, last } = monthBounds(month);
  if (today <= last) throw new BillingRunRefused(`${month} 尚未结束（今天 ${today}），月末之后才能出账。`);
  // One run per office at a time: a second concurrent run waits here, then finds the bills made.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`billing:${officeId}`]);
  const existing = await tx.query<{ account_id: string }>('SELECT account_id FROM bills WHERE office_id = $1 AND month = $2', [officeId, month]);
  const billed = new Set(existing.rows.map((r) => r.account_id));
  const accounts: (BillingAccount & { openedOn: string; endedOn: string | null })[] = [];
  for (const a of await loadBillingAccounts(tx, officeId)) {
    const end = serviceEndOf(a);
    if (end === null || !a.openedOn || a.openedOn > last || billed.has(a.accountId)) continue;
    if (end !== undefined && (end < first || end < a.openedOn)) continue;
    accounts.push({ ...a, openedOn: a.openedOn, endedOn: end ?? null });
  }
  const runId = randomUUID();
  const minutes = new Map<string, number>();
  if (accounts.length) {
    const usage = await tx.query<{ account_id: string; minutes: number }>(
      `SELECT c.account_id, SUM(c.billable_minutes)::bigint AS minutes
         FROM call_records c JOIN unnest($2::text[], $3::date[], $4::date[]) AS a(id, from_day, to_day)
              ON c.account_id = a.id AND c.local_day >= a.from_day AND c.local_day <= a.to_day
        WHERE c.office_id = $1 AND c.local_day >= $5::date AND c.local_day <= $6::date
        GROUP BY c.account_id`,
      [
        officeId,
        accounts.map((a) => a.accountId),
        accounts.map((a) => (a.openedOn > first ? a.openedOn : first)),
        accounts.map((a) => (a.endedOn && a.endedOn < last ? a.endedOn : last)),
        first,
        last,
      ],
    );
    for (const r of usage.rows) minutes.set(r.account_id, Number(r.minutes));
  }
  const dueOn = billDueOn(month, settings.dueDayOfNextMonth);
  const bills: BillRow[] = [];
  for (const a of accounts) {
    const b = computeMonthlyBill({
      month,
      openedOn: a.openedOn,
      monthlyMinimumFen: a.monthlyMinimumFen,
      tariffFenPerMinute: a.tariffFenPerMinute,
      includedMinutes: a.includedMinutes,
      totalMinutes: minutes.get(a.accountId) ?? 0,
      features: a.features,
      firstMonthPolicy: settings.firstMonthBilling,
      endedOn: a.endedOn,
    });
    if (!b) continue;
    bills.push({
      id: randomUUID(),
      accountId: a.accountId,
      month,
      billNo: `${month.replace('-', '')}-${a.accountNo}`,
      periodFrom: b.periodFrom,
      periodTo: b.periodTo,
      openedOn: a.openedOn,
      firstMonth: b.firstMonth,
      totalMinutes: b.totalMinutes,
      includedUsed: b.includedUsed,
      chargedMinutes: b.chargedMinutes,
      tariffFen: a.tariffFenPerMinute,
      usageFen: b.usageFen,
      minimumFen: b.minimumFen,
      monthlyChargeFen: b.monthlyChargeFen,
      featureFeesFen: b.featureFeesFen,
      totalFen: b.totalFen,
      lines: b.lines,
      issuedOn: today,
      dueOn,
    });
  }
  const created: BillRow[] = [];
  for (let i = 0; i < bills.length; i += BATCH) {
    const chunk = bills.slice(i, i + BATCH);
    const col = <T>(f: (b: BillRow) => T) => chunk.map(f);
    const ins = await tx.query<{ id: string }>(
      `INSERT INTO bills (id, office_id, account_id, month, bill_no, period_from, period_to, opened_on, first_month, total_minutes, included_used, charged_minutes,
                          tariff_fen, usage_fen, minimum_fen, monthly_charge_fen, feature_fees_fen, total_fen, lines, issued_on, due_on, run_id)
       SELECT id, $1, a, $2, no, pf, pt, op, fm, tm, iu, cm, tf, uf, mf, mc, ff, tot, l::jsonb, $3::date, $4::date, $5
         FROM unnest($6::uuid[], $7::text[], $8::text[], $9::date[], $10::date[], $11::date[], $12::boolean[], $13::int[], $14::int[], $15::int[],
                     $16::int[], $17::bigint[], $18::bigint[], $19::bigint[], $20::bigint[], $21::bigint[], $22::text[])
           AS t(id, a, no, pf, pt, op, fm, tm, iu, cm, tf, uf, mf, mc, ff, tot, l)
       ON CONFLICT (office_id, account_id, month) DO NOTHING RETURNING id`,
      [
        officeId, month, today, dueOn, runId,
        col((b) => b.id), col((b) => b.accountId), col((b) => b.billNo), col((b) => b.periodFrom), col((b) => b.periodTo), col((b) => b.openedOn),
        col((b) => b.firstMonth), col((b) => b.totalMinutes), col((b) => b.includedUsed), col((b) => b.chargedMinutes), col((b) => b.tariffFen),
        col((b) => b.usageFen), col((b) => b.minimumFen), col((b) => b.monthlyChargeFen), col((b) => b.featureFeesFen), col((b) => b.totalFen),
        col((b) => JSON.stringify(b.lines)),
      ],
    );
    const ok = new Set(ins.rows.map((r) => r.id));
    created.push(...chunk.filter((b) => ok.has(b.id)));
  }
  const entries: NewLedgerEntry[] = [];
  for (const b of created) {
    b.lines.forEach((l, i) => {
      if (l.amountFen === 0) return;
      entries.push({ accountId: b.accountId, kind: l.kind, amountFen: -l.amountFen, effectiveOn: last, dueOn, reason: l.label, billId: b.id, sourceKey: `bill:${b.id}:${i}` });
    });
  }
  const added = await appendLedger(tx, officeId, entries);
  const totalFen = created.reduce((a, b) => a + b.totalFen, 0);
  await tx.query(
    'INSERT INTO billing_runs (id, office_id, month, bills_created, bills_existing, total_fen, created_by, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())',
    [runId, officeId, month, created.length, billed.size, totalFen, userId],
  );
  const billRecords: BillingRecordWrite[] = created.map((b) => ({ entity: 'bill', id: b.id, data: { ...b } as unknown as RecordData }));
  await publishLedger(tx, officeId, added, { extra: billRecords });
  return { runId, month, issuedOn: today, billsCreated: created.length, billsExisting: billed.size, totalFen };
}

/**
 * The month whose final bill a terminated or closed account still waits for, or null. The refund
 * at closure pays back what is left after every fee (400 agreement 第五条(一): 交清所有费用后销户),
 * so it waits for the run of the end month, which needs that month's call records complete.
 */
export async function pendingFinalBillMonth(q: Queryable, officeId: string, account: BillingAccount): Promise<string | null> {
  const end = serviceEndOf(account);
  if (!end) return null;
  const month = end.slice(0, 7);
  const r = await q.query('SELECT 1 FROM bills WHERE office_id = $1 AND account_id = $2 AND month = $3', [officeId, account.accountId, month]);
  return r.rows.length ? null : month;
}
