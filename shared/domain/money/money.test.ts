import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rmbUppercase, RMB_UPPERCASE_LIMIT_FEN } from './rmbUppercase';
import { parseRmbUppercase } from './parseRmbUppercase';
import { formatFen, formatYuan } from './formatFen';
import { parseYuanToFen } from './parseYuanToFen';

describe('rmbUppercase (PBoC rules)', () => {
  it.each([
    [600714, '陆仟零柒元壹角肆分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [10000000, '壹拾万元整'],
    [1000, '壹拾元整'],
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [14, '壹角肆分'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [10005, '壹佰元零伍分'],
    [140905, '壹仟肆佰零玖元零伍分'], // 角 zero, 分 not: 零 after 元
    [140950, '壹仟肆佰零玖元伍角'], // PBoC example ¥1409.50
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [100100, '壹仟零壹元整'],
    [1000100, '壹万零壹元整'],
    [100000000, '壹佰万元整'],
    [1010000000, '壹仟零壹拾万元整'],
    [10000000100, '壹亿零壹元整'],
    [10000000000, '壹亿元整'],
    [1000000000000, '壹佰亿元整'],
    [10010000000, '壹亿零壹拾万元整'],
    [1500, '壹拾伍元整'],
    [11000000, '壹拾壹万元整'],
    [99999999999999, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%i fen → %s', (fen, text) => {
    expect(rmbUppercase(fen)).toBe(text);
  });

  it('throws RangeError outside 0 ≤ fen < one trillion yuan or for non-integers', () => {
    expect(() => rmbUppercase(-1)).toThrow(RangeError);
    expect(() => rmbUppercase(RMB_UPPERCASE_LIMIT_FEN)).toThrow(RangeError);
    expect(() => rmbUppercase(1.5)).toThrow(RangeError);
    expect(() => rmbUppercase(Number.NaN)).toThrow(RangeError);
  });

  it('never writes 零零, never starts with 零 (except 零元整), and 整 only right after 元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: RMB_UPPERCASE_LIMIT_FEN - 1 }), (fen) => {
        const s = rmbUppercase(fen);
        expect(s).not.toContain('零零');
        expect(s.startsWith('零')).toBe(false);
        if (s.includes('整')) expect(s.endsWith('元整')).toBe(true);
        expect(s.endsWith('整') || s.endsWith('角') || s.endsWith('分')).toBe(true);
      }),
    );
  });

  it('round-trips through its parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: RMB_UPPERCASE_LIMIT_FEN - 1 }), (fen) => {
        expect(parseRmbUppercase(rmbUppercase(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
    // Amounts with many zeros are where the 零 rules bite: sample them on purpose.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 14 }), (ds) => {
        const fen = Number(ds.join(''));
        expect(parseRmbUppercase(rmbUppercase(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('parser reads the prefix and variants, and refuses garbage', () => {
    expect(parseRmbUppercase('人民币陆仟零柒元壹角肆分')).toBe(600714);
    expect(parseRmbUppercase('壹拾万元正')).toBe(10000000);
    expect(parseRmbUppercase('拾万元整')).toBeNull();
    expect(parseRmbUppercase('abc')).toBeNull();
    expect(parseRmbUppercase('')).toBeNull();
  });
});

describe('formatFen', () => {
  it.each([
    [600714, '6,007.14'],
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [10700053, '107,000.53'],
    [123456789012, '1,234,567,890.12'],
    [-600714, '-6,007.14'],
  ])('%i → %s', (fen, text) => expect(formatFen(fen)).toBe(text));

  it('formatYuan adds the sign', () => {
    expect(formatYuan(600714)).toBe('¥6,007.14');
    expect(formatYuan(-5)).toBe('-¥0.05');
  });

  it('throws RangeError for non-integers', () => expect(() => formatFen(0.5)).toThrow(RangeError));
});

describe('parseYuanToFen', () => {
  it.each([
    ['6007.14', 600714],
    ['6,007.14', 600714],
    ['¥6,007.1', 600710],
    ['￥ 100', 10000],
    ['0.29', 29],
    ['0.1', 10],
    ['.5', null],
    ['12.', 1200],
    ['007', 700],
    [' 1000000 ', 100000000],
  ])('%s → %s', (s, fen) => {
    const r = parseYuanToFen(s);
    if (fen === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, fen });
  });

  it.each([
    ['1.234', '两位小数'],
    ['-1', '负数'],
    ['', '不能为空'],
    ['1,23', '不是有效的金额'],
    ['1e3', '不是有效的金额'],
    ['99999999999999999999', '过大'],
  ])('refuses %s', (s, words) => {
    const r = parseYuanToFen(s, '收款金额');
    expect(r.ok ? '' : r.reason).toContain(words);
  });

  it('names the field', () => {
    const r = parseYuanToFen('', '合同金额');
    expect(r.ok ? '' : r.reason).toBe('合同金额不能为空。');
  });

  it('never throws, only yields integers, and inverts formatFen', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseYuanToFen(s);
        if (r.ok) expect(Number.isSafeInteger(r.fen)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toEqual({ ok: true, fen });
      }),
    );
  });
});
