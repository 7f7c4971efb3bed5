import { billableMinutes } from '../../../shared/domain/index';
import { CALL_FIELDS, mapCallRows, officeDayOfMs, parseCarrierTime, zoneOffsetMinutes, type CallField, type CarrierMapping, type ImportedCall, type RowError } from '../../../shared/billing/index';
import type { BillingAccount } from './accounts';
import type { CsvRecord } from './importCsv';
import { InFileIds } from './inFileIds';

/** A checked call with the account holding its number and its rating (billable minutes per started minute). */
export interface RatedCall {
  call: ImportedCall;
  account: BillingAccount;
  minutes: number;
}

/** The account holding a number on a day: the latest opened on or before it (else the latest one). */
export function accountFinder(accounts: BillingAccount[]): (hotline: string, day: string) => BillingAccount | undefined {
  const by = new Map<string, BillingAccount[]>();
  for (const a of accounts) {
    if (!a.hotline) continue;
    const list = by.get(a.hotline) ?? [];
    list.push(a);
    by.set(a.hotline, list);
  }
  for (const list of by.values()) list.sort((x, y) => (x.openedOn ?? '').localeCompare(y.openedOn ?? ''));
  return (hotline, day) => {
    const list = by.get(hotline);
    if (!list) return undefined;
    if (list.length === 1) return list[0];
    let found: BillingAccount | undefined;
    for (const a of list) if (!a.openedOn || a.openedOn <= day) found = a;
    return found ?? list[list.length - 1];
  };
}

const LINE_PREFIX = /^第 \d+ 行：/;

/** A cell trimmed, '' when the column is not mapped or the row is short (as mapCallRows reads it). */
function cellAt(cells: readonly string[], i: number): string {
  if (i < 0) return '';
  const v = cells[i];
  return v === undefined || v === null ? '' : String(v).trim();
}

function digitsOnly(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return t.length > 0;
}

/** '12', '-3.5', '0.25' (shared YUAN_RE: -?digits with up to two decimals) → integer fen; else null. */
function yuanToFen(t: string): number | null {
  const neg = t.charCodeAt(0) === 45;
  const body = neg ? t.slice(1) : t;
  const dot = body.indexOf('.');
  const y = dot < 0 ? body : body.slice(0, dot);
  const d = dot < 0 ? '' : body.slice(dot + 1);
  if (!digitsOnly(y) || (dot >= 0 && (d.length < 1 || d.length > 2 || !digitsOnly(d)))) return null;
  return (Number(y) * 100 + Number(d.padEnd(2, '0'))) * (neg ? -1 : 1);
}

