import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customerDraftSchema, customerSchema, contactDraftSchema } from './customer';
import { gradeRuleDraftSchema, hotlineNumberDraftSchema, hotlineNumberSchema } from './hotlineNumber';
import { servicePackageDraftSchema } from './servicePackage';
import { serviceApplicationDraftSchema } from './serviceApplication';
import { serviceAccountDraftSchema } from './serviceAccount';
import { contractDraftSchema } from './contract';
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS, paymentDraftSchema } from './payment';
import { callRecordDraftSchema } from './callRecord';
import { userDraftSchema, userSchema } from './user';
import { DEFAULT_OFFICE_SETTINGS, officeSettingsSchema, resolveOfficeSettings } from '../settings/officeSettings';

const ID = '6f1c2b1e-8c43-4d7e-9a51-1f2d3c4b5a69';
const ID2 = '0b6c7a9e-2f1d-4c3b-8a7e-5d4c3b2a1f0e';
const NOW = '2026-11-22T01:02:03.000Z';
const entity = { id: ID, officeId: 'office-zz', createdAt: NOW, updatedAt: NOW };

function messages(result: { success: boolean; error?: z.ZodError }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join('.')] = issue.message;
  return out;
}

const goodCustomer = {
  name: '郑州某某科技有限公司',
  uscc: ' 91350100m000100y43 ',
  address: '郑州市金水区某路 1 号',
  landline: '0371 67891234',
  handlerName: '张三',
  handlerIdNumber: '11010519491231002x',
  handlerMobile: '+86 138-0013-8000',
};

describe('customer', () => {
  it('accepts real-name data and normalises it', () => {
    const c = customerDraftSchema.parse(goodCustomer);
    expect(c.uscc).toBe('91350100M000100Y43');
    expect(c.handlerIdNumber).toBe('11010519491231002X');
    expect(c.handlerMobile).toBe('13800138000');
    expect(c.landline).toBe('0371-67891234');
    expect(c.realNameStatus).toBe('pending');
    expect(c.attachments).toEqual([]);
    expect(customerSchema.parse({ ...entity, ...goodCustomer }).id).toBe(ID);
  });

  it('names the field in zh-CN messages', () => {
    const m = messages(customerDraftSchema.safeParse({ ...goodCustomer, name: ' ', handlerMobile: '12800138000', landline: '010-1234567', handlerIdNumber: '110105491231002' }));
    expect(m.name).toBe('企业名称不能为空。');
    expect(m.handlerMobile).toMatch(/^经办人手机号码：/);
    expect(m.landline).toMatch(/^企业固定电话：/);
    expect(m.handlerIdNumber).toContain('15 位');
  });

  it('a USCC checksum failure needs an override reason; a malformed one cannot be overridden', () => {
    const bad = { ...goodCustomer, uscc: '91350100M000100Y44' };
    expect(messages(customerDraftSchema.safeParse(bad)).uscc).toContain('放行原因');
    expect(customerDraftSchema.safeParse({ ...bad, usccOverrideReason: '试点期代码，已电话核实' }).success).toBe(true);
    const malformed = customerDraftSchema.safeParse({ ...goodCustomer, uscc: '123', usccOverrideReason: 'x' });
    expect(messages(malformed).uscc).toContain('18 位');
  });

  it('requires the entity fields on a stored customer', () => {
    const m = messages(customerSchema.safeParse({ ...goodCustomer, id: 'x', officeId: '', createdAt: '2026-11-22 09:00', updatedAt: NOW }));
    expect(m.id).toContain('UUID');
    expect(m.officeId).toContain('营业厅');
    expect(m.createdAt).toContain('UTC');
  });

  it('a contact needs a phone', () => {
    expect(messages(contactDraftSchema.safeParse({ customerId: ID, name: '李四', isPrimary: true })).mobile).toContain('至少');
    expect(contactDraftSchema.parse({ customerId: ID, name: '李四', isPrimary: true, landline: '01062345678' }).landline).toBe('010-62345678');
  });
});

describe('hotline number and grade rule', () => {
  const number = { digits: '400-812-3456', carrier: 'telecom', state: 'available', stateSince: '2026-11-22', priceFen: 0, minimumMonthlyFen: 0 };
  it('stores digits and checks the carrier against the segment', () => {
    expect(hotlineNumberDraftSchema.parse(number).digits).toBe('4008123456');
    expect(messages(hotlineNumberDraftSchema.safeParse({ ...number, carrier: 'mobile' })).carrier).toContain('中国电信');
    expect(messages(hotlineNumberDraftSchema.safeParse({ ...number, digits: '4003123456' })).digits).toContain('号段');
    expect(messages(hotlineNumberDraftSchema.safeParse({ ...number, priceFen: 1.5 })).priceFen).toContain('整数');
    expect(hotlineNumberSchema.safeParse({ ...entity, ...number }).success).toBe(true);
  });
  it('grade rules hold patterns from the vocabulary', () => {
    const rule = { name: '四连号', patterns: ['AAAA'], match: 'all', priceFen: 800_000, minimumMonthlyFen: 50_000, sortOrder: 1 };
    expect(gradeRuleDraftSchema.parse(rule).active).toBe(true);
    expect(gradeRuleDraftSchema.safeParse({ ...rule, patterns: ['AAAAA'] }).success).toBe(false);
  });
});

