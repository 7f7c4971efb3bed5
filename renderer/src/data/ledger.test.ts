import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { adjustLedger, firstRenewalFen, isPendingEntry, ledgerSummary, owedFen, receiptFor, recordPayment, reverseLedgerEntry, type PaymentForm } from './ledger';
import { billingSettings, saveBillingSettings } from './billingSettings';
import { saveOfficeSettings } from './officeProfile';
import { ledgerTable, type StoredLedgerEntry } from './ledgerTypes';
import { accountBalanceFen, closeAccount, terminateAccount } from './accounts';
import { PermissionError, ValidationError } from './errors';
import { reconcileRecord } from './syncState';
import { metaRecordKey } from './syncStateApply';
import type { Change } from '../../../shared/sync/index';
import { DEFAULT_BILLING_SETTINGS, rmbUppercase } from '../../../shared';

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

const pay = (over: Partial<PaymentForm> = {}): PaymentForm => ({ accountId, kind: 'prepayment', amountYuan: '6007.14', method: 'bank_transfer', reference: 'BT20261102001', ...over });

/** A charge as the server's billing run publishes it (negative, with its version). */
function charge(id: string, amountFen: number, effectiveOn: string, dueOn: string): StoredLedgerEntry {
  return { id, accountId, kind: 'monthly_charge', category: 'principal', amountFen, effectiveOn, dueOn, method: null, reference: null, reason: null, approvedBy: null, reverses: null, billId: null, createdBy: null, createdAt: `${effectiveOn}T00:00:00.000Z`, version: 7 };
}

/** A record as the sync applies the server's copy (same transaction and mapping as a pull). */
const applyServer = (c: Change) => reconcileRecord(c.entity, c.id, c, c.officeId);

beforeEach(async () => {
  setDatabase(new HotlineDb(`ledger-test-${++n}`));
  setClock('2026-11-02T02:00:00.000Z');
  ({ accountId } = await seedBillingAccount());
  await db().outbox.clear();
});

describe('payments', () => {
  it('records a prepayment offline: pending entry + payment.record command in one write, receipt in 人民币大写', async () => {
    const r = await recordPayment(pay());
    expect(r).toMatchObject({ amountFen: 600_714, method: 'bank_transfer', reference: 'BT20261102001', receivedOn: '2026-11-02', balanceAfterFen: 600_714, pending: true, numberDigits: '4008123456', recordedBy: '业务员' });
    expect(r.receiptNo).toMatch(/^SK20261102-[0-9A-F]{8}$/);
    expect(rmbUppercase(r.amountFen)).toBe('陆仟零柒元壹角肆分');
    const outbox = await db().outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ name: 'payment.record', args: { id: r.entryId, accountId, amountFen: 600_714, method: 'bank_transfer', kind: 'prepayment', reference: 'BT20261102001' } });
    const s = await ledgerSummary(accountId);
    expect(s).toMatchObject({ balanceFen: 600_714, overdueFen: 0, pendingCount: 1 });
    expect(await receiptFor(r.entryId)).toMatchObject({ receiptNo: r.receiptNo, amountFen: 600_714, balanceAfterFen: 600_714 });
  });

  it('sums the balance exact to the fen: 0.29 + 0.01 + 100000.53 − 300.00', async () => {
    await recordPayment(pay({ amountYuan: '0.29', method: 'cash', reference: '' }));
    await recordPayment(pay({ amountYuan: '0.01', method: 'cash', reference: '' }));
    await recordPayment(pay({ amountYuan: '100,000.53', method: 'bank_collection', reference: 'TS-1' }));
    await ledgerTable().add(charge('c1', -30_000, '2026-11-01', '2026-12-15'));
    expect((await ledgerSummary(accountId)).balanceFen).toBe(29 + 1 + 10_000_053 - 30_000);
  });

  it('refuses bad input by field and saves nothing', async () => {
    const bad = (await rejection(recordPayment(pay({ amountYuan: '12.345', reference: '' })))) as ValidationError;
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fields.amountYuan).toContain('收款金额');
    expect(bad.fields.reference).toContain('凭证号');
    const zero = (await rejection(recordPayment(pay({ amountYuan: '0' })))) as ValidationError;
    expect(zero.fields.amountYuan).toBe('收款金额：必须大于零。');
    const method = (await rejection(recordPayment(pay({ method: 'alipay' as never })))) as ValidationError;
    expect(method.fields.method).toContain('付款方式');
    const future = (await rejection(recordPayment(pay({ receivedOn: '2026-11-03' })))) as ValidationError;
    expect(future.fields.receivedOn).toContain('晚于今天');
    expect(await ledgerTable().count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('lets field agents not record payments (the server runs payment.record for office staff only)', async () => {
    await actAs('field_agent');
    expect(await rejection(recordPayment(pay()))).toBeInstanceOf(PermissionError);
  });

  it('sends phone-bill collection under the name the sync catalogue accepts', async () => {
    await recordPayment(pay({ method: 'phone_bill_collection', reference: 'DX-88' }));
    const method = ((await db().outbox.toArray())[0]!.args as { method: string }).method;
    expect(['phone_bill_collection', 'phone_bill']).toContain(method);
  });
});

