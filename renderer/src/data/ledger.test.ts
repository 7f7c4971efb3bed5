import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { adjustLedger, firstRenewalFen, ledgerSummary, owedFen, receiptFor, recordPayment, type PaymentForm } from './ledger';
import { billingSettings, refreshBillingSettings, saveBillingSettings } from './billingSettings';
import { ledgerTable, type StoredLedgerEntry } from './ledgerTypes';
import { accountBalanceFen, closeAccount, terminateAccount } from './accounts';
import { PermissionError, ValidationError } from './errors';
import type { BillingServer } from './billingServer';
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

describe('billing settings with a sync login', () => {
  it('are saved on the server first and its answer kept; a refusal saves nothing', async () => {
    await actAs('manager');
    const puts: unknown[] = [];
    const server = {
      putSettings: async (patch: object) => {
        puts.push(patch);
        return { ...DEFAULT_BILLING_SETTINGS, ...patch, lowBalanceMonths: 2 };
      },
      getSettings: async () => ({ ...DEFAULT_BILLING_SETTINGS, renewalFloorMonthlyMinimums: 6 }),
    } as unknown as BillingServer;
    const saved = await saveBillingSettings({ renewalFloorMonthlyMinimums: 3 }, server);
    expect(puts).toEqual([{ renewalFloorMonthlyMinimums: 3 }]);
    expect(saved).toMatchObject({ renewalFloorMonthlyMinimums: 3, lowBalanceMonths: 2 });
    expect(await billingSettings()).toMatchObject({ renewalFloorMonthlyMinimums: 3, lowBalanceMonths: 2 });
    const failing = { ...server, putSettings: async () => Promise.reject(new Error('网络断开')) } as unknown as BillingServer;
    const e = (await rejection(saveBillingSettings({ renewalFloorMonthlyMinimums: 9 }, failing))) as ValidationError;
    expect(e.fields.form).toBe('设置未保存：网络断开');
    expect((await billingSettings()).renewalFloorMonthlyMinimums).toBe(3);
    expect(await refreshBillingSettings(server)).toBe(true);
    expect((await billingSettings()).renewalFloorMonthlyMinimums).toBe(6);
    expect(await refreshBillingSettings(null)).toBe(false);
  });
});

describe('adjustments and closure', () => {
  it('needs a manager and a reason; the server writes it (manager as approver) and it is stored at once', async () => {
    const sent: unknown[] = [];
    const server: BillingServer = {
      async postAdjustment(acc, body) {
        sent.push({ acc, ...body });
        return { id: body.id, accountId: acc, kind: 'adjustment', category: 'principal', amountFen: body.amountFen, effectiveOn: '2026-11-02', dueOn: '2026-11-02', method: null, reference: null, reason: body.reason, approvedBy: 'mgr', reverses: null, billId: null, createdBy: 'mgr', createdAt: '2026-11-02T02:00:00.000Z' };
      },
      listActions: async () => [],
      getSettings: async () => Promise.reject(new Error('not used')),
      putSettings: async () => Promise.reject(new Error('not used')),
      reverseAction: async () => {
        throw new Error('not used');
      },
    };
    expect(await rejection(adjustLedger({ accountId, direction: 'credit', amountYuan: '50', reason: '话单争议退还' }, server))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    const e = (await rejection(adjustLedger({ accountId, direction: 'credit', amountYuan: '50', reason: '  ' }, server))) as ValidationError;
    expect(e.fields.reason).toBe('调账原因：必填。');
    const offline = (await rejection(adjustLedger({ accountId, direction: 'credit', amountYuan: '50', reason: '退还' }, null))) as ValidationError;
    expect(offline.fields.form).toContain('须登录同步服务器并联网');
    expect(sent).toEqual([]);
    const row = await adjustLedger({ accountId, direction: 'debit', amountYuan: '50.05', reason: '补收 10 月功能费' }, server);
    expect(sent).toEqual([{ acc: accountId, id: row.id, amountFen: -5_005, reason: '补收 10 月功能费' }]);
    expect(row).toMatchObject({ kind: 'adjustment', amountFen: -5_005, approvedBy: 'mgr', version: 0 });
    expect(await db().outbox.count()).toBe(0);
    expect(await owedFen(accountId)).toBe(5_005);
    const failing: BillingServer = { ...server, postAdjustment: async () => Promise.reject(new Error('调账原因不能为空')) };
    const refused = (await rejection(adjustLedger({ accountId, direction: 'credit', amountYuan: '1', reason: 'x' }, failing))) as ValidationError;
    expect(refused.fields.form).toBe('调账未完成：调账原因不能为空');
    expect(await ledgerTable().count()).toBe(1);
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
