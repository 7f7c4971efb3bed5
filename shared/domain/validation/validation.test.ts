import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { usccCheckCharacter, validateUscc, validateUsccStructure } from './uscc';
import { residentIdCheckCharacter, validateResidentId } from './residentId';
import { normalizeMobile, validateMobile } from './mobile';
import { normalizeLandline, parseLandline, validateLandline } from './landline';

const reasonOf = (c: { ok: boolean; reason?: string }) => (c.ok ? '' : (c.reason ?? ''));

describe('validateUscc (GB 32100-2015)', () => {
  it.each([
    '91350100M000100Y43', // the standard's example
    '914403001922038216', // a registered company
    '121000004000007168',
    '91310000MA1FL1MX29',
  ])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });

  it('ignores surrounding spaces and accepts lower case', () => {
    expect(validateUscc('  91350100m000100y43 ')).toEqual({ ok: true });
  });

  it('refuses a wrong check character and says which', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('校验位');
    // The shape is fine: a manager may override a checksum failure.
    expect(validateUsccStructure('91350100M000100Y44')).toEqual({ ok: true });
  });

  it('refuses wrong length, empty and letters outside the charset', () => {
    expect(reasonOf(validateUscc('91350100M000100Y4'))).toContain('18 位');
    expect(reasonOf(validateUscc(''))).toContain('不能为空');
    const withI = validateUscc('91350100I000100Y43');
    expect(reasonOf(withI)).toContain('第 9 位');
    expect(reasonOf(validateUscc('91350100O000100Y43'))).toContain('“O”');
  });

  it('computes the check character', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('short')).toBeNull();
  });

  it('never throws on any string and accepts every code with a computed check character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { validateUscc(s); validateUsccStructure(s); }));
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...charset), { minLength: 17, maxLength: 17 }), (chars) => {
        const first = chars.join('');
        expect(validateUscc(first + usccCheckCharacter(first)).ok).toBe(true);
      }),
    );
  });
});

describe('validateResidentId (GB 11643-1999)', () => {
  const today = '2026-11-22';
  it.each(['11010519491231002X', '11010519491231002x', '440304200002291236', '110101198001010010', '320106202511220018'])(
    'accepts %s',
    (id) => expect(validateResidentId(id, today)).toEqual({ ok: true }),
  );

  it('refuses a 15-digit legacy number saying so', () => {
    const r = validateResidentId('110105491231002', today);
    expect(reasonOf(r)).toContain('15 位');
    expect(reasonOf(r)).toContain('旧版');
  });

  it('refuses a wrong check character', () => {
    expect(reasonOf(validateResidentId('110105194912310021', today))).toContain('校验位');
  });

  it('refuses an impossible birth date even with a matching check character', () => {
    const first = '44030420010229123'; // 2001-02-29 does not exist
    const id = first + residentIdCheckCharacter(first);
    expect(reasonOf(validateResidentId(id, today))).toContain('出生日期');
  });

  it('refuses a birth year before 1900', () => {
    const first = '11010518991231002';
    expect(reasonOf(validateResidentId(first + residentIdCheckCharacter(first), today))).toContain('早于 1900 年');
  });

  it('refuses a birth date after today', () => {
    const first = '32010620261123001';
    const id = first + residentIdCheckCharacter(first);
    expect(reasonOf(validateResidentId(id, today))).toContain('晚于今天');
    expect(validateResidentId(id, '2026-11-23')).toEqual({ ok: true });
  });

  it('refuses wrong length and letters', () => {
    expect(reasonOf(validateResidentId('1101051949123100', today))).toContain('18 位');
    expect(reasonOf(validateResidentId('11010519491231002Y', today))).toContain('X');
    expect(reasonOf(validateResidentId('', today))).toContain('不能为空');
  });

  it('throws only for a malformed today', () => {
    expect(() => validateResidentId('11010519491231002X', '2026-13-01')).toThrow(RangeError);
  });

  it('defaults today to the current date', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ ok: true });
  });

  it('never throws on any string; accepts every real date with its check character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { validateResidentId(s, today); }));
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-8]\d{5}$/),
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-22T00:00:00Z'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
        (area, birth, seq) => {
          const first = `${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
          expect(validateResidentId(first + residentIdCheckCharacter(first), today)).toEqual({ ok: true });
        },
      ),
    );
  });
});

describe('validateMobile', () => {
  it.each(['13800138000', '19912345678', '+8613800138000', '+86 138 0013 8000', '138-0013-8000', ' 138 0013 8000 '])(
    'accepts %s',
    (s) => expect(validateMobile(s)).toEqual({ ok: true }),
  );
  it.each([
    ['12800138000', '13–19'],
    ['1380013800', '11 位'],
    ['138001380000', '11 位'],
    ['138--0013-8000', '数字'],
    ['138 0013 800a', '数字'],
    ['', '不能为空'],
    ['+8612800138000', '13–19'],
  ])('refuses %s', (s, words) => expect(reasonOf(validateMobile(s))).toContain(words));

  it('normalizes to 11 digits', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('12800138000')).toBeNull();
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { validateMobile(s); normalizeMobile(s); }));
  });
});

describe('validateLandline', () => {
  it.each(['010-62345678', '01062345678', '010 62345678', '021-55556666', '0371-67891234', '0371-6789123', '037167891234', '0898-2345678'])(
    'accepts %s',
    (s) => expect(validateLandline(s)).toEqual({ ok: true }),
  );
  it.each([
    ['010-6234567', '8 位'], // 010 takes 8 digits
    ['021-5555666', '8 位'],
    ['0371-678912', '7 或 8 位'],
    ['0371-067891234', '0 或 1'],
    ['0371-17891234', '0 或 1'],
    ['0271-6789123', '区号'], // 027 is a 3-digit code, so 0271 is no area code
    ['0171-67891234', '区号'],
    ['67891234', '区号'],
    ['', '不能为空'],
  ])('refuses %s', (s, words) => expect(reasonOf(validateLandline(s))).toContain(words));

  it('splits and normalizes', () => {
    expect(parseLandline('037167891234')).toEqual({ areaCode: '0371', subscriber: '67891234' });
    expect(normalizeLandline('010 62345678')).toBe('010-62345678');
    expect(normalizeLandline('010 6234567')).toBeNull();
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { validateLandline(s); parseLandline(s); }));
  });
});
