import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { listBillingActions, listReminders, overdueSinceOf, previewBill, reverseBillingAction, termEndsOn } from './billing';
import { reconcileRecord } from './syncState';
import { recordPayment } from './ledger';
import { saveBillingSettings } from './billingSettings';
import { ledgerTable, type StoredBillingAction, type StoredLedgerEntry } from './ledgerTypes';
import { accountsTable } from './accountsTypes';
import { metaRecordKey } from './syncStateApply';
import type { ValidationError } from './errors';
import { PermissionError } from './errors';

let n = 0;
let accountId = '';

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

async function call(id: string, startAt: string, durationSeconds: number): Promise<void> {
  await db().meta.put({ key: metaRecordKey('callRecord', id), value: { entity: 'callRecord', id, version: 1, data: { carrierRecordId: id, accountId, hotline: '4008123456', startAt, durationSeconds } } });
}

function entry(id: string, kind: StoredLedgerEntry['kind'], amountFen: number, effectiveOn: string, dueOn = effectiveOn): StoredLedgerEntry {
  return { id, accountId, kind, category: kind === 'late_fee' ? 'late_fee' : 'principal', amountFen, effectiveOn, dueOn, method: null, reference: null, reason: null, approvedBy: null, reverses: null, billId: null, createdBy: null, createdAt: `${effectiveOn}T00:00:00.000Z`, version: 3 };
}

async function seed(includedMinutes = 0): Promise<void> {
  setDatabase(new HotlineDb(`billing-test-${++n}`));
  setClock('2026-11-02T02:00:00.000Z');
  ({ accountId } = await seedBillingAccount({ includedMinutes }));
  await call('r0', '2026-11-01T03:00:00Z', 600); // 11-01 in Shanghai: before the opening date
  await call('r1', '2026-11-05T01:00:00Z', 54); // 1 minute
  await call('r2', '2026-11-05T02:00:00Z', 62); // 2 minutes
  await call('r3', '2026-11-20T02:00:00Z', 3600); // 60 minutes
  await call('r4', '2026-11-30T16:30:00Z', 120); // 12-01 00:30 in Shanghai: December, 2 minutes
  await call('r5', '2026-12-10T02:00:00Z', 126_000); // 2100 minutes
}

describe('offline bill preview (shared/billing on local data)', () => {
  beforeEach(() => seed());

  it('first month: minimum prorated from the opening date 11-02 (29/30 × 300.00 = 290.00) beats usage 63 min × 0.15 = 9.45; 彩铃 10.00', async () => {
    const p = await previewBill(accountId, '2026-11');
    expect(p.callCount).toBe(3);
    expect(p.bill).toMatchObject({ periodFrom: '2026-11-02', firstMonth: true, totalMinutes: 63, usageFen: 945, minimumFen: 29_000, monthlyChargeFen: 29_000, featureFeesFen: 1_000, totalFen: 30_000 });
    expect(p.issued).toBeNull();
  });

  it('a full month above the minimum is charged its usage: 2102 min × 0.15 = 315.30, + 10.00', async () => {
    const p = await previewBill(accountId, '2026-12');
    expect(p.bill).toMatchObject({ firstMonth: false, totalMinutes: 2102, usageFen: 31_530, minimumFen: 30_000, monthlyChargeFen: 31_530, totalFen: 32_530 });
  });

  it('follows the first-month policy setting (full minimum)', async () => {
    await actAs('manager');
    await saveBillingSettings({ firstMonthBilling: 'full' });
    expect((await previewBill(accountId, '2026-11')).bill).toMatchObject({ minimumFen: 30_000, totalFen: 31_000 });
  });

  it('is null before the opening month; a bad month is refused by field', async () => {
    expect((await previewBill(accountId, '2026-10')).bill).toBeNull();
    expect(((await rejection(previewBill(accountId, '2026-13'))) as ValidationError).fields.month).toContain('账单月份');
  });
});