describe('package, application, account, contract', () => {
  it('package with feature fees in fen', () => {
    const p = servicePackageDraftSchema.parse({
      name: '标准套餐', prepaymentFen: 360_000, monthlyMinimumFen: 30_000, tariffFenPerMinute: 25, termMonths: 12,
      featureFees: [{ name: '彩铃', monthlyFen: 2_000 }],
    });
    expect(p.featureFees).toHaveLength(1);
    expect(messages(servicePackageDraftSchema.safeParse({ name: 'x', prepaymentFen: -1, monthlyMinimumFen: 0, tariffFenPerMinute: 0.25, termMonths: 0 }))).toMatchObject({
      prepaymentFen: '预存金额不能为负数。',
      tariffFenPerMinute: '每分钟资费必须是以分为单位的整数。',
      termMonths: '期限（月）至少为 1 个月。',
    });
  });

  it('application carries the requirement form of 4008 contract 3.1.5', () => {
    const requirement = {
      usageScope: '售后服务热线', destinationNumbers: ['0371-67891234', '+86 138 0013 8000'], callCentreLocation: '郑州',
      business: '客户咨询', technicalRequirements: '', requestedOpeningDate: '2026-12-01', termMonths: 12,
      contactName: '张三', contactPhone: '13800138000',
    };
    const a = serviceApplicationDraftSchema.parse({ customerId: ID, packageId: ID2, requirement });
    expect(a.status).toBe('draft');
    expect(a.requirement.destinationNumbers).toEqual(['0371-67891234', '13800138000']);
    const m = messages(serviceApplicationDraftSchema.safeParse({ customerId: ID, packageId: ID2, requirement: { ...requirement, destinationNumbers: [], requestedOpeningDate: '2026-02-30' } }));
    expect(m['requirement.destinationNumbers']).toContain('至少');
    expect(m['requirement.requestedOpeningDate']).toContain('要求开通时间');
    const bad = messages(serviceApplicationDraftSchema.safeParse({ customerId: ID, packageId: ID2, requirement: { ...requirement, destinationNumbers: ['12345'] } }));
    expect(bad['requirement.destinationNumbers.0']).toContain('被叫电话号码');
  });

  it('service account and contract', () => {
    const acc = serviceAccountDraftSchema.parse({ customerId: ID, numberId: ID2, packageId: ID2, stateSince: '2026-11-22', contractAmountFen: 360_000, monthlyMinimumFen: 30_000 });
    expect(acc.state).toBe('applied');
    expect(acc.balanceFen).toBe(0);
    expect(serviceAccountDraftSchema.safeParse({ ...acc, balanceFen: -500 }).success).toBe(true);
    const c = contractDraftSchema.parse({ kind: 'user_agreement_400', contractNo: 'QF-2026-001', customerId: ID, hotlineDigits: '400 812 3456', amountFen: 360_000, monthlyMinimumFen: 30_000 });
    expect(c.hotlineDigits).toBe('4008123456');
    expect(c.status).toBe('draft');
  });
});

describe('payment, call record, user, settings', () => {
  it('payment: the four methods of 4008 contract 5.1, positive integer fen', () => {
    expect(PAYMENT_METHODS.map((m) => PAYMENT_METHOD_LABELS[m])).toEqual(['银行转账', '银行托收', '现金支付', '电话托收']);
    const p = { customerId: ID, amountFen: 100_000, method: 'cash', kind: 'prepayment', receivedOn: '2026-11-22', recordedBy: ID2 };
    expect(paymentDraftSchema.safeParse(p).success).toBe(true);
    const m = messages(paymentDraftSchema.safeParse({ ...p, amountFen: 0, method: 'alipay' }));
    expect(m.amountFen).toContain('大于零');
    expect(m.method).toContain('银行转账');
  });

  it('call record per DESIGN.md §5', () => {
    const r = {
      carrierRecordId: 'CT-1', hotlineDigits: '4008123456', caller: '13800138000', forwardedTo: '037167891234',
      startAt: '2026-11-22T01:00:00Z', answerAt: '2026-11-22T01:00:05Z', endAt: '2026-11-22T01:01:07Z',
      durationSeconds: 62, callerProvince: '河南', callerCity: '郑州', feeFen: 50,
    };
    expect(callRecordDraftSchema.safeParse(r).success).toBe(true);
    expect(messages(callRecordDraftSchema.safeParse({ ...r, endAt: '2026-11-22T00:59:00Z' })).endAt).toContain('早于');
  });

  it('user roles', () => {
    expect(userDraftSchema.parse({ username: 'zhang.san', displayName: '张三', role: 'field_agent' }).active).toBe(true);
    expect(messages(userDraftSchema.safeParse({ username: 'z', displayName: '张三', role: 'boss' })).role).toContain('经理');
    expect(userSchema.safeParse({ ...entity, username: 'zhang', displayName: '张三', role: 'admin' }).success).toBe(true);
  });

  it('office settings default to the contracts', () => {
    expect(officeSettingsSchema.parse(DEFAULT_OFFICE_SETTINGS)).toEqual(DEFAULT_OFFICE_SETTINGS);
    expect(DEFAULT_OFFICE_SETTINGS).toMatchObject({ reservationDays: 15, suspensionToTerminationDays: 30, timeZone: 'Asia/Shanghai' });
    expect(resolveOfficeSettings({ coolingDays: 180 }).coolingDays).toBe(180);
    expect(resolveOfficeSettings(undefined).reservationDays).toBe(15);
    expect(messages(officeSettingsSchema.safeParse({ ...DEFAULT_OFFICE_SETTINGS, coolingDays: -1 })).coolingDays).toContain('号码冷冻期天数');
  });

  it('schemas convert to JSON Schema (the server documents its API with them)', () => {
    expect(() => z.toJSONSchema(customerSchema, { io: 'input' })).not.toThrow();
    expect(() => z.toJSONSchema(paymentDraftSchema, { io: 'input' })).not.toThrow();
    expect(() => z.toJSONSchema(serviceApplicationDraftSchema, { io: 'input' })).not.toThrow();
  });
});
