import { describe, expect, it } from 'vitest';
import { BillingRefused } from '../billing/ledgerOps';
import { billingRefusalMessage, refusalTexts } from './billingRefusalMessages';

/** The refusals as billing/ledgerOps.ts words them, read back as catalog messages in both languages. */
const texts = (e: BillingRefused, command: Parameters<typeof billingRefusalMessage>[1]['command'], args = {}) => {
  const m = billingRefusalMessage(e, { command, args });
  return m ? refusalTexts(m) : null;
};

describe('billing refusals as catalog messages', () => {
  it('take ids from the command and the few values only the refusal knows from its text', () => {
    expect(texts(new BillingRefused(404, 'ACCOUNT_NOT_FOUND', '服务账户 a1 不存在。'), 'ledger.adjust', { accountId: 'a1' })).toEqual({
      zh: '服务账户 a1 不存在。',
      en: 'Service account a1 does not exist.',
    });
    expect(texts(new BillingRefused(409, 'STATE_CHANGED', '账户当前状态为 suspended，与该操作后的状态不符，不能撤销。'), 'billingAction.reverse')).toEqual({
      zh: '自动处理记录：账户当前状态为“暂停”，与该操作后的状态不符，不能撤销。',
      en: 'Automatic action: the account is now “suspended”, not what the action left it in, so it cannot be reversed.',
    });
    expect(texts(new BillingRefused(409, 'NUMBER_TAKEN', '号码 4008123456 已分配给他人，不能撤销终止。'), 'billingAction.reverse')?.en).toBe(
      'Number 4008123456 has been given to someone else, so the termination cannot be reversed.',
    );
    expect(texts(new BillingRefused(409, 'DISPUTE_CLOSED', '话单异议已处理（不成立）。'), 'dispute.resolve', { id: 'd1' })?.en).toBe(
      'Decision: this dispute has already been decided (rejected).',
    );
    const late = new BillingRefused(409, 'DISPUTE_TOO_LATE', '话单日期 2026-07-31，异议须在 2026-10-31 前提出（协议第四条(一)6：三个月内）；2026-11-02 已超过期限。');
    expect(texts(late, 'dispute.raise')?.en).toBe(
      'Call record serial number: the call was on 2026-07-31, so a dispute had to be raised by 2026-10-31 (agreement article 4(1)6: within three months); today, 2026-11-02, is too late.',
    );
    expect(texts(new BillingRefused(404, 'CALL_NOT_FOUND', '话单 T1（telecom）不存在。'), 'dispute.raise', { carrier: 'telecom', carrierRecordId: 'T1' })?.en).toBe(
      'Call record serial number: call record T1 (China Telecom) does not exist.',
    );
    expect(texts(new BillingRefused(409, 'NOT_REVERSIBLE', '冲正记录本身不能再冲正；如需更正请调账。'), 'ledger.reverse')?.zh).toBe('账目：冲正记录本身不能再冲正；如需更正请调账。');
  });

  it('leave a refusal without a catalog twin (or without its value) to the server text', () => {
    expect(billingRefusalMessage(new BillingRefused(400, 'INVALID_DATE', '生效日期：“x”不是有效日期。'), { command: 'ledger.adjust', args: {} })).toBeNull();
    expect(billingRefusalMessage(new BillingRefused(409, 'STATE_CHANGED', 'reworded'), { command: 'billingAction.reverse', args: {} })).toBeNull();
  });
});