describe('the final month of a terminated or closed account', () => {
  beforeEach(() => seed());

  it('terminated on 12-05: service days 12-01..12-05 only (5/31 × 300.00 = 48.39 rounded half up; the 2100 min of 12-10 are not counted), nothing after', async () => {
    const acc = (await accountsTable().get(accountId))!;
    await accountsTable().put({ ...acc, status: 'terminated', stateSince: '2026-12-05' });
    const p = await previewBill(accountId, '2026-12');
    // 12-01 00:30 call: 2 min × 0.15 = 0.30 < 48.39; + 彩铃 10.00 = 58.39
    expect(p.callCount).toBe(1);
    expect(p.bill).toMatchObject({ periodFrom: '2026-12-01', periodTo: '2026-12-05', finalMonth: true, totalMinutes: 2, usageFen: 30, minimumFen: 4_839, monthlyChargeFen: 4_839, featureFeesFen: 1_000, totalFen: 5_839 });
    expect((await previewBill(accountId, '2027-01')).bill).toBeNull();
    // the months before it stay whole
    expect((await previewBill(accountId, '2026-11')).bill).toMatchObject({ totalFen: 30_000 });
    expect((await previewBill(accountId, '2026-11')).bill?.finalMonth).toBeUndefined();
  });

  it('closed on the opening month\'s 11-20: the days 11-02..11-20 (19/30 × 300.00 = 190.00) against 63 min', async () => {
    const acc = (await accountsTable().get(accountId))!;
    await accountsTable().put({ ...acc, status: 'closed', stateSince: '2026-11-20' });
    const p = await previewBill(accountId, '2026-11');
    expect(p.bill).toMatchObject({ periodFrom: '2026-11-02', periodTo: '2026-11-20', firstMonth: true, finalMonth: true, totalMinutes: 63, minimumFen: 19_000, totalFen: 20_000 });
    expect((await previewBill(accountId, '2026-12')).bill).toBeNull();
  });
});

describe('included minutes are consumed first', () => {
  beforeEach(() => seed(100));
  it('December: (2102 − 100) × 0.15 = 300.30 > 300.00', async () => {
    expect((await previewBill(accountId, '2026-12')).bill).toMatchObject({ includedUsed: 100, chargedMinutes: 2002, usageFen: 30_030, monthlyChargeFen: 30_030, totalFen: 31_030 });
  });
});

describe('reminder lists', () => {
  beforeEach(() => seed());

  it('in arrears by overdue days; low balance below one monthly minimum; package expiring within the reminder days', async () => {
    // November's bill: 300.00, due 12-15
    await ledgerTable().add(entry('b11', 'monthly_charge', -30_000, '2026-11-30', '2026-12-15'));
    let r = await listReminders('2026-12-15');
    expect(r.arrears.map((a) => [a.accountNo.length > 0, a.balanceFen, a.overdueFen, a.overdueDays])).toEqual([[true, -30_000, 0, 0]]);
    r = await listReminders('2026-12-20');
    expect(r.arrears[0]).toMatchObject({ overdueFen: 30_000, overdueDays: 5, customerName: '郑州星辰通信科技有限公司' });
    expect(overdueSinceOf(await ledgerTable().toArray(), '2026-12-20')).toBe('2026-12-16');
    // paid 200.00 of it: still 100.00 overdue
    await ledgerTable().add(entry('p1', 'prepayment', 20_000, '2026-12-21'));
    r = await listReminders('2026-12-21');
    expect(r.arrears[0]).toMatchObject({ overdueFen: 10_000, balanceFen: -10_000 });
    // paid 450.00 more: 350.00 credit is above 300.00 → not low; 250.00 would be
    await ledgerTable().add(entry('p2', 'prepayment', 45_000, '2026-12-22'));
    r = await listReminders('2026-12-22');
    expect([r.arrears.length, r.lowBalance.length]).toEqual([0, 0]);
    await ledgerTable().add(entry('c2', 'feature_fee', -10_000, '2026-12-22', '2027-01-15'));
    r = await listReminders('2026-12-22');
    expect(r.lowBalance.map((x) => x.balanceFen)).toEqual([25_000]);
    // term: opened 2026-11-02 for 12 months → ends 2027-11-01; reminded from 30 days before
    const account = (await accountsTable().get(accountId))!;
    expect(termEndsOn(account)).toBe('2027-11-01');
    expect((await listReminders('2027-10-01')).expiring).toHaveLength(0);
    expect((await listReminders('2027-10-02')).expiring).toHaveLength(1);
  });
});

