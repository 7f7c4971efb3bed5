import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays, calendarYears, hasCalendarYear, isWorkingDay, registerCalendarYear, unregisterCalendarYear } from './workingDays';
import { CalendarDataMissingError } from './calendarYear';
import { calendarYearImportSchema } from './calendarYearSchema';
import { formatContractDate } from './formatContractDate';
import { addDays, addMonthsClamped, dayOfWeek, daysBetween, parseIsoDate, toOfficeDate } from './isoDate';

const working = (dates: string[]) => dates.map((d) => [d, isWorkingDay(d)]);

describe('isWorkingDay: 2025 (chinese-days data)', () => {
  it('Spring Festival 2025: 1/28–2/4 off, 1/26 (Sun) and 2/8 (Sat) worked', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-01-27')).toBe(true);
    for (const d of ['2025-01-28', '2025-01-29', '2025-01-31', '2025-02-03', '2025-02-04']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2025-02-05')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true);
    expect(isWorkingDay('2025-02-09')).toBe(false);
  });

  it('National Day 2025: 10/1–10/8 off, 9/28 (Sun) and 10/11 (Sat) worked', () => {
    expect(working(['2025-09-27', '2025-09-28', '2025-09-30', '2025-10-01', '2025-10-08', '2025-10-09', '2025-10-11', '2025-10-12'])).toEqual([
      ['2025-09-27', false],
      ['2025-09-28', true],
      ['2025-09-30', true],
      ['2025-10-01', false],
      ['2025-10-08', false],
      ['2025-10-09', true],
      ['2025-10-11', true],
      ['2025-10-12', false],
    ]);
  });
});

describe('isWorkingDay: 2026 (chinese-days data, as DESIGN.md lists)', () => {
  it('the six make-up workdays 1/4, 2/14, 2/28, 5/9, 9/20, 10/10 are working days', () => {
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect([d, isWorkingDay(d)]).toEqual([d, true]);
    }
  });

  it('Spring Festival 2026: 2/15–2/23 off', () => {
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('National Day 2026: 10/1–10/7 off, ordinary weekends off, ordinary weekdays worked', () => {
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-07']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-11-20', 5, '2026-11-27'],
    ['2026-11-22', 0, '2026-11-22'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2025-12-31', 1, '2026-01-04'], // across the year end onto the 2026 make-up Sunday
  ] as const)('%s + %i working days → %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('throws RangeError for a malformed date or fractional n', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-03', 1.5)).toThrow(RangeError);
  });
});

describe('years without data', () => {
  afterEach(() => unregisterCalendarYear(2027));

  it('throws CalendarDataMissingError instead of guessing', () => {
    expect(hasCalendarYear(2027)).toBe(false);
    expect(() => isWorkingDay('2027-01-04')).toThrow(CalendarDataMissingError);
    expect(() => addWorkingDays('2026-12-30', 5)).toThrow(CalendarDataMissingError);
    expect(() => isWorkingDay('2003-06-02')).toThrow(CalendarDataMissingError);
    try {
      isWorkingDay('2027-03-01');
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarDataMissingError);
      expect((e as CalendarDataMissingError).year).toBe(2027);
      expect((e as Error).message).toContain('2027 年');
    }
  });

  it('registerCalendarYear loads a year the office receives later', () => {
    registerCalendarYear(2027, { holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'] });
    expect(hasCalendarYear(2027)).toBe(true);
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(isWorkingDay('2027-02-06')).toBe(true); // a Saturday
    expect(isWorkingDay('2027-02-07')).toBe(false);
    expect(addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    unregisterCalendarYear(2027);
    expect(() => isWorkingDay('2027-01-04')).toThrow(CalendarDataMissingError);
  });

  it('registered data overrides the package for that year', () => {
    registerCalendarYear(2026, { holidays: ['2026-11-23'], workdays: [] });
    try {
      expect(isWorkingDay('2026-11-23')).toBe(false);
      expect(isWorkingDay('2026-02-14')).toBe(false); // the package's make-up day is gone
    } finally {
      unregisterCalendarYear(2026);
    }
    expect(isWorkingDay('2026-02-14')).toBe(true);
  });

  it('refuses dates outside the year and dates on both lists', () => {
    expect(() => registerCalendarYear(2027, { holidays: ['2028-01-01'], workdays: [] })).toThrow(RangeError);
    expect(() => registerCalendarYear(2027, { holidays: ['2027-02-30'], workdays: [] })).toThrow(RangeError);
    expect(() => registerCalendarYear(2027, { holidays: ['2027-02-06'], workdays: ['2027-02-06'] })).toThrow(RangeError);
  });
});

describe('formatContractDate', () => {
  it('writes the contract form without leading zeros', () => {
    expect(formatContractDate('2026-11-22')).toBe('2026年11月22日');
    expect(formatContractDate('2026-01-05')).toBe('2026年1月5日');
  });
  it('throws RangeError for a malformed date', () => {
    expect(() => formatContractDate('2026/11/22')).toThrow(RangeError);
    expect(() => formatContractDate('2026-02-29')).toThrow(RangeError);
  });
});

describe('ISO date helpers', () => {
  it('parse real dates only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2100-02-29')).toBeNull();
    expect(parseIsoDate('0099-01-01')).toBeNull();
    expect(parseIsoDate('2026-1-5')).toBeNull();
  });
  it('add days, months and weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
  });
  it('reads a UTC instant as an office date', () => {
    expect(toOfficeDate('2026-11-21T16:30:00Z')).toBe('2026-11-22');
    expect(toOfficeDate('2026-11-21T15:59:59Z')).toBe('2026-11-21');
    expect(toOfficeDate('2026-11-21T16:30:00Z', 'UTC')).toBe('2026-11-21');
    expect(() => toOfficeDate('nope')).toThrow(RangeError);
  });
});

describe('calendar coverage and import', () => {
  afterEach(() => unregisterCalendarYear(2027));

  it('lists the package years and the office years', () => {
    const years = calendarYears(2003, 2027);
    expect(years[0]).toEqual({ year: 2004, source: 'package' });
    expect(years.at(-1)).toEqual({ year: 2026, source: 'package' });
    registerCalendarYear(2027, { holidays: ['2027-01-01'], workdays: [] });
    expect(calendarYears(2026, 2027)).toEqual([
      { year: 2026, source: 'package' },
      { year: 2027, source: 'office' },
    ]);
  });

  it('checks an imported year with zh-CN messages', () => {
    const good = calendarYearImportSchema.safeParse({ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-02-06'] });
    expect(good.success).toBe(true);
    const bad = calendarYearImportSchema.safeParse({ year: 2027, holidays: ['2028-01-01', '2027-02-06', '2027-02-30'], workdays: ['2027-02-06'] });
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('放假日期 2028-01-01 不在 2027 年。');
    expect(messages).toContain('“2027-02-30”不是有效日期（YYYY-MM-DD）。');
    expect(bad.success).toBe(false);
  });
});
