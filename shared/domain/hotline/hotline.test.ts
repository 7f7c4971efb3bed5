import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHotline, parseHotline } from './parseHotline';
import { numberPatterns } from './numberPatterns';
import type { GradeRuleSpec } from './grades';
import { DEFAULT_GRADE_RULES, gradeNumber } from './grades';

describe('parseHotline', () => {
  it.each(['400-812-3456', '4008123456', '400 812 3456', ' 400-8123456 '])('accepts %s', (s) => {
    expect(parseHotline(s)).toEqual({ ok: true, digits: '4008123456', display: '400-812-3456', carrier: 'telecom' });
  });

  it.each([
    ['4000123456', 'unicom'],
    ['4006123456', 'unicom'],
    ['4001123456', 'mobile'],
    ['4007123456', 'mobile'],
    ['4008123456', 'telecom'],
    ['4009123456', 'telecom'],
  ] as const)('segment of %s is %s', (digits, carrier) => {
    const r = parseHotline(digits);
    expect(r.ok && r.carrier).toBe(carrier);
  });

  it.each([
    ['4002123456', '号段 4002'],
    ['4005123456', '号段 4005'],
    ['800-812-3456', '以 400 开头'],
    ['400812345', '10 位'],
    ['40081234567', '10 位'],
    ['400-812-345a', '只能包含数字'],
    ['', '不能为空'],
  ])('refuses %s', (s, words) => {
    const r = parseHotline(s);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(words);
  });

  it('formats', () => expect(formatHotline('4009001111')).toBe('400-900-1111'));

  it('never throws', () => fc.assert(fc.property(fc.string(), (s) => { parseHotline(s); })));
});

describe('numberPatterns', () => {
  it.each([
    ['4008128888', ['AAAA', 'AAA', 'no4']],
    ['4008120888', ['AAA', 'no4']],
    ['4008121234', ['ABCD']],
    ['4008125678', ['ABCD', 'no4']],
    ['4008129876', ['DCBA', 'no4']],
    ['4008124321', ['DCBA']],
    ['4008121122', ['AABB', 'no4']],
    ['4008121212', ['ABAB', 'no4']],
    ['4008123456', ['ABCD']],
    ['4008123457', []],
    ['4008123579', ['no4']],
    ['4008124444', ['AAAA', 'AAA']],
    ['4009998888', ['AAAA', 'AAA', 'no4']],
  ])('%s → %j', (digits, expected) => {
    expect(numberPatterns(digits)).toEqual(expected);
  });

  it('treats the leading 400 as outside no4 and accepts the display form', () => {
    expect(numberPatterns('400-812-3579')).toEqual(['no4']);
  });

  it('returns [] for something that is not a number', () => {
    expect(numberPatterns('abc')).toEqual([]);
  });

  it('AAAA implies AAA; AABB and ABAB exclude AAAA', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^\d{4}$/), (head, tail) => {
        const p = numberPatterns(`400${head.slice(3)}${head.slice(0, 3)}${tail}`.slice(0, 10));
        if (p.includes('AAAA')) expect(p).toContain('AAA');
        if (p.includes('AABB') || p.includes('ABAB')) expect(p).not.toContain('AAAA');
      }),
    );
  });
});

describe('gradeNumber', () => {
  it('takes the first matching default rule', () => {
    expect(gradeNumber('4008128888', DEFAULT_GRADE_RULES)?.name).toBe('四连号');
    expect(gradeNumber('4008121234', DEFAULT_GRADE_RULES)?.name).toBe('顺子号');
    expect(gradeNumber('4008129876', DEFAULT_GRADE_RULES)?.name).toBe('顺子号');
    expect(gradeNumber('4008121122', DEFAULT_GRADE_RULES)?.name).toBe('AABB 号');
    expect(gradeNumber('4008121212', DEFAULT_GRADE_RULES)?.name).toBe('ABAB 号');
    expect(gradeNumber('4008120888', DEFAULT_GRADE_RULES)?.name).toBe('三连号');
    expect(gradeNumber('4008123579', DEFAULT_GRADE_RULES)?.name).toBe('无四号');
    expect(gradeNumber('4008123457', DEFAULT_GRADE_RULES)?.name).toBe('普通号');
  });

  it('gives price and monthly minimum in integer fen', () => {
    const g = gradeNumber('4008128888', DEFAULT_GRADE_RULES);
    expect(g && Number.isInteger(g.priceFen) && Number.isInteger(g.minimumMonthlyFen)).toBe(true);
  });

  it('follows the office order, all vs any, and returns null when nothing matches', () => {
    const rules: GradeRuleSpec[] = [
      { name: '豪华', patterns: ['AAAA', 'no4'], match: 'all', priceFen: 1, minimumMonthlyFen: 0, requiredPackageId: 'p1' },
      { name: '靓', patterns: ['AAA', 'ABAB'], match: 'any', priceFen: 2, minimumMonthlyFen: 0, requiredPackageId: null },
    ];
    expect(gradeNumber('4009998888', rules)?.name).toBe('豪华');
    expect(gradeNumber('4008124444', rules)?.name).toBe('靓'); // AAAA but has a 4
    expect(gradeNumber('4008123457', rules)).toBeNull();
    const withInactive = [{ ...rules[0]!, active: false }, { ...rules[0]!, name: '备用', active: true }];
    expect(gradeNumber('4009998888', withInactive)?.name).toBe('备用');
  });
});