describe('automatic actions', () => {
  beforeEach(() => seed());

  it('the pulled log is listed offline; a manager reverses an automatic suspension with a reason through the outbox, once; clerks cannot', async () => {
    const a1: StoredBillingAction = { id: 'a1', accountId, action: 'suspend', onDate: '2026-12-16', reason: '账单逾期未缴', automatic: true, reversedAt: null, reversedBy: null, reversalReason: null, details: { previousState: 'active' } };
    const a2: StoredBillingAction = { id: 'a2', accountId, action: 'resume', onDate: '2026-12-10', reason: '人工恢复', automatic: false, reversedAt: null, reversedBy: null, reversalReason: null };
    // as the pull stores them (entity 'billingAction')
    for (const a of [a1, a2]) await reconcileRecord('billingAction', a.id, { officeId: 'o1', entity: 'billingAction', id: a.id, version: 5, deleted: false, data: { ...a } }, 'o1');
    const log = await listBillingActions();
    expect(log.map((a) => [a.id, a.reversalPending])).toEqual([['a1', false], ['a2', false]]);
    expect(log[0]!.accountNo).toBe((await accountsTable().get(accountId))!.no);
    expect(await rejection(reverseBillingAction('a1', '客户已承诺付款'))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    expect(((await rejection(reverseBillingAction('a1', ' '))) as ValidationError).fields.reason).toBe('撤销原因：必填。');
    expect(((await rejection(reverseBillingAction('a2', '误操作'))) as ValidationError).fields.actionId).toContain('人工操作');
    const reversals = async () => (await db().outbox.toArray()).filter((r) => r.name === 'billingAction.reverse');
    expect(await reversals()).toEqual([]);
    const done = await reverseBillingAction('a1', '客户已承诺付款');
    expect(done).toMatchObject({ reversalReason: '客户已承诺付款', reversedAt: '2026-11-02T02:00:00.000Z' });
    expect((await reversals()).map((r) => r.args)).toEqual([{ actionId: 'a1', reason: '客户已承诺付款' }]);
    expect((await listBillingActions())[0]).toMatchObject({ id: 'a1', reversalPending: true, reversalReason: '客户已承诺付款' });
    expect(((await rejection(reverseBillingAction('a1', '再次'))) as ValidationError).fields.actionId).toContain('已于 2026-11-02');
    // refused by the server (the account changed meanwhile): its copy of the action comes back
    await db().outbox.filter((r) => r.name === 'billingAction.reverse').modify({ status: 'rejected' });
    await reconcileRecord('billingAction', 'a1', { officeId: 'o1', entity: 'billingAction', id: 'a1', version: 5, deleted: false, data: { ...a1 } }, 'o1');
    expect((await listBillingActions())[0]).toMatchObject({ id: 'a1', reversedAt: null, reversalPending: false });
  });

  it('a payment recorded offline lowers the arrears at once', async () => {
    await ledgerTable().add(entry('b11', 'monthly_charge', -30_000, '2026-10-31', '2026-11-01'));
    expect((await listReminders('2026-11-02')).arrears[0]).toMatchObject({ overdueFen: 30_000 });
    await recordPayment({ accountId, kind: 'prepayment', amountYuan: '300', method: 'cash', reference: '' });
    expect((await listReminders('2026-11-02')).arrears).toHaveLength(0);
  });
});
