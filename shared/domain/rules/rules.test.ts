import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { billableMinutes, callFee, firstMonthMinimumFen, monthlyCharge, mulDivHalfUp } from './billing';
import { lateFee } from './lateFee';
import { checkRenewal } from './renewal';
import { deemedAcceptanceDate, disputeDeadline } from './deadlines';
import { CalendarDataMissingError } from '../calendar/calendarYear';

const isInt = (n: number) => Number.isSafeInteger(n);

describe('billableMinutes (per started minute)', () => {
  it.each([[0, 0], [1, 1], [54, 1], [60, 1], [61, 2], [62, 2], [120, 2], [3600, 60], [0.5, 1]])('%s s → %i', (s, m) => {
    expect(billableMinutes(s)).toBe(m);
  });
  it('throws RangeError for negative or non-finite seconds', () => {
    expect(() => billableMinutes(-1)).toThrow(RangeError);
    expect(() => billableMinutes(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => billableMinutes(Number.NaN)).toThrow(RangeError);
  });
  it('always an integer, never less than seconds/60', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (s) => {
      const m = billableMinutes(s);
      expect(isInt(m)).toBe(true);
      expect(m * 60).toBeGreaterThanOrEqual(s);
      expect((m - 1) * 60).toBeLessThan(s === 0 ? 1 : s);
    }));
  });
  it('callFee multiplies minutes by the tariff', () => {
    expect(callFee(62, 25)).toBe(50);
    expect(() => callFee(62, 0.25)).toThrow(RangeError);
  });
});

describe('monthlyCharge (400 agreement 第四条(二)9)', () => {
  it('charges the minimum when usage is below it, usage otherwise', () => {
    expect(monthlyCharge(5_000, 10_000)).toBe(10_000);
    expect(monthlyCharge(15_000, 10_000)).toBe(15_000);
    expect(monthlyCharge(10_000, 10_000)).toBe(10_000);
    expect(monthlyCharge(0, 0)).toBe(0);
  });
  it('throws RangeError for non-integer or negative fen', () => {
    expect(() => monthlyCharge(1.5, 0)).toThrow(RangeError);
    expect(() => monthlyCharge(0, -1)).toThrow(RangeError);
  });
  it('is an integer at least both inputs', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (u, m) => {
      const c = monthlyCharge(u, m);
      expect(isInt(c) && c >= u && c >= m && (c === u || c === m)).toBe(true);
    }));
  });
});

describe('lateFee (4008 contract 7.1: 3‰ per day, half up once)', () => {
  it.each([
    [100_000, 10, 3_000], // 1000 元 × 10 days × 3‰ = 30 元
    [600_714, 1, 1_802], // 1802.142 → 1802
    [500, 1, 2], // 1.5 → 2 (half up)
    [166, 1, 0], // 0.498 → 0
    [167, 1, 1], // 0.501 → 1
    [100, 10, 3], // rounded once: ten daily 0.3 fen make 3 fen, not 0
    [1, 1, 0],
    [123_456, 0, 0],
    [0, 30, 0],
  ])('%i fen overdue %i days → %i fen', (fen, days, fee) => {
    expect(lateFee(fen, days)).toBe(fee);
  });
  it('throws RangeError for negative or non-integer input', () => {
    expect(() => lateFee(-1, 1)).toThrow(RangeError);
    expect(() => lateFee(1, -1)).toThrow(RangeError);
    expect(() => lateFee(1.5, 1)).toThrow(RangeError);
    expect(() => lateFee(1, 1.5)).toThrow(RangeError);
  });
  it('is exact: equals half-up of overdue × days × 3 / 1000, integer and monotone', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 3650 }), (o, d) => {
      const fee = lateFee(o, d);
      expect(isInt(fee)).toBe(true);
      const x = BigInt(o) * BigInt(d) * 3n;
      // half up: fee*1000 - 500 ≤ x < fee*1000 + 500
      expect(BigInt(fee) * 1000n - 500n <= x && x < BigInt(fee) * 1000n + 500n).toBe(true);
      expect(lateFee(o, d + 1)).toBeGreaterThanOrEqual(fee);
    }));
  });
});

