import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HotlineDb, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { billsTable, ledgerTable, type StoredBill, type StoredLedgerEntry } from './ledgerTypes';
import { billsOfAccount, officeSummaryDocument, statementDocument } from './statements';
import { PermissionError } from './errors';
import { contractHtmlFragment } from '../../../shared';

// Statements on the device: from the synced bill and the confirmed ledger (entries still waiting
// for the server are not on them), the office summary for managers only.
let n = 0;
const words = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');

function entry(accountId: string, id: string, kind: StoredLedgerEntry['kind'], amountFen: number, effectiveOn: string, version: number | undefined, reason: string | null = null): StoredLedgerEntry {
  return { id, accountId, kind, category: 'principal', amountFen, effectiveOn, dueOn: effectiveOn, method: null, reference: null, reason, approvedBy: null, reverses: null, billId: null, createdBy: null, createdAt: `${effectiveOn}T00:00:00.000Z`, ...(version === undefined ? {} : { version }) };
}

async function seed() {
  setDatabase(new HotlineDb(`statements-test-${++n}`));
  setClock('2026-12-02T02:00:00.000Z');
  const { accountId } = await seedBillingAccount();
  // the server's November bill as the run published it (minimum 300.00 prorated from 11-02: 29/30 → 290.00; 彩铃 10.00)
  const bill = {
    id: 'bill-1', accountId, month: '2026-11', billNo: '202611-A-1', periodFrom: '2026-11-02', periodTo: '2026-11-30', openedOn: '2026-11-02', firstMonth: true,
    totalMinutes: 12, includedUsed: 0, chargedMinutes: 12, tariffFen: 15, usageFen: 180, minimumFen: 29_000, monthlyChargeFen: 29_000, featureFeesFen: 1_000, totalFen: 30_000,
    lines: [{ kind: 'monthly_charge', label: '2026-11 月最低消费（通话费 1.80 元低于最低消费）', amountFen: 29_000 }, { kind: 'feature_fee', label: '2026-11 功能使用费：彩铃', amountFen: 1_000 }],
    issuedOn: '2026-12-01', dueOn: '2026-12-15', version: 4,
  } as unknown as StoredBill;
  await billsTable().put(bill);
  await ledgerTable().bulkPut([
    entry(accountId, 'p1', 'prepayment', 50_000, '2026-11-02', 2, '现金支付'),
    entry(accountId, 'c1', 'monthly_charge', -29_000, '2026-11-30', 5, bill.lines[0]!.label),
    entry(accountId, 'c2', 'feature_fee', -1_000, '2026-11-30', 6, bill.lines[1]!.label),
    entry(accountId, 'local', 'prepayment', 7_777, '2026-11-20', undefined, '现金支付'), // recorded here, not yet confirmed
  ]);
  return accountId;
}

describe('statements on the device', () => {
  it('a published bill’s statement: the confirmed ledger only, balance and what is left in uppercase RMB', async () => {
    const accountId = await seed();
    expect((await billsOfAccount(accountId)).map((b) => b.id)).toEqual(['bill-1']);
    const { doc, fileBase } = await statementDocument('bill-1');
    expect(fileBase).toBe('月度账单-202611-A-1');
    const text = words(contractHtmlFragment(doc));
    expect(text).toContain('本期费用合计300.00');
    // 500.00 − 300.00 = 200.00 left; the unconfirmed 77.77 is not on it
    expect(text).toContain('账户结余：人民币（大写）贰佰元整（¥200.00），本期无须缴费。');
    expect(text).not.toContain('77.77');
    expect(text).toContain('400-812-3456');
  });

  it('an unknown bill is refused with a clear message', async () => {
    await seed();
    await expect(statementDocument('nope')).rejects.toThrow('账单 nope 不在本机，请先同步。');
  });

  it('the office summary is for managers', async () => {
    await seed();
    await expect(officeSummaryDocument('2026-11')).rejects.toBeInstanceOf(PermissionError);
    await actAs('manager');
    const s = await officeSummaryDocument('2026-11');
    expect(s.bills).toBe(1);
    expect(words(contractHtmlFragment(s.doc))).toContain('出账账户1户，本期费用合计300.00元');
  });
});
