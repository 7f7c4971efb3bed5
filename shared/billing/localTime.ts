/**
 * Carrier files give call times as local wall-clock text ("2026-11-03 09:15:22"). These helpers turn
 * them into UTC instants and back into office dates. Hand-written rather than dayjs' timezone
 * plugin because an import handles a million rows: the zone offset is looked up through Intl once
 * per zone and hour, then every row is plain integer arithmetic.
 */
const offsetCache = new Map<string, number>();
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormats.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at a UTC instant (cached per zone and UTC hour). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  const key = `${timeZone}|${hour}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const at = hour * 3_600_000;
  const p: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offset = Math.round((local - at) / 60_000);
  offsetCache.set(key, offset);
  return offset;
}

/** Wall-clock time in a zone → UTC milliseconds (the offset found at the guess, then re-checked). */
export function localToUtcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): number {
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  let utc = naive - zoneOffsetMinutes(timeZone, naive) * 60_000;
  const again = naive - zoneOffsetMinutes(timeZone, utc) * 60_000;
  if (again !== utc) utc = again;
  return utc;
}

/** The office date ('YYYY-MM-DD') of a UTC instant. */
export function officeDayOfMs(utcMs: number, timeZone: string): string {
  return new Date(utcMs + zoneOffsetMinutes(timeZone, utcMs) * 60_000).toISOString().slice(0, 10);
}

const LOCAL_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * Parses a carrier timestamp: 'YYYY-MM-DD HH:mm[:ss]' (also with / or . and a T), an ISO string
 * with Z or an offset, or 'YYYYMMDDHHmmss'. Text without a zone is wall-clock time in `timeZone`.
 * Returns UTC milliseconds, or null when the text is not a valid time.
 */
export function parseCarrierTime(text: string, timeZone: string): number | null {
  const t = text.trim();
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
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return null;
  if (zone) {
    const naive = Date.UTC(y, mo - 1, d, h, mi, s);
    if (zone === 'Z') return naive;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return naive - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return localToUtcMs(y, mo, d, h, mi, s, timeZone);
}
