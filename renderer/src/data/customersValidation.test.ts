import { describe, expect, it } from 'vitest';
import { checkCustomerInput, type CustomerInput } from './customersValidation';
import { companyNameTokens, normaliseName } from './customersSearch';

const GOOD: CustomerInput = {
  name: '  郑州星辰通信科技有限公司 ',
  uscc: ' 91350100m000100y43 ',
  legalRepresentative: '王建国',
  address: '河南省郑州市金水区花园路 1 号',
  handlerName: '李娜',
  handlerIdNumber: '11010519491231002x',
  handlerMobile: '+86 138-0013-8000',
  landline: '037165123456',
  email: '',
};

describe('checkCustomerInput', () => {
  it('normalises what it accepts: trimmed, upper-case codes, bare mobile digits, 区号-号码, empty e-mail as null', () => {
    const r = checkCustomerInput(GOOD);
    expect(r.errors).toEqual({});
    expect(r.values).toMatchObject({
      name: '郑州星辰通信科技有限公司',
      uscc: '91350100M000100Y43',
      handlerIdNumber: '11010519491231002X',
      handlerMobile: '13800138000',
      landline: '0371-65123456',
      email: null,
    });
  });

  it('keeps the values usable when the only problem is the USCC check character', () => {
    const r = checkCustomerInput({ ...GOOD, uscc: '91350100M000100Y44' });
    expect(r.usccChecksumFailed).toBe(true);
    expect(r.values?.uscc).toBe('91350100M000100Y44');
    expect(r.errors.uscc).toContain('需经理填写放行原因');
  });

  it('blocks a checksum failure together with any other error', () => {
    const r = checkCustomerInput({ ...GOOD, uscc: '91350100M000100Y44', handlerMobile: '1380013800' });
    expect(r.values).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(['handlerMobile', 'uscc']);
  });

  it('requires the legal representative (400 agreement 第二条) and names every missing field', () => {
    const r = checkCustomerInput({});
    expect(r.values).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(
      ['address', 'handlerIdNumber', 'handlerMobile', 'handlerName', 'landline', 'legalRepresentative', 'name', 'uscc'].sort(),
    );
    expect(r.errors.legalRepresentative).toBe('法定代表人不能为空。');
  });

  it('refuses a legacy 15-digit ID and an ID born in the future', () => {
    expect(checkCustomerInput({ ...GOOD, handlerIdNumber: '410502900307123' }).errors.handlerIdNumber).toMatch(/15/);
    expect(checkCustomerInput({ ...GOOD, handlerIdNumber: '410502209903071238' }).errors.handlerIdNumber).toBeDefined();
  });
});

describe('company name tokens', () => {
  it('index the bigrams of the normalised name without the ones every company has', () => {
    expect(normaliseName('ABC 科技（郑州）有限公司')).toBe('abc科技郑州有限公司');
    const tokens = companyNameTokens('郑州星辰通信科技有限公司');
    expect(tokens).toContain('星辰');
    expect(tokens).not.toContain('有限');
    expect(tokens).not.toContain('公司');
  });
});
