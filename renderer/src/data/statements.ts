import { db } from './db';
import { NotFoundError } from './errors';
import { requirePermission } from './session';
import { accountsTable } from './accountsTypes';
import { billsTable, ledgerTable, type StoredBill, type StoredLedgerEntry } from './ledgerTypes';
import { isPendingEntry } from './ledger';
import { getOfficeProfile } from './officeProfile';
import { getCachedSession } from './auth';
import { buildOfficeSummaryDocument, buildStatementDocument, monthBounds, msg, statementInputFrom, type ContractDocument, type OfficeSummaryRow, type StatementBill } from '../../../shared';

/**
 * Statements (月度账单) and the office summary (月度出账汇总) on the device, offline: from the bills
 * the server's run published and the synced ledger, through the same shared functions the server's
 * .docx/.pdf use (statementInputFrom → buildStatementDocument), so the words are the server's.
 * Entries recorded here and not yet confirmed by the server are left out (the server's statement
 * does not know them either). Call records stay on the server: the device's statement lists none.
 */

/** A published bill as the statement reads it (the bill record carries the run's row). */
function statementBill(b: StoredBill, openedOn: string | null): StatementBill {
  const raw = b as unknown as Record<string, unknown>;
  const text = (k: string, fallback = '') => (typeof raw[k] === 'string' ? (raw[k] as string) : fallback);
  return {
    month: b.month,
    billNo: b.billNo ?? b.id,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    openedOn: text('openedOn', openedOn ?? b.periodFrom),
    issuedOn: b.issuedOn ?? monthBounds(b.month).last,
    dueOn: b.dueOn ?? '',
    totalMinutes: b.totalMinutes,
    includedUsed: b.includedUsed,
    chargedMinutes: b.chargedMinutes,
    tariffFen: Number(raw.tariffFen ?? 0),
    usageFen: b.usageFen,
    minimumFen: b.minimumFen,
    lines: b.lines,
  };
}

const confirmed = (entries: StoredLedgerEntry[]) => entries.filter((e) => !isPendingEntry(e));

/** The office's name as the server prints it (the signed-in office), else the local profile's. */
async function officeName(): Promise<string> {
  const fromServer = (await getCachedSession())?.session.user.offices[0]?.name;
  return fromServer || String((await getOfficeProfile())?.name ?? '');
}

async function customerName(id: string | undefined): Promise<string> {
  if (!id) return '';
  const c = await db().customers.get(id);
  return c ? String(c.name ?? '') : '';
}

/** The bills of one account, newest month first. */
export async function billsOfAccount(accountId: string): Promise<StoredBill[]> {
  const rows = await billsTable().where('accountId').equals(accountId).toArray();
  return rows.sort((a, b) => b.month.localeCompare(a.month));
}

/** A customer's statement for one published bill, in the contracts' document model. */
export async function statementDocument(billId: string): Promise<{ doc: ContractDocument; fileBase: string }> {
  const bill = await billsTable().get(billId);
  if (!bill) throw new NotFoundError(msg('billing.billNotLocal', { id: billId }));
  const account = await accountsTable().get(bill.accountId);
  const entries = confirmed(await ledgerTable().where('accountId').equals(bill.accountId).toArray());
  const input = statementInputFrom({
    officeName: await officeName(),
    customerName: await customerName(account?.customerId),
    accountNo: account?.no ?? bill.accountId,
    hotline: account?.numberDigits ?? '',
    bill: statementBill(bill, account?.openedOn ?? null),
    entries,
  });
  return { doc: buildStatementDocument(input), fileBase: `月度账单-${input.billNo}` };
}

/** The office's summary of one month's bills (managers: it shows every customer's balance). */
export async function officeSummaryDocument(month: string): Promise<{ doc: ContractDocument; fileBase: string; bills: number }> {
  await requirePermission('report.view');
  const bills = await billsTable().where('month').equals(month).toArray();
  const rows: OfficeSummaryRow[] = [];
  for (const b of bills) {
    const account = await accountsTable().get(b.accountId);
    const entries = confirmed(await ledgerTable().where('accountId').equals(b.accountId).toArray());
    const issuedOn = b.issuedOn ?? monthBounds(month).last;
    rows.push({
      accountNo: account?.no ?? b.accountId,
      customerName: await customerName(account?.customerId),
      hotline: account?.numberDigits ?? '',
      totalMinutes: b.totalMinutes,
      usageFen: b.usageFen,
      monthlyChargeFen: b.monthlyChargeFen,
      featureFeesFen: b.featureFeesFen,
      totalFen: b.totalFen,
      closingBalanceFen: entries.filter((e) => e.effectiveOn <= issuedOn).reduce((a, e) => a + e.amountFen, 0),
    });
  }
  rows.sort((a, b) => a.accountNo.localeCompare(b.accountNo));
  return { doc: buildOfficeSummaryDocument(await officeName(), month, rows), fileBase: `月度出账汇总-${month}`, bills: rows.length };
}
