import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProvisionalContractNumber, nextContractNumber, parseContractNumber, provisionalContractNumber } from './number';

describe('contract numbers', () => {
  it('formats prefix, year and a six-digit sequence', () => {
    expect(nextContractNumber('ZZQF', 2026, 123)).toBe('ZZQF-2026-000123');
    expect(nextContractNumber('ZZQF', 2026, 1)).toBe('ZZQF-2026-000001');
    expect(nextContractNumber('ZZQF', 2026, 999999)).toBe('ZZQF-2026-999999');
  });

  it('refuses a bad prefix, year or sequence', () => {
    expect(() => nextContractNumber('zz', 2026, 1)).toThrow(RangeError);
    expect(() => nextContractNumber('Z', 2026, 1)).toThrow(RangeError);
    expect(() => nextContractNumber('ZZQF', 26, 1)).toThrow(RangeError);
    expect(() => nextContractNumber('ZZQF', 2026, 0)).toThrow(RangeError);
    expect(() => nextContractNumber('ZZQF', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => nextContractNumber('ZZQF', 2026, 1.5)).toThrow(RangeError);
  });

  it('parses final and provisional numbers back', () => {
    expect(parseContractNumber('ZZQF-2026-000123')).toEqual({ ok: true, provisional: false, prefix: 'ZZQF', year: 2026, sequence: 123 });
    const p = provisionalContractNumber('ZZQF', 2026, '7K2Q', 3);
    expect(p).toBe('ZZQF-2026-P7K2Q-0003');
    expect(parseContractNumber(p)).toEqual({ ok: true, provisional: true, prefix: 'ZZQF', year: 2026, deviceTag: '7K2Q', sequence: 3 });
    expect(isProvisionalContractNumber(p)).toBe(true);
    expect(isProvisionalContractNumber('ZZQF-2026-000123')).toBe(false);
  });

  it('refuses what is not a contract number, saying how it should look', () => {
    const r = parseContractNumber('2026-123');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('ZZQF-2026-000123');
  });

  it('round-trips every valid final and provisional number, and the two shapes never collide', () => {
    const prefix = fc.stringMatching(/^[A-Z][A-Z0-9]{1,7}$/);
    const year = fc.integer({ min: 2000, max: 9999 });
    fc.assert(
      fc.property(prefix, year, fc.integer({ min: 1, max: 999_999 }), (pre, y, seq) => {
        const n = nextContractNumber(pre, y, seq);
        expect(parseContractNumber(n)).toEqual({ ok: true, provisional: false, prefix: pre, year: y, sequence: seq });
      }),
    );
    fc.assert(
      fc.property(prefix, year, fc.stringMatching(/^[0-9A-Z]{2,8}$/), fc.integer({ min: 1, max: 9999 }), (pre, y, tag, seq) => {
        const n = provisionalContractNumber(pre, y, tag, seq);
        const parsed = parseContractNumber(n);
        expect(parsed).toEqual({ ok: true, provisional: true, prefix: pre, year: y, deviceTag: tag, sequence: seq });
      }),
    );
  });
});
