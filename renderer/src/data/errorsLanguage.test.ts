import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, setDatabase } from './db';
import { setClock } from './clock';
import { createCustomer, updateCustomer } from './customers';
import { verifyCustomer } from './customersVerify';
import { addAttachment } from './attachments';
import { addRange, reserveNumber } from './numbers';
import { saveGradeRules } from './gradeRules';
import { createUser } from './users';
import { getAccount, resumeAccount, suspendAccount, terminateAccount } from './accounts';
import { seedActiveAccount } from './accountTestSeed';
import { NotFoundError, PermissionError, ValidationError, localizeError, localizedFields } from './errors';
import { ensureDefaultUsers } from './session';
import { actAs, rejection } from './testSupport';
import { SEED_CUSTOMER } from './accountTestSeed';
import type { CustomerInput } from './customersValidation';

/**
 * The repositories' refusals are catalog messages: zh-CN exactly as before in `message`/`fields`,
 * English (naming the field) through localizeError/localizedFields.
 */

const CJK = /[\u4e00-\u9fff]/;
/** Chinese left in an English message may only be data quoted in it (a name, a file name). */
const withoutQuoted = (s: string) => s.replace(/“[^”]*”|「[^」]*」/g, '');

const GOOD: CustomerInput = SEED_CUSTOMER;

let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`errors-language-test-${++n}`));
  setClock('2026-11-22T02:00:00.000Z');
  await ensureDefaultUsers();
});

describe('refusals in the UI language', () => {
  it('a permission refusal names the user, role and action', async () => {
    await actAs('field_agent');
    const e = await rejection(saveGradeRules([]));
    expect(e).toBeInstanceOf(PermissionError);
    expect((e as Error).message).toBe('当前用户「外勤」（外勤）无权编辑靓号等级。');
    expect(localizeError(e, 'en')).toBe('The current user “外勤” (field agent) may not edit number grades.');
    expect(localizeError(e, 'zh-CN')).toBe('当前用户「外勤」（外勤）无权编辑靓号等级。');
  });

  it('customer form: duplicate USCC and invalid fields name the field in English', async () => {
    await createCustomer(GOOD);
    const dup = await rejection(createCustomer({ ...GOOD, name: '另一家公司' }));
    expect(dup).toBeInstanceOf(ValidationError);
    expect((dup as ValidationError).fields.uscc).toBe('统一社会信用代码已登记为客户「郑州星辰通信科技有限公司」，请勿重复登记。');
    expect(localizedFields(dup, 'en').uscc).toBe(
      'This unified social credit code (USCC) is already registered for customer “郑州星辰通信科技有限公司”; do not register it twice.',
    );
    const bad = await rejection(createCustomer({ ...GOOD, uscc: '9135', handlerMobile: '123', legalRepresentative: '' }));
    const en = localizedFields(bad, 'en');
    expect(en.uscc).toBe('The unified social credit code (USCC) must have 18 characters; it has 4.');
    expect(en.handlerMobile).toMatch(/^Handler mobile: /);
    expect(en.legalRepresentative).toBe('Legal representative is required.');
    expect((bad as ValidationError).fields.legalRepresentative).toBe('法定代表人不能为空。');
  });

  it('a stale edit, a missing record, scans and verification', async () => {
    const c = await createCustomer(GOOD);
    await updateCustomer(c.id, { ...GOOD, address: '新地址 2 号' }, { baseVersion: c.version });
    const stale = await rejection(updateCustomer(c.id, { ...GOOD, address: '新地址 3 号' }, { baseVersion: c.version }));
    expect(localizeError(stale, 'en')).toBe('Someone else has just changed this customer; open it again and then make your change.');
    const gone = await rejection(verifyCustomer('no-such-id', 'verified'));
    // Dexie wraps a NotFoundError thrown in its transaction; the message is still found.
    expect((gone as { inner?: unknown }).inner ?? gone).toBeInstanceOf(NotFoundError);
    expect(localizeError(gone, 'en')).toBe('The customer does not exist or has been deleted.');
    const noScans = await rejection(verifyCustomer(c.id, 'verified'));
    expect((noScans as ValidationError).fields.attachments).toBe('实名核验：请先上传营业执照和经办人身份证人像面的扫描件。');
    expect(localizedFields(noScans, 'en').attachments).toBe(
      "Real-name verification: first upload the scan of the business licence and the handler's ID card (photo side).",
    );
    const notScan = await rejection(
      addAttachment({ customerId: c.id, kind: 'business_licence', fileName: '执照.txt', mime: 'text/plain', bytes: new Uint8Array([1, 2, 3]) }),
    );
    expect(localizedFields(notScan, 'en').file).toBe(
      'Attachment (business licence copy): only JPEG, PNG or PDF files are accepted; “执照.txt” is none of them.',
    );
  });

  it('numbers: a bad range names first/last number; a bad hold names the days', async () => {
    await actAs('manager');
    const e = await rejection(addRange('4008123456', '40081234'));
    expect(localizedFields(e, 'en')).toEqual({ to: 'Last number: A 400 number must have 10 digits; it has 8.' });
    expect((e as ValidationError).fields.to).toBe('结束号码：400 号码应为 10 位数字，现在是 8 位。');
    const hold = await rejection(reserveNumber('4008123456', 'nobody', 0));
    expect(localizedFields(hold, 'en')).toEqual({ days: 'Days to reserve: a whole number from 1 to 365.' });
  });

  it('users: zod messages of the form are found again as catalog messages', async () => {
    await actAs('admin');
    const e = await rejection(createUser({ name: ' ', role: 'clerk' }));
    expect((e as ValidationError).fields.name).toBe('姓名：必填。');
    expect(localizedFields(e, 'en').name).toBe('Name: required.');
  });

  it('state machines: a step from the wrong state and a guard name the account, state and step', async () => {
    const { accountId } = await seedActiveAccount();
    const no = (await getAccount(accountId))!.no;
    const wrong = await rejection(resumeAccount(accountId, '已缴清'));
    expect((wrong as ValidationError).fields.status).toBe(`账户 ${no}：当前状态为“在用”，不能恢复；只有“暂停”状态才可以恢复。`);
    expect(localizedFields(wrong, 'en').status).toBe(
      `Account ${no}: The state is “active”, so you cannot resume it; you can resume it only from “suspended”.`,
    );
    await suspendAccount(accountId, '欠费未缴');
    const early = await rejection(terminateAccount(accountId, 'unpaid_after_suspension', '仍未缴费'));
    expect(localizeError(early, 'en')).toBe(
      `Account ${no}: Suspended for less than 30 days; it can be terminated from 2026-12-22 if still unpaid (agreement article 5).`,
    );
  });

  it('no Chinese is left in the English messages above but quoted data', async () => {
    await actAs('manager');
    const errors = [
      await rejection(addRange('4009000000', '4008000000')),
      await rejection(saveGradeRules([])),
      await rejection(createCustomer({ ...GOOD, uscc: '' })),
    ];
    for (const e of errors) expect(CJK.test(withoutQuoted(localizeError(e, 'en'))), localizeError(e, 'en')).toBe(false);
  });
});
