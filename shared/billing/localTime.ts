/**
 * Carrier files give call times as local wall-clock text ("2026-11-03 09:15:22"). These helpers turn
 * them into UTC instants and back into office dates. Hand-written rather than dayjs' timezone
 * plugin because an import handles a million rows: the zone offset is looked up through Intl once
 * per zone and hour, office dates once per day, and every row is plain integer arithmetic.
 */
const offsetTables = new Map<string, Map<number, number>>();
const partsFormats = new Map<string, Intl.DateTimeFormat>();
const HOUR = 3_600_000;
const DAY = 86_400_000;

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormats.set(timeZone, f);
  }
  return f;
}

function offsetTable(timeZone: string): Map<number, number> {
  let t = offsetTables.get(timeZone);
  if (!t) offsetTables.set(timeZone, (t = new Map()));
  return t;
}

function offsetAt(table: Map<number, number>, timeZone: string, utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR);
  const hit = table.get(hour);
  if (hit !== undefined) return hit;
  const at = hour * HOUR;
  const p: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offset = Math.round((local - at) / 60_000);
  table.set(hour, offset);
  return offset;
}

/** The zone's offset from UTC in minutes at a UTC instant (cached per zone and UTC hour). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  return offsetAt(offsetTable(timeZone), timeZone, utcMs);
}

/** Wall-clock time in a zone → UTC milliseconds (the offset found at the guess, then re-checked). */
export function localToUtcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): number {
  const table = offsetTable(timeZone);
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  const utc = naive - offsetAt(table, timeZone, naive) * 60_000;
  return naive - offsetAt(table, timeZone, utc) * 60_000;
}

const dayStrings = new Map<number, string>();
function dayString(epochDay: number): string {
  let s = dayStrings.get(epochDay);
  if (s === undefined) {
    s = new Date(epochDay * DAY).toISOString().slice(0, 10);
    dayStrings.set(epochDay, s);
  }
  return s;
}

/** The office date ('YYYY-MM-DD') of a UTC instant. */
export function officeDayOfMs(utcMs: number, timeZone: string): string {
  return dayString(Math.floor((utcMs + zoneOffsetMinutes(timeZone, utcMs) * 60_000) / DAY));
}

const LOCAL_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const leap = mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  return d <= MONTH_DAYS[mo - 1]! + (leap ? 1 : 0);
}

const digit = (t: string, i: number) => t.charCodeAt(i) - 48;
const two = (t: string, i: number) => digit(t, i) * 10 + digit(t, i + 1);
function allDigits(t: string, positions: readonly number[]): boolean {
  for (const i of positions) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const FAST_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/**
 * Parses a carrier timestamp: 'YYYY-MM-DD HH:mm[:ss]' (also with / or . and a T), an ISO string
 * with Z or an offset, or 'YYYYMMDDHHmmss'. Text without a zone is wall-clock time in `timeZone`.
 * Returns UTC milliseconds, or null when the text is not a valid time.
 */
export function parseCarrierTime(text: string, timeZone: string): number | null {
  const t = text.trim();
  // The common carrier form 'YYYY-MM-DD HH:mm:ss' without a regex (a million rows per file).
  if (t.length === 19 && t[4] === '-' && t[7] === '-' && (t[10] === ' ' || t[10] === 'T') && t[13] === ':' && t[16] === ':' && allDigits(t, FAST_DIGITS)) {
    const y = two(t, 0) * 100 + two(t, 2);
    const mo = two(t, 5), d = two(t, 8), h = two(t, 11), mi = two(t, 14), s = two(t, 17);
    return validParts(y, mo, d, h, mi, s) ? localToUtcMs(y, mo, d, h, mi, s, timeZone) : null;
  }
  let m = LOCAL_RE.exec(t);
  let zone: string | undefined;
  let parts: number[];
  if (m) {
    parts = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
    zone = m[7];
  } else {
    m = COMPACT_RE.exec(t);
    if (!m) return null;
    parts = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  }
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  if (!validParts(y, mo, d, h, mi, s)) return null;
  if (zone) {
    const naive = Date.UTC(y, mo - 1, d, h, mi, s);
    if (zone === 'Z') return naive;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return naive - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return localToUtcMs(y, mo, d, h, mi, s, timeZone);
}
