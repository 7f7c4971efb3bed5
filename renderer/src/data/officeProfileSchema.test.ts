import { describe, expect, it } from 'vitest';
import { validateOfficeProfile, emptyOfficeProfileInput } from './officeProfileSchema';

const base = {
  ...emptyOfficeProfileInput(),
  name: '声通',
  address: '上海市',
  legalRepresentative: '李娜',
  phone: '13812345678',
  bankName: '招商银行',
  bankAccount: '6225880123456789',
  contractPrefix: 'SH01',
};

function errorsFor(patch: Partial<typeof base>) {
  const r = validateOfficeProfile({ ...base, ...patch });
  return r.ok ? {} : r.errors;
}

describe('office profile schema', () => {
  it('accepts a complete profile', () => {
    expect(validateOfficeProfile(base).ok).toBe(true);
  });

  it.each(['13812345678', '010-65881234', '021-55556666', '02155556666', '0755-2345678', '400-123-4567'])('accepts phone %s', (phone) => {
    expect(errorsFor({ phone })).toEqual({});
  });

  it.each(['12345', '010-1234567', '02112345678999', '021 5555 6666', '400-123-456', '23812345678'])('refuses phone %s', (phone) => {
    expect(errorsFor({ phone }).phone).toMatch(/联系电话/);
  });

  it.each(['HT', 'ab12', 'A1B2C3'])('accepts contract prefix %s', (contractPrefix) => {
    expect(errorsFor({ contractPrefix })).toEqual({});
  });

  it.each(['H', 'ABCDEFG', 'H-1', '合同'])('refuses contract prefix %s', (contractPrefix) => {
    expect(errorsFor({ contractPrefix }).contractPrefix).toBe('合同编号前缀应为 2–6 位大写字母或数字');
  });

  it('refuses an unknown time zone and an empty one', () => {
    expect(errorsFor({ timeZone: 'Mars/Olympus' }).timeZone).toMatch(/办公时区无效/);
    expect(errorsFor({ timeZone: '' }).timeZone).toBe('请选择办公时区');
  });

  it('names each empty field', () => {
    const r = validateOfficeProfile({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toHaveLength(8);
  });
});
