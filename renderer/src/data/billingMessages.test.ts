import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { adjustLedger, recordPayment, reverseLedgerEntry } from './ledger';
import { raiseDispute, resolveDispute } from './billingDisputes';
import { statementDocument } from './statements';
import { setServerUrl } from './syncState';
import { localizeError, localizedFields, ValidationError } from './errors';
import { rejection } from './testSupport';

/**
 * Billing refusals are catalog messages: the zh-CN text the tests and logs read is unchanged, and
 * the same refusal reads in English, naming the field, with no Chinese left in it.
 */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
let n = 0;
let accountId = '';

beforeEach(async () => {
  setDatabase(new HotlineDb(`billing-messages-test-${++n}`));
  setClock('2026-11-02T02:00:00.000Z');
  ({ accountId } = await seedBillingAccount());
  await db().outbox.clear();
});

function english(e: unknown): Record<string, string> {
  const en = localizedFields(e, 'en');
  for (const text of Object.values(en)) expect(text).not.toMatch(CJK);
  return en;
}

describe('billing refusals in English', () => {
  it('a payment with a bad amount and no voucher number names both fields; zh-CN unchanged', async () => {
    const e = await rejection(recordPayment({ accountId, kind: 'prepayment', amountYuan: '12.345', method: 'bank_transfer', reference: '' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({
      amountYuan: '收款金额：最多保留两位小数（到分）。',
      reference: '凭证号：银行转账须填写银行或托收凭证号。',
    });
    expect(english(e)).toEqual({
      amountYuan: 'Amount received: at most two decimals (fen).',
      reference: 'Voucher number: a payment by bank transfer needs the bank or collection voucher number.',
    });
    const word = await rejection(recordPayment({ accountId, kind: 'prepayment', amountYuan: 'abc', method: 'cash', receivedOn: '2026-11-03' }));
    expect(english(word)).toEqual({
      amountYuan: 'Amount received: “abc” is not an amount; enter a number such as 6007.14.',
      receivedOn: 'Payment date: 2026-11-03 is after today (2026-11-02).',
    });
    expect(await db().outbox.count()).toBe(0);
  });

  it('a renewal below the first renewal gives the contract reason under the amount', async () => {
    await recordPayment({ accountId, kind: 'renewal', amountYuan: '1000', method: 'cash' });
    const e = await rejection(recordPayment({ accountId, kind: 'renewal', amountYuan: '999.99', method: 'cash' }));
    expect((e as ValidationError).fields.amountYuan).toBe('收款金额：续费金额 999.99 元低于首次续费金额 1,000.00 元；按协议第四条(二)8，每次续费不得低于首次续费金额。');
    expect(english(e).amountYuan).toBe('Amount received: The renewal amount of 999.99 yuan is below the first renewal of 1,000.00 yuan; under article 4(2)8 of the agreement no renewal may be lower than the first.');
  });

  it('adjustments, reversals and disputes name their fields; permissions and missing records read in English', async () => {
    await actAs('manager');
    const adjust = await rejection(adjustLedger({ accountId, direction: 'sideways' as never, amountYuan: '0', reason: '' }));
    expect(english(adjust)).toEqual({
      direction: 'Direction: must be credit or debit.',
      amountYuan: 'Adjustment amount: must be more than zero.',
      reason: 'Reason for the adjustment: required.',
    });
    expect(english(await rejection(reverseLedgerEntry('nope', ' ')))).toEqual({ reason: 'Reason for the reversal: required.' });
    expect(localizeError(await rejection(reverseLedgerEntry('nope', 'typo')), 'en')).toBe('Ledger entry nope does not exist.');
    const dispute = await rejection(raiseDispute({ accountId, carrier: '', carrierRecordId: '', reason: 'x'.repeat(501) }));
    expect(english(dispute)).toEqual({
      carrier: 'Carrier: required.',
      carrierRecordId: 'Call record serial number: required.',
      reason: 'Reason for the dispute: at most 500 characters.',
    });
    const d = await raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打' });
    await resolveDispute(d.id, { outcome: 'rejected', note: '核实无误' });
    expect(english(await rejection(resolveDispute(d.id, { outcome: 'upheld', note: '', adjustmentYuan: '1.001' })))).toEqual({
      outcome: 'Decision: this dispute has already been decided (rejected).',
      note: 'Decision note: required.',
      adjustmentYuan: 'Credit: at most two decimals (fen).',
    });
    await actAs('field_agent');
    const denied = await rejection(raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T9', reason: 'x' }));
    expect((denied as Error).message).toContain('无权提出话单异议，请由营业厅业务员或经理办理。');
    expect(localizeError(denied, 'en')).toMatch(/^The current user “.+” \(field agent\) may not raise call-record disputes; a clerk or manager of the office must do it\.$/);
    expect(localizeError(await rejection(statementDocument('b-missing')), 'en')).toBe('Bill b-missing is not on this device; sync first.');
    const url = await rejection(setServerUrl('not a url'));
    expect((url as Error).message).toBe('服务器地址无效：not a url');
    expect(localizeError(url, 'en')).toBe('The server address is not valid: not a url');
  });
});
