import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_SETTINGS, parseContractInput } from '../../../shared';
import { buildContractInput, withoutEmpty, type ContractSources } from './contractsInput';
import type { CustomerRow } from './rows';

const sources: ContractSources = {
  application: {
    id: 'a1',
    version: 1,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    no: 'SL20261120-ABC123',
    kind: 'new',
    status: 'approved',
    customerId: 'c1',
    numberDigits: '4008123456',
    packageId: 'p1',
    features: ['彩铃', '通话录音'],
    requirement: { usageScope: '全国', destinationNumbers: ['0371-67891234'], business: '售后', requestedOpeningDate: '', termMonths: 12, contactName: '张敏', contactPhone: '123' },
    openedOn: '2026-11-25',
    completionReceivedOn: null,
    createdBy: 'u1',
  },
  customer: {
    id: 'c1',
    name: '河南豫信商贸有限公司',
    address: '郑州',
    legalRepresentative: '李建国',
    landline: null,
    handlerMobile: '13912345678',
    uscc: '91350100M000100Y43',
    handlerName: '张敏',
    handlerIdNumber: '11010519491231002X',
    attachments: [{ kind: 'business_licence', sha256: 'x', fileName: 'l.png', mimeType: 'image/png', sizeBytes: 1 }],
    createdAt: '2026-11-19T17:00:00.000Z',
    createdBy: 'u1',
  } as unknown as CustomerRow,
  number: null,
  pkg: { name: '商务标准套餐', prepaymentFen: 600_714, monthlyMinimumFen: 30_000, tariffFenPerMinute: 15, termMonths: 12 },
  gradeMinimumFen: 50_000,
  profile: { name: '郑州启凡', address: '金水区', legalRepresentative: '王启凡', phone: '400-812-3456', bankName: 'b', bankAccount: '12345678', contractPrefix: 'ZZQF', timeZone: 'Asia/Shanghai', updatedAt: '' },
  settings: { ...DEFAULT_OFFICE_SETTINGS, overdueDaysToTermination: 60 },
  userNames: new Map([['u1', '赵丽']]),
};

describe('contract input from the records', () => {
  it('400 agreement: amounts in fen, the higher monthly minimum, registration in office dates, nothing the schema refuses', () => {
    const input = buildContractInput('agreement-400', sources) as Record<string, Record<string, unknown>>;
    expect(input.contractAmountFen).toBe(600_714);
    expect(input.monthlyMinimumFen).toBe(50_000);
    expect(input.registration).toMatchObject({ registeredOn: '2026-11-20', registeredBy: '赵丽', licenceCopyReceived: true, idCopyReceived: false });
    expect(input.application).toMatchObject({ tariff: '0.15元/分钟', term: '12个月', handledBy: '赵丽', notes: '功能：彩铃、通话录音' });
    expect(input.application).not.toHaveProperty('requestedOpenOn'); // empty date: a blank to fill by hand
    expect(input.reseller).not.toHaveProperty('contact'); // a 400 number is not a 联系方式 the contract accepts
    expect(input.customer).toMatchObject({ contact: '13912345678' });
    expect(parseContractInput('agreement-400', input).ok).toBe(true);
  });

  it('4008 contract: overdue days from the office settings; a bad phone is left blank, not refused', () => {
    const input = buildContractInput('access-4008', sources) as Record<string, Record<string, unknown>>;
    expect(input.overdueDaysToTermination).toBe(60);
    expect(input.requirement).toMatchObject({ callCentreBusiness: '售后', contactName: '张敏' });
    expect(input.requirement).not.toHaveProperty('contactPhone');
    expect(parseContractInput('access-4008', input).ok).toBe(true);
  });

  it('completion form: the actual opening date of the application', () => {
    const input = buildContractInput('completion-form', sources);
    expect(input).toMatchObject({ openedOn: '2026-11-25', customer: { name: '河南豫信商贸有限公司' } });
    expect(parseContractInput('completion-form', input).ok).toBe(true);
  });

  it('drops empty values but keeps false and 0', () => {
    expect(withoutEmpty({ a: '', b: null, c: [], d: { e: ' ' }, f: false, g: 0, h: ['', 'x'] })).toEqual({ f: false, g: 0, h: ['x'] });
  });
});