/** Two ASCII digits at i as a number, or -1. */
function two(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48, b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The per-hour cache's key of a time's digits 'YYYY-MM-DD HH' (< 2^30 for every 4-digit year: a
 * small integer); -1 for a month, day or hour past the key's bits (invalid anyway, never cached).
 */
export function hourKey(y1: number, y2: number, mo: number, d: number, h: number): number {
  return mo > 15 || d > 31 || h > 31 ? -1 : ((((y1 * 100 + y2) * 16 + mo) * 32 + d) * 32 + h) | 0;
}

/** What one wall-clock hour of the carrier's zone is: its first second in UTC, and its office day when that is the same all hour. */
export interface HourEntry {
  /** UTC ms of HH:00:00, NaN when the hour is not one plain hour (a DST change inside it, an invalid date) */
  utc: number;
  /** the office day of every second of the hour, null when it changes inside the hour */
  day: string | null;
}

/**
 * Checks and rates a carrier file batch by batch, with the same rules and zh-CN messages a device
 * runs (shared mapCallRows): a row that passes every check in its plainest form is read by a
 * fast path here, any other row goes through mapCallRows itself (header in front) and its errors
 * are renumbered to the file's own line. Keeps the first `maxErrors` errors in line order and counts all of them;
 * a carrier record id repeated anywhere in the file is skipped after its first row and counted.
 */
export class CallBatchMapper {
  readonly errors: RowError[] = [];
  errorCount = 0;
  duplicatesInFile = 0;
  rowsRead = 0;
  /** the ids met so far (also read by the byte path, importBytes.ts, as are find, ix, hour and the counters) */
  readonly seen = new InFileIds();
  readonly find: ReturnType<typeof accountFinder>;
  /** each field's column in the header (-1 when not mapped), as mapCallRows finds it */
  readonly ix = {} as Record<CallField, number>;
  /** the carrier's zone, and per wall-clock hour 'YYYY-MM-DD HH' (as a small integer) what it is */
  private readonly tz: string;
  readonly hours = new Map<number, HourEntry>();

  constructor(
    private readonly header: string[],
    readonly mapping: CarrierMapping,
    readonly officeTimeZone: string,
    accounts: BillingAccount[],
    private readonly maxErrors = 200,
  ) {
    this.find = accountFinder(accounts);
    this.tz = mapping.timeZone ?? officeTimeZone;
    // A header without a mapped column refuses the file before any row is read.
    const head = mapCallRows([header], mapping, officeTimeZone);
    this.errors.push(...head.errors);
    this.errorCount = head.errorCount;
    const names = header.map((h) => String(h ?? '').trim());
    for (const f of CALL_FIELDS) {
      const col = mapping.columns[f];
      this.ix[f] = col === undefined ? -1 : names.indexOf(col);
    }
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }

  map(batch: readonly CsvRecord[]): RatedCall[] {
    const room = () => Math.max(0, this.maxErrors - this.errors.length);
    const rated: RatedCall[] = [];
    this.rowsRead += batch.length;
    for (const r of batch) {
      // the common row: checked and read here in one pass; anything unusual (a problem, a hotline
      // written with spaces, …) goes through the shared mapCallRows for the exact same answer
      const call = this.fast(r) ?? this.slow(r, room());
      if (!call) continue;
      // (the set keeps the id's bytes, not the string: a slice of the decoded chunk is not kept alive)
      if (!this.seen.add(call.carrierRecordId)) {
        this.duplicatesInFile++;
        continue;
      }
      const account = this.find(call.hotline, call.localDay);
      if (!account) {
        this.errorCount++;
        if (room() > 0) this.errors.push({ row: call.row, field: 'hotline', message: `第 ${call.row} 行：400 号码：${call.hotline} 不属于本营业厅的任何服务账户。` });
        continue;
      }
      rated.push({ call, account, minutes: billableMinutes(call.durationSeconds) });
    }
    return rated;
  }

  /** One row through shared mapCallRows (header in front), its errors renumbered to the file's line. */
  private slow(r: CsvRecord, room: number): ImportedCall | null {
    const mapped = mapCallRows([this.header, r.cells], this.mapping, this.officeTimeZone, { maxErrors: room });
    this.errorCount += mapped.errorCount;
    for (const e of mapped.errors) this.errors.push({ ...e, row: r.line, message: e.message.replace(LINE_PREFIX, `第 ${r.line} 行：`) });
    const call = mapped.calls[0];
    if (!call) return null;
    call.row = r.line;
    return call;
  }

  /**
   * The call of a row that passes every check of mapCallRows in its plainest form, else null (the
   * caller then asks mapCallRows). Same values as mapCallRows for every row it accepts — the field
   * rules are the shared ones, written as character scans without regexes, closures or per-field
   * strings; importMap.test.ts compares the two on valid and invalid rows.
   */
  private fast(r: CsvRecord): ImportedCall | null {
    const ix = this.ix;
    const cells = r.cells;
    const id = cellAt(cells, ix.carrierRecordId);
    if (id.length === 0 || id.length > 100) return null;
    const hotline = cellAt(cells, ix.hotline);
    if (hotline.length !== 10 || !hotline.startsWith('400') || !digitsOnly(hotline)) return null;
    const caller = cellAt(cells, ix.caller);
    const forwardedTo = cellAt(cells, ix.forwardedTo);
    if (!caller || !forwardedTo) return null;
    const startText = cellAt(cells, ix.startAt);
    const startMs = this.time(startText);
    if (startMs === null) return null;
    const answerText = cellAt(cells, ix.answerAt);
    const answerMs = answerText ? this.time(answerText) : null;
    if (answerText && answerMs === null) return null;
    const endText = cellAt(cells, ix.endAt);
    let endMs = endText ? this.time(endText) : null;
    if (endText && endMs === null) return null;
    let duration: number | null = null;
    if (ix.durationSeconds >= 0) {
      const d = cellAt(cells, ix.durationSeconds);
      if (!d || !digitsOnly(d)) return null;
      duration = Number(d);
    }
    if ((endMs !== null && endMs < startMs) || (answerMs !== null && answerMs < startMs)) return null;
    if (duration === null && endMs !== null) duration = answerMs !== null ? Math.max(0, Math.round((endMs - answerMs) / 1000)) : 0;
    if (endMs === null && duration !== null) endMs = startMs + duration * 1000;
    if (endMs === null || duration === null) return null;
    const feeText = cellAt(cells, ix.feeFen);
    let fee: number | null = null;
    if (feeText) {
      fee = this.mapping.feeUnit === 'fen' ? (digitsOnly(feeText) ? Number(feeText) : null) : yuanToFen(feeText);
      if (fee === null) return null;
    }
    return {
      row: r.line,
      carrierRecordId: id,
      hotline,
      caller: caller.slice(0, 40),
      forwardedTo: forwardedTo.slice(0, 40),
      startMs,
      answerMs,
      endMs,
      durationSeconds: duration,
      callerProvince: cellAt(cells, ix.callerProvince) || null,
      callerCity: cellAt(cells, ix.callerCity) || null,
      carrierFeeFen: fee,
      localDay: this.startDay(startText, startMs),
    };
  }

  /**
   * The hour of 'YYYY-MM-DD HH:mm:ss' (space-separated, the carriers' usual form) from the cache,
   * undefined for any other text. Found once per hour through shared parseCarrierTime at HH:00:00
   * and HH:59:59: when those are exactly 3599 s apart, the hour is one plain hour (the offset tables
   * behind parseCarrierTime/officeDayOfMs change only between hours), so every second of it is its
   * first second + mm:ss — the same answer parseCarrierTime gives, without its per-row lookups.
   */
  hour(t: string): HourEntry | undefined {
    if (t.length !== 19 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 32 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return undefined;
    const y1 = two(t, 0), y2 = two(t, 2), mo = two(t, 5), d = two(t, 8), h = two(t, 11);
    if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || h < 0) return undefined;
    return this.hourEntry(hourKey(y1, y2, mo, d, h), t);
  }

  /**
   * The entry of the hour whose key (hourKey) is `key`, worked out from the time's text `t` on a
   * miss. The byte path (importBytes.ts) looks the key up in `hours` itself and comes here on a miss.
   */
  hourEntry(key: number, t: string): HourEntry {
    let e = key >= 0 ? this.hours.get(key) : undefined;
    if (e === undefined) {
      const prefix = t.slice(0, 13);
      const first = parseCarrierTime(`${prefix}:00:00`, this.tz);
      const last = parseCarrierTime(`${prefix}:59:59`, this.tz);
      const plain = first !== null && last !== null && last - first === 3_599_000;
      // one office offset all hour (it changes only between UTC hours, and the hour spans at most
      // two): office time runs straight through it, so the same day at both ends is the day all hour
      const office = this.officeTimeZone;
      const day = plain && zoneOffsetMinutes(office, first) === zoneOffsetMinutes(office, last) ? officeDayOfMs(first, office) : null;
      e = { utc: plain ? first : NaN, day: day !== null && officeDayOfMs(last!, office) === day ? day : null };
      if (key >= 0) this.hours.set(key, e);
    }
    return e;
  }

  /** A carrier time in the carrier's zone → UTC ms, or null (as shared parseCarrierTime). */
  private time(t: string): number | null {
    const e = this.hour(t);
    if (e === undefined || e.utc !== e.utc) return parseCarrierTime(t, this.tz);
    const mi = two(t, 14), s = two(t, 17);
    if (mi < 0 || mi > 59 || s < 0 || s > 59) return null;
    return e.utc + mi * 60_000 + s * 1000;
  }

  /** The office day of a call that started at `text` (= startMs). */
  private startDay(text: string, startMs: number): string {
    const e = this.hour(text);
    return e !== undefined && e.day !== null ? e.day : officeDayOfMs(startMs, this.officeTimeZone);
  }
}
