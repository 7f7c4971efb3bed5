// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through Date.UTC so no local time zone
// (and no DST) can shift a day; these are calendar dates, not instants.

export type IsoDateParts = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a real calendar date in 'YYYY-MM-DD' form, or returns null. Never throws. */
export function parseIsoDate(s: string): IsoDateParts | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Years before 1000 are refused: Date.UTC maps years 0–99 onto 1900–1999.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/** Like parseIsoDate but throws RangeError naming the parameter: for programmer input, not user input. */
export function requireIsoDate(s: string, name = 'date'): IsoDateParts {
  const parts = parseIsoDate(s);
  if (!parts) throw new RangeError(`${name} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(s)}`);
  return parts;
}

export function formatIsoDate(parts: IsoDateParts): string {
  const y = String(parts.year).padStart(4, '0');
  const m = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function toEpochDay(parts: IsoDateParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000;
}

function fromEpochDay(epochDay: number): IsoDateParts {
  const d = new Date(epochDay * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** date + n calendar days. */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return formatIsoDate(fromEpochDay(toEpochDay(requireIsoDate(date)) + n));
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(requireIsoDate(b, 'b')) - toEpochDay(requireIsoDate(a, 'a'));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const p = requireIsoDate(date);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** The same day n calendar months later, clamped to the end of a shorter month (01-31 + 1 → 02-28/29). */
export function addMonthsClamped(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const p = requireIsoDate(date);
  const monthIndex = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(p.day, daysInMonth(year, month)) });
}

/**
 * The calendar date of a UTC instant in an office time zone (default Asia/Shanghai).
 * Dates of the contracts (receipt, dispute window) are office dates, not UTC dates.
 */
export function toOfficeDate(utcIso: string, timeZone = 'Asia/Shanghai'): string {
  const instant = new Date(utcIso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO timestamp: ${JSON.stringify(utcIso)}`);
  return officeDateFormat(timeZone).format(instant);
}

// Building an Intl.DateTimeFormat is the slow part; imports validate thousands of rows.
const formats = new Map<string, Intl.DateTimeFormat>();
function officeDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

/** Today's date in the office time zone. */
export function todayInOffice(timeZone = 'Asia/Shanghai'): string {
  return toOfficeDate(new Date().toISOString(), timeZone);
}
