import type { Queryable } from '../db/index';
import { buildOfficeSummaryDocument, buildStatementDocument, rateUsage, statementInputFrom, type OfficeSummaryRow, type StatementInput } from '../../../shared/billing/index';
import { renderContractDocx, type ContractDocument } from '../../../shared/contracts/index';
import { loadBillingAccount } from './accounts';
import { readLedger } from './ledger';
import { BILL_COLUMNS, type BillRow } from './run';
import { loadBillingSettings } from './settings';

/** Calls listed on a statement; the rest are counted (a full call list is an export, not a letter). */
const LISTED_CALLS = 200;

export async function readBill(q: Queryable, officeId: string, billId: string): Promise<BillRow | null> {
  const r = await q.query<BillRow>(`SELECT ${BILL_COLUMNS} FROM bills WHERE office_id = $1 AND id = $2`, [officeId, billId]);
  return r.rows[0] ?? null;
}

export async function listBills(q: Queryable, officeId: string, f: { month?: string; accountId?: string }): Promise<BillRow[]> {
  const params: unknown[] = [officeId];
  let where = 'office_id = $1';
  if (f.month) where += ` AND month = $${params.push(f.month)}`;
  if (f.accountId) where += ` AND account_id = $${params.push(f.accountId)}`;
  const r = await q.query<BillRow>(`SELECT ${BILL_COLUMNS} FROM bills WHERE ${where} ORDER BY month, bill_no`, params);
  return r.rows;
}

async function officeName(q: Queryable, officeId: string): Promise<string> {
  const r = await q.query<{ name: string }>('SELECT name FROM offices WHERE id = $1', [officeId]);
  return r.rows[0]?.name ?? '';
}

async function customerNames(q: Queryable, officeId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; name: string | null }>(
    "SELECT id, data->>'name' AS name FROM records WHERE office_id = $1 AND entity = 'customer' AND id = ANY($2::text[])",
    [officeId, ids],
  );
  return new Map(r.rows.map((x) => [x.id, x.name ?? '']));
}

/** Everything a customer's statement says, from the bill, the ledger and the month's calls. */
export async function statementInput(q: Queryable, officeId: string, bill: BillRow): Promise<StatementInput> {
  const settings = await loadBillingSettings(q, officeId);
  const account = await loadBillingAccount(q, officeId, bill.accountId);
  const entries = await readLedger(q, officeId, bill.accountId);
  const calls = await q.query<{ carrier_record_id: string; start_at: string; local: string; caller: string; duration_s: number }>(
    `SELECT carrier_record_id, start_at, to_char(start_at AT TIME ZONE $4, 'YYYY-MM-DD HH24:MI:SS') AS local, caller, duration_s
       FROM call_records WHERE office_id = $1 AND account_id = $2 AND local_day >= $3::date AND local_day <= $5::date ORDER BY start_at, carrier_record_id`,
    [officeId, bill.accountId, bill.periodFrom, settings.timeZone, bill.periodTo],
  );
  const rated = rateUsage(calls.rows.map((c) => ({ carrierRecordId: c.carrier_record_id, startAt: c.start_at, durationSeconds: c.duration_s })), account ? account.includedMinutes : 0, bill.tariffFen);
  const localOf = new Map(calls.rows.map((c) => [c.carrier_record_id, { local: c.local, caller: c.caller }]));
  const customers = account?.customerId ? await customerNames(q, officeId, [account.customerId]) : new Map<string, string>();
  return statementInputFrom({
    officeName: await officeName(q, officeId),
    customerName: (account?.customerId && customers.get(account.customerId)) || '',
    accountNo: account?.accountNo ?? bill.accountId,
    hotline: account?.hotline ?? '',
    bill,
    entries,
    calls: rated.calls.slice(0, LISTED_CALLS).map((c) => ({ startLocal: localOf.get(c.carrierRecordId)?.local ?? c.startAt, caller: localOf.get(c.carrierRecordId)?.caller ?? '', durationSeconds: c.durationSeconds, billableMinutes: c.billableMinutes, chargedFen: c.chargedFen })),
    callsNotListed: Math.max(0, rated.calls.length - LISTED_CALLS),
  });
}

export async function statementDocument(q: Queryable, officeId: string, bill: BillRow): Promise<ContractDocument> {
  return buildStatementDocument(await statementInput(q, officeId, bill));
}

export async function statementDocx(q: Queryable, officeId: string, bill: BillRow): Promise<Uint8Array> {
  return renderContractDocx(await statementDocument(q, officeId, bill));
}

export async function officeSummaryRows(q: Queryable, officeId: string, month: string): Promise<OfficeSummaryRow[]> {
  const r = await q.query<{ account_no: string; customer_name: string | null; hotline: string | null; total_minutes: number; usage_fen: number; monthly_charge_fen: number; feature_fees_fen: number; total_fen: number; balance: number | null }>(
    `SELECT a.account_no, c.data->>'name' AS customer_name, a.hotline, b.total_minutes, b.usage_fen, b.monthly_charge_fen, b.feature_fees_fen, b.total_fen,
            (SELECT SUM(e.amount_fen)::bigint FROM ledger_entries e WHERE e.office_id = b.office_id AND e.account_id = b.account_id AND e.effective_on <= b.issued_on) AS balance
       FROM bills b JOIN billing_accounts a ON a.office_id = b.office_id AND a.account_id = b.account_id
       LEFT JOIN records c ON c.office_id = b.office_id AND c.entity = 'customer' AND c.id = a.customer_id
      WHERE b.office_id = $1 AND b.month = $2 ORDER BY a.account_no`,
    [officeId, month],
  );
  return r.rows.map((x) => ({
    accountNo: x.account_no,
    customerName: x.customer_name ?? '',
    hotline: x.hotline ?? '',
    totalMinutes: Number(x.total_minutes),
    usageFen: Number(x.usage_fen),
    monthlyChargeFen: Number(x.monthly_charge_fen),
    featureFeesFen: Number(x.feature_fees_fen),
    totalFen: Number(x.total_fen),
    closingBalanceFen: Number(x.balance ?? 0),
  }));
}

export async function officeSummaryDocx(q: Queryable, officeId: string, month: string): Promise<Uint8Array> {
  return renderContractDocx(buildOfficeSummaryDocument(await officeName(q, officeId), month, await officeSummaryRows(q, officeId, month)));
}