describe('checkRenewal (400 agreement 第四条(二)8)', () => {
  it('accepts the first renewal and any renewal at least the first', () => {
    expect(checkRenewal(100_000, null)).toEqual({ ok: true });
    expect(checkRenewal(100_000, 100_000)).toEqual({ ok: true });
    expect(checkRenewal(120_000, 100_000)).toEqual({ ok: true });
  });
  it('refuses a renewal below the first, naming both amounts', () => {
    const r = checkRenewal(99_999, 100_000);
    expect(r.ok).toBe(false);
    const reason = r.ok ? '' : r.reason;
    expect(reason).toContain('999.99');
    expect(reason).toContain('1,000.00');
    expect(reason).toContain('首次续费');
  });
  it('refuses zero, negative and fractional amounts without throwing', () => {
    expect(checkRenewal(0, null).ok).toBe(false);
    expect(checkRenewal(-5, null).ok).toBe(false);
    expect(checkRenewal(1.5, 1).ok).toBe(false);
    expect(checkRenewal(100, 1.5).ok).toBe(false);
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.double(), fc.option(fc.double()), (a, f) => { checkRenewal(a, f); }));
  });
});

describe('deemedAcceptanceDate (4008 contract 4.3)', () => {
  it.each([
    ['2026-11-20', '2026-11-27'], // an ordinary week
    ['2026-02-12', '2026-02-26'], // 2/13, 2/14 (make-up Saturday), then after Spring Festival 2/24–2/26
    ['2025-09-26', '2025-10-10'], // 9/28 (make-up Sunday), 9/29, 9/30, then 10/9, 10/10
    ['2025-01-24', '2025-02-07'], // 1/26 (make-up Sunday), 1/27, then 2/5, 2/6, 2/7
    ['2026-09-30', '2026-10-13'], // 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13
  ])('received %s → last day %s', (received, last) => {
    expect(deemedAcceptanceDate(received)).toBe(last);
  });
  it('throws CalendarDataMissingError when the days run into a year without data', () => {
    expect(() => deemedAcceptanceDate('2026-12-28')).toThrow(CalendarDataMissingError);
  });
});

describe('disputeDeadline (400 agreement 第四条(一)6)', () => {
  it.each([
    ['2026-01-31', '2026-04-30'],
    ['2026-03-15', '2026-06-15'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2026-12-31', '2027-03-31'],
  ])('%s → %s', (d, last) => expect(disputeDeadline(d)).toBe(last));
  it('throws RangeError for a malformed date', () => expect(() => disputeDeadline('2026-13-01')).toThrow(RangeError));
});

describe('firstMonthMinimumFen', () => {
  it('prorates by the days left, half up once', () => {
    expect(firstMonthMinimumFen(10_000, '2026-11-16', 'prorated')).toBe(5_000); // 15 of 30 days
    expect(firstMonthMinimumFen(10_000, '2026-02-15', 'prorated')).toBe(5_000); // 14 of 28
    expect(firstMonthMinimumFen(10_000, '2026-12-15', 'prorated')).toBe(5_484); // 17/31 = 5483.87
    expect(firstMonthMinimumFen(10_000, '2026-12-01', 'prorated')).toBe(10_000);
    expect(firstMonthMinimumFen(10_000, '2026-12-15', 'full')).toBe(10_000);
    expect(firstMonthMinimumFen(10_000, '2026-12-15', 'waived')).toBe(0);
  });
  it('never produces a non-integer and never exceeds the minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (min, d) => {
        const fee = firstMonthMinimumFen(min, d.toISOString().slice(0, 10), 'prorated');
        expect(Number.isSafeInteger(fee) && fee >= 0 && fee <= min).toBe(true);
      }),
    );
  });
  it('mulDivHalfUp rounds half up exactly', () => {
    expect(mulDivHalfUp(1, 1, 2)).toBe(1);
    expect(mulDivHalfUp(1, 1, 3)).toBe(0);
    expect(mulDivHalfUp(2, 1, 3)).toBe(1);
  });
});
