// The one module that touches the chinese-days package (State Council holiday arrangements,
// maintained upstream each year). Its typings use only ES types (Date), so shared/ stays free
// of DOM and Node types. Default import: the package is CommonJS under Node and ESM under Vite,
// and the default export carries every function in both.
import chineseDays from 'chinese-days';
import type { CalendarYearData } from './calendarYear';

const cache = new Map<number, CalendarYearData | null>();

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The package's data for a year, or null when it has none. The package answers for any date
 * (falling back to plain weekends), so coverage is probed: every arranged year has 元旦 on 1 January.
 */
export function chineseDaysYear(year: number): CalendarYearData | null {
  if (cache.has(year)) return cache.get(year) ?? null;
  let data: CalendarYearData | null = null;
  if (year >= 1900 && year <= 9999 && chineseDays.getDayDetail(`${year}-01-01`).name.includes('元旦')) {
    const holidays = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
    const workdays: string[] = [];
    // Make-up workdays are weekend days the package marks as work.
    for (let m = 1; m <= 12; m++) {
      const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
      for (let d = 1; d <= days; d++) {
        const weekday = new Date(Date.UTC(year, m - 1, d)).getUTCDay();
        if (weekday !== 0 && weekday !== 6) continue;
        const iso = `${year}-${pad(m)}-${pad(d)}`;
        if (chineseDays.getDayDetail(iso).work) workdays.push(iso);
      }
    }
    data = { holidays, workdays };
  }
  cache.set(year, data);
  return data;
}