describe('renewals', () => {
  it('refuses a renewal below the first renewal with the contract reason; equal is fine', async () => {
    await recordPayment(pay({ kind: 'renewal', amountYuan: '1000' }));
    const e = (await rejection(recordPayment(pay({ kind: 'renewal', amountYuan: '999.99' })))) as ValidationError;
    expect(e.fields.amountYuan).toBe('收款金额：续费金额 999.99 元低于首次续费金额 1,000.00 元；按协议第四条(二)8，每次续费不得低于首次续费金额。');
    await recordPayment(pay({ kind: 'renewal', amountYuan: '1000.00' }));
    expect(firstRenewalFen(await ledgerTable().toArray())).toBe(100_000);
    expect((await ledgerSummary(accountId)).balanceFen).toBe(200_000);
  });

  it('applies the office policy floor (3 monthly minimums of 300.00 = 900.00) when set', async () => {
    await actAs('manager');
    await saveBillingSettings({ renewalFloorMonthlyMinimums: 3 });
    const e = (await rejection(recordPayment(pay({ kind: 'renewal', amountYuan: '899.99' })))) as ValidationError;
    expect(e.fields.amountYuan).toContain('低于本营业厅规定的下限 900.00 元（3 个月最低消费）');
    await recordPayment(pay({ kind: 'renewal', amountYuan: '900' }));
    // a prepayment is not a renewal: no floor
    await recordPayment(pay({ amountYuan: '1.00' }));
  });

  it('refuses a bad policy setting by field, and clerks cannot change it', async () => {
    expect(await rejection(saveBillingSettings({ renewalFloorMonthlyMinimums: 1 }))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    const e = (await rejection(saveBillingSettings({ renewalFloorMonthlyMinimums: 1.5 }))) as ValidationError;
    expect(e.fields.renewalFloorMonthlyMinimums).toContain('续费下限');
  });
});

describe('billing settings offline', () => {
  it('are saved with the billingSettings.update command; the server record wins once nothing is pending; a refusal saves nothing', async () => {
    await actAs('manager');
    const bad = (await rejection(saveBillingSettings({ lowBalanceMonths: -1 }))) as ValidationError;
    expect(Object.keys(bad.fields)).toEqual(['lowBalanceMonths']);
    expect(await db().outbox.count()).toBe(0);
    const saved = await saveBillingSettings({ renewalFloorMonthlyMinimums: 3 });
    expect(saved).toMatchObject({ renewalFloorMonthlyMinimums: 3, lowBalanceMonths: DEFAULT_BILLING_SETTINGS.lowBalanceMonths });
    const outbox = await db().outbox.toArray();
    expect(outbox.map((r) => [r.name, r.args])).toEqual([['billingSettings.update', { patch: { renewalFloorMonthlyMinimums: 3 } }]]);
    // the server's record arrives (another manager set the low-balance months): the pending change still shows over it
    await db().meta.put({ key: metaRecordKey('billingSettings', 'office'), value: { entity: 'billingSettings', id: 'office', version: 9, data: { ...DEFAULT_BILLING_SETTINGS, lowBalanceMonths: 2 } } });
    expect(await billingSettings()).toMatchObject({ renewalFloorMonthlyMinimums: 3, lowBalanceMonths: 2 });
    // the server answered (here: refused) — its record is the truth again
    await db().outbox.toCollection().modify({ status: 'rejected' });
    expect(await billingSettings()).toMatchObject({ renewalFloorMonthlyMinimums: 0, lowBalanceMonths: 2 });
  });

  it("are read in the office's time zone: a change of the office's zone moves billing with it; a billing timeZone is ignored", async () => {
    await actAs('manager');
    expect((await billingSettings()).timeZone).toBe('Asia/Shanghai');
    await saveOfficeSettings({ timeZone: 'Asia/Urumqi' });
    expect((await billingSettings()).timeZone).toBe('Asia/Urumqi');
    // a server record from before, still carrying the billing zone it used to have
    await db().meta.put({ key: metaRecordKey('billingSettings', 'office'), value: { entity: 'billingSettings', id: 'office', version: 9, data: { ...DEFAULT_BILLING_SETTINGS, timeZone: 'Europe/London' } } });
    expect((await billingSettings()).timeZone).toBe('Asia/Urumqi');
    // nor can a caller still passing one queue it
    await db().outbox.clear();
    await saveBillingSettings({ timeZone: 'Europe/London' } as never);
    expect(await db().outbox.count()).toBe(0);
    expect((await billingSettings()).timeZone).toBe('Asia/Urumqi');
  });

  it("take the days to termination and the cooling period from the office's rules; billing values for them are ignored", async () => {
    await actAs('manager');
    expect(await billingSettings()).toMatchObject({ suspensionToTerminationDays: 30, coolingDays: 90 });
    await saveOfficeSettings({ suspensionToTerminationDays: 45, coolingDays: 60 });
    expect(await billingSettings()).toMatchObject({ suspensionToTerminationDays: 45, coolingDays: 60 });
    // a server record from before, still carrying the billing values it used to have
    await db().meta.put({ key: metaRecordKey('billingSettings', 'office'), value: { entity: 'billingSettings', id: 'office', version: 9, data: { ...DEFAULT_BILLING_SETTINGS, suspensionToTerminationDays: 1, coolingDays: 5, lowBalanceMonths: 2 } } });
    expect(await billingSettings()).toMatchObject({ suspensionToTerminationDays: 45, coolingDays: 60, lowBalanceMonths: 2 });
    // nor can a caller still passing them queue them
    await db().outbox.clear();
    await saveBillingSettings({ suspensionToTerminationDays: 1, coolingDays: 5 } as never);
    expect(await db().outbox.count()).toBe(0);
    expect(await billingSettings()).toMatchObject({ suspensionToTerminationDays: 45, coolingDays: 60 });
  });
});

describe('adjustments and reversals', () => {
  it('an adjustment needs a manager and a reason; it is a pending entry + ledger.adjust at once, replaced by the server entry or removed when refused', async () => {
    expect(await rejection(adjustLedger({ accountId, direction: 'credit', amountYuan: '50', reason: '话单争议退还' }))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    const e = (await rejection(adjustLedger({ accountId, direction: 'credit', amountYuan: '50', reason: '  ' }))) as ValidationError;
    expect(e.fields.reason).toBe('调账原因：必填。');
    expect(((await rejection(adjustLedger({ accountId, direction: 'credit', amountYuan: '0', reason: 'x' }))) as ValidationError).fields.amountYuan).toBe('调账金额：必须大于零。');
    expect(await db().outbox.count()).toBe(0);
    const manager = (await db().users.toArray()).find((u) => u.role === 'manager')!;
    const row = await adjustLedger({ accountId, direction: 'debit', amountYuan: '50.05', reason: '补收 10 月功能费' });
    expect(row).toMatchObject({ kind: 'adjustment', amountFen: -5_005, approvedBy: manager.id, effectiveOn: '2026-11-02' });
    expect(isPendingEntry(row)).toBe(true);
    expect((await db().outbox.toArray()).map((r) => [r.name, r.args])).toEqual([['ledger.adjust', { id: row.id, accountId, amountFen: -5_005, reason: '补收 10 月功能费' }]]);
    expect(await ledgerSummary(accountId)).toMatchObject({ balanceFen: -5_005, pendingCount: 1 });
    expect(await owedFen(accountId)).toBe(5_005);
    // the pull brings the server's entry under the same id: confirmed, counted once
    await applyServer({ officeId: 'o1', entity: 'ledgerEntry', id: row.id, version: 12, deleted: false, data: { ...row, approvedBy: 'server-manager-id', createdAt: '2026-11-02T03:00:00.000Z' } });
    expect(await ledgerSummary(accountId)).toMatchObject({ balanceFen: -5_005, pendingCount: 0 });
    // a refused adjustment: reconciling with the server's (absent) entry removes it
    const refused = await adjustLedger({ accountId, direction: 'credit', amountYuan: '1', reason: '误录' });
    expect((await ledgerSummary(accountId)).balanceFen).toBe(-5_005 + 100);
    await reconcileRecord('ledgerEntry', refused.id, null, 'o1');
    expect(await ledgerTable().get(refused.id)).toBeUndefined();
    expect((await ledgerSummary(accountId)).balanceFen).toBe(-5_005);
  });

  it('a reversal cancels one entry once, offline, with a reason; a reversal is not reversed', async () => {
    await ledgerTable().add(charge('c1', -30_000, '2026-10-31', '2026-11-15'));
    expect(await rejection(reverseLedgerEntry('c1', '重复出账'))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    expect(((await rejection(reverseLedgerEntry('c1', ''))) as ValidationError).fields.reason).toBe('冲正原因：必填。');
    const rev = await reverseLedgerEntry('c1', '重复出账');
    expect(rev).toMatchObject({ kind: 'reversal', amountFen: 30_000, reverses: 'c1', category: 'principal', reason: '重复出账' });
    expect((await db().outbox.toArray()).map((r) => [r.name, r.args])).toEqual([['ledger.reverse', { id: rev.id, entryId: 'c1', reason: '重复出账' }]]);
    expect(await ledgerSummary(accountId)).toMatchObject({ balanceFen: 0, pendingCount: 1 });
    expect(((await rejection(reverseLedgerEntry('c1', '再冲'))) as ValidationError).fields.entryId).toContain('已于 2026-11-02 冲正过');
    expect(((await rejection(reverseLedgerEntry(rev.id, '冲回'))) as ValidationError).fields.entryId).toContain('不能再冲正');
    expect(await db().outbox.count()).toBe(1);
  });

  it('closure is refused while the ledger shows fees owed, allowed once paid', async () => {
    await ledgerTable().add(charge('c1', -30_000, '2026-10-31', '2026-11-15'));
    expect(await accountBalanceFen(accountId)).toBe(30_000);
    await actAs('manager');
    await terminateAccount(accountId, 'customer_request', '客户不再使用');
    expect((await rejection(closeAccount(accountId, '销户'))).message).toContain('300.00');
    await recordPayment(pay({ amountYuan: '300', method: 'cash', reference: '' }));
    expect(await accountBalanceFen(accountId)).toBe(0);
    expect((await closeAccount(accountId, '结清销户')).status).toBe('closed');
  });
});
