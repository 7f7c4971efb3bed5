import { describe, expect, it } from 'vitest';
import { checkCustomerInput } from './customersValidation';
import { checkRequirement, emptyApplicationInput } from './applicationsValidation';

const CJK = /[\u4e00-\u9fff]/;
const bad = {
  name: '某公司', uscc: '91350100M000100Y4', legalRepresentative: '', address: '郑州', handlerName: '张三',
  handlerIdNumber: '11010519491231002X', handlerMobile: '1381234567', landline: '0371-67891234',
};

describe('form validation follows the UI language', () => {
  it('customer fields: English names the field, zh-CN is unchanged', () => {
    const en = checkCustomerInput(bad, 'en').errors;
    expect(en.uscc).toBe('The unified social credit code (USCC) must have 18 characters; it has 17.');
    expect(en.handlerMobile).toBe('Handler mobile: A mobile number must have 11 digits; it has 10.');
    expect(en.legalRepresentative).toBe('Legal representative is required.');
    const zh = checkCustomerInput(bad).errors;
    expect(zh.handlerMobile).toBe('经办人手机号码：手机号码应为 11 位数字，现在是 10 位。');
    expect(zh.legalRepresentative).toBe('法定代表人不能为空。');
  });

  it('USCC check character: the override hint in both languages', () => {
    const input = { ...bad, uscc: '91350100M000100Y44', handlerMobile: '13812345678', legalRepresentative: '李四' };
    expect(checkCustomerInput(input).errors.uscc).toBe(
      '统一社会信用代码校验位（第 18 位）不正确，请对照营业执照逐位核对。如核对无误，需经理填写放行原因。',
    );
    expect(checkCustomerInput(input, 'en').errors.uscc).toContain('a manager must give a reason');
  });

  it('requirement form: rows of destination numbers and required fields in English', () => {
    const input = { ...emptyApplicationInput('c'), destinationNumbers: ['13812345678', '123'] };
    const en = checkRequirement(input, true, 'en').errors;
    expect(en['destinationNumbers.1']).toBe('Entry 2: Destination number is neither a valid mobile number nor a valid landline (area code-number).');
    for (const message of Object.values(en)) expect(CJK.test(message), message).toBe(false);
    expect(checkRequirement(input, true).errors['destinationNumbers.1']).toBe(
      '第 2 个被叫电话号码既不是有效的手机号码，也不是有效的固定电话（区号-号码）。',
    );
  });
});
