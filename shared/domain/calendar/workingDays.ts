import type { CalendarYearData } from './calendarYear';
import { CalendarDataMissingError } from './calendarYear';
import { chineseDaysYear } from './chineseDaysSource';
import { addDays, dayOfWeek, parseIsoDate, requireIsoDate } from './isoDate';

type YearSets = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

// Years an office loaded itself (a newer State Council notice, or a correction); they win over
// the package. Module state, because the calendar is global to the process like the package data.
const registered = new Map<number, YearSets>();
const fromPackage = new Map<number, YearSets>();

/**
 * Loads (or replaces) the arrangement of a year, e.g. when the State Council publishes next
 * year's holidays before the package is updated. Throws RangeError for a date outside that year,
 * an invalid date, or a date listed as both holiday and workday.
 */
export function registerCalendarYear(year: number, data: CalendarYearData): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`invalid year ${year}`);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const [list, set] of [[data.holidays, holidays], [data.workdays, workdays]] as const) {
    for (const date of list) {
      const parts = parseIsoDate(date);
      if (!parts || parts.year !== year) throw new RangeError(`${JSON.stringify(date)} is not a date in ${year}`);
      set.add(date);
    }
  }
  for (const date of holidays) {
    if (workdays.has(date)) throw new RangeError(`${date} is listed both as holiday and as workday`);
  }
  registered.set(year, { holidays, workdays });
}

/** Forgets a year loaded with registerCalendarYear (the package data, if any, applies again). */
export function unregisterCalendarYear(year: number): void {
  registered.delete(year);
}

/** Whether working days can be computed for this year (registered or in the package). */
export function hasCalendarYear(year: number): boolean {
  return registered.has(year) || chineseDaysYear(year) !== null;
}

export type CalendarYearSource = 'office' | 'package';

/**
 * The years in [from, to] that have calendar data and where it comes from, for a settings screen
 * ("holiday data through 2026 — import 2027").
 */
export function calendarYears(from = 2000, to = 2100): { year: number; source: CalendarYearSource }[] {
  const out: { year: number; source: CalendarYearSource }[] = [];
  for (let year = from; year <= to; year++) {
    if (registered.has(year)) out.push({ year, source: 'office' });
    else if (chineseDaysYear(year) !== null) out.push({ year, source: 'package' });
  }
  return out;
}

function yearSets(year: number): YearSets {
  const own = registered.get(year);
  if (own) return own;
  let sets = fromPackage.get(year);
  if (!sets) {
    const data = chineseDaysYear(year);
    if (!data) throw new CalendarDataMissingError(year);
    sets = { holidays: new Set(data.holidays), workdays: new Set(data.workdays) };
    fromPackage.set(year, sets);
  }
  return sets;
}

/**
 * Whether an ISO date is a working day under the State Council calendar with its make-up workdays.
 * Throws CalendarDataMissingError for a year without data and RangeError for a malformed date.
 */
export function isWorkingDay(date: string): boolean {
  const { year } = requireIsoDate(date);
  const sets = yearSets(year);
  if (sets.holidays.has(date)) return false;
  if (sets.workdays.has(date)) return true;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `date` (the day itself not counted); for negative n, the |n|-th
 * working day before it; n = 0 returns `date`. Throws CalendarDataMissingError when the walk
 * enters a year without data, RangeError for a malformed date or a non-integer n.
 */
export function addWorkingDays(date: string, n: number): string {
  requireIsoDate(date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const direction = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, direction);
    if (isWorkingDay(current)) remaining--;
  }
  return current;
}
