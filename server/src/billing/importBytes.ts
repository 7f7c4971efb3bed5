import { billableMinutes } from '../../../shared/domain/index';
import { officeDayOfMs } from '../../../shared/billing/index';
import { putBytes, putDate, putInt32, putInt64, putNull, putTimestamptz } from '../db/copyBinary';
import { COPY_ROW_FIELDS } from './callRows';
import type { BillingAccount } from './accounts';
import type { MonthRouter } from './callMonths';
import { hourKey, type CallBatchMapper, type HourEntry } from './importMap';

const MAX_FIELDS = 256;

/**
 * The accounts by number, for the byte path, in a few compact arrays instead of a Map of objects:
 * a row's lookup touched the Map's table, the holder object, the account object and the id
 * buffer's header — four cache misses a row that were a quarter of the byte path's time. Keyed by
 * the number's last 7 digits (a small integer; '400' is checked apart), open addressing.
 */
class NumberHolders {
  private readonly slotKey: Int32Array;
  private readonly slotHolder: Int32Array;
  private readonly mask: number;
  /** per holder: the tariff of its only account, or -1 when several accounts held the number (the day decides) */
  readonly tariff: Int32Array;
  /** per holder: its only account's id, as bytes idArena[idStart, idEnd) */
  readonly idStart: Int32Array;
  readonly idEnd: Int32Array;
  readonly idArena: Buffer;
  /** per holder: the number as text and its accounts (for the several-accounts case) */
  readonly hotline: string[] = [];
  readonly only: (BillingAccount | null)[] = [];

  constructor(accounts: readonly BillingAccount[]) {
    const byKey = new Map<number, number>();
    const ids: Buffer[] = [];
    for (const a of accounts) {
      if (!a.hotline || !/^400\d{7}$/.test(a.hotline)) continue;
      const key = Number(a.hotline.slice(3));
      const h = byKey.get(key);
      if (h !== undefined) {
        this.only[h] = null;
        continue;
      }
      byKey.set(key, this.hotline.length);
      this.hotline.push(a.hotline);
      this.only.push(a);
      ids.push(Buffer.from(a.accountId, 'utf8'));
    }
    const n = this.hotline.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.mask = size - 1;
    this.slotKey = new Int32Array(size).fill(-1);
    this.slotHolder = new Int32Array(size);
    this.tariff = new Int32Array(n);
    this.idStart = new Int32Array(n);
    this.idEnd = new Int32Array(n);
    this.idArena = Buffer.concat(ids);
    let at = 0;
    for (let h = 0; h < n; h++) {
      const a = this.only[h];
      this.tariff[h] = a ? a.tariffFenPerMinute : -1;
      this.idStart[h] = at;
      at += ids[h]!.length;
      this.idEnd[h] = at;
    }
    for (const [key, h] of byKey) {
      let i = this.slot(key);
      while (this.slotKey[i] !== -1) i = (i + 1) & this.mask;
      this.slotKey[i] = key;
      this.slotHolder[i] = h;
    }
  }

  /** The holder of the number whose last 7 digits are `key`, or -1. */
  find(key: number): number {
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const k = this.slotKey[i]!;
      if (k === key) return this.slotHolder[i]!;
      if (k === -1) return -1;
    }
  }

  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
  }
}

/** An ASCII whitespace byte, as String#trim sees it (\t \n \v \f \r and space). */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * The byte path of the call-record import on PostgreSQL: a line of a UTF-8 or GB18030 carrier file
 * that is plain ASCII and passes every check of CallBatchMapper's fast path is read here from its
 * bytes and written straight into its month's binary COPY rows — no string per field, no call
 * object, no garbage. On a million-row file that was most of the import's own time (~3 µs a row as
 * text, split, checked objects, then encoded). Any line it does not take whole (non-ASCII, spaces
 * around a value, another time format, a number no account holds, …) is left to the text path,
 * which gives the shared rules' exact answer; importBytes.test.ts proves both write the same bytes.
 *
 * Same rules, in the same order, as CallBatchMapper.fast + map (the in-file repeat is found before
 * the account, as map does).
 */
export class ByteRowMapper {
  private readonly st = new Int32Array(MAX_FIELDS);
  private readonly en = new Int32Array(MAX_FIELDS);
  /** an account hotline's 10 digits as a number → the hotline text (rows name numbers no account holds: text path) */
  /** the accounts by number (rows naming a number no account holds go to the text path) */
  private readonly holders: NumberHolders;
  private readonly yuan: boolean;
  // the mapped columns (-1: not mapped), copied out of the mapper's table once
  private readonly fId: number;
  private readonly fHot: number;
  private readonly fCaller: number;
  private readonly fFwd: number;
  private readonly fStart: number;
  private readonly fAnswer: number;
  private readonly fEnd: number;
  private readonly fDur: number;
  private readonly fFee: number;
  private readonly fProv: number;
  private readonly fCity: number;

  constructor(
    private readonly m: CallBatchMapper,
    private readonly delim: number,
    accounts: readonly BillingAccount[],
  ) {
    this.holders = new NumberHolders(accounts);
    this.yuan = m.mapping.feeUnit !== 'fen';
    const ix = m.ix;
    this.fId = ix.carrierRecordId;
    this.fHot = ix.hotline;
    this.fCaller = ix.caller;
    this.fFwd = ix.forwardedTo;
    this.fStart = ix.startAt;
    this.fAnswer = ix.answerAt;
    this.fEnd = ix.endAt;
    this.fDur = ix.durationSeconds;
    this.fFee = ix.feeFen;
    this.fProv = ix.callerProvince;
    this.fCity = ix.callerCity;
  }

  /**
   * Reads the line b[start, end) (no line break) and writes its row, or counts it as repeated in the
   * file. False: nothing was counted or written, the line goes to the text path.
   */
  line(b: Buffer, start: number, end: number, router: MonthRouter): boolean {
    const st = this.st, en = this.en, delim = this.delim;
    let nf = 0;
    let s = start;
    let high = 0;
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      high |= c;
      if (c === delim) {
        if (nf === MAX_FIELDS - 1) return false;
        st[nf] = s;
        en[nf++] = i;
        s = i + 1;
      }
    }
    st[nf] = s;
    en[nf++] = end;
    if (high & 0x80) return false;
    // A field is used by its index, or -1 when not mapped or past the row's end (cellAt reads ''
    // there). A field with spaces around it is for the text path (its trim). No closures here:
    // variables they capture would live on the heap for every row.
    const fi = this.fId < nf ? this.fId : -1;
    if (fi < 0 || this.edgeSpace(b, fi)) return false;
    const idLen = en[fi]! - st[fi]!;
    if (idLen === 0 || idLen > 100) return false;

    const fh = this.fHot < nf ? this.fHot : -1;
    if (fh < 0 || en[fh]! - st[fh]! !== 10) return false;
    // '400' then seven digits: the seven are the holder's key
    if (b[st[fh]!] !== 52 || b[st[fh]! + 1] !== 48 || b[st[fh]! + 2] !== 48) return false;
    let key = 0;
    for (let i = st[fh]! + 3; i < en[fh]!; i++) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) return false;
      key = key * 10 + d;
    }
    const holders = this.holders;
    const holder = holders.find(key);
    if (holder < 0) return false;

    const fc = this.fCaller < nf ? this.fCaller : -1, ff = this.fFwd < nf ? this.fFwd : -1;
    if (fc < 0 || ff < 0 || en[fc] === st[fc] || en[ff] === st[ff] || this.edgeSpace(b, fc) || this.edgeSpace(b, ff)) return false;

    const fs = this.fStart < nf ? this.fStart : -1;
    if (fs < 0 || this.edgeSpace(b, fs)) return false;
    const startHour = this.hourAt(b, st[fs]!, en[fs]!);
    if (startHour === undefined) return false;
    const startMs = this.timeIn(startHour, b, st[fs]!);
    if (startMs < 0) return false;

    let answerMs: number | null = null;
    const fa = this.fAnswer < nf ? this.fAnswer : -1;
    if (fa >= 0 && en[fa]! > st[fa]!) {
      if (this.edgeSpace(b, fa)) return false;
      const h = this.hourAt(b, st[fa]!, en[fa]!);
      if (h === undefined || (answerMs = this.timeIn(h, b, st[fa]!)) < 0) return false;
    }
    let endMs: number | null = null;
    const fe = this.fEnd < nf ? this.fEnd : -1;
    if (fe >= 0 && en[fe]! > st[fe]!) {
      if (this.edgeSpace(b, fe)) return false;
      const h = this.hourAt(b, st[fe]!, en[fe]!);
      if (h === undefined || (endMs = this.timeIn(h, b, st[fe]!)) < 0) return false;
    }
    let duration: number | null = null;
    if (this.fDur >= 0) {
      const fd = this.fDur;
      if (fd >= nf) return false;
      duration = this.digits(b, st[fd]!, en[fd]!);
      if (duration < 0) return false;
    }
    if ((endMs !== null && endMs < startMs) || (answerMs !== null && answerMs < startMs)) return false;
    if (duration === null && endMs !== null) duration = answerMs !== null ? Math.max(0, Math.round((endMs - answerMs) / 1000)) : 0;
    if (endMs === null && duration !== null) endMs = startMs + duration * 1000;
    if (endMs === null || duration === null) return false;

    let fee: number | null = null;
    const fx = this.fFee < nf ? this.fFee : -1;
    if (fx >= 0 && en[fx]! > st[fx]!) {
      if (this.edgeSpace(b, fx)) return false;
      fee = this.yuan ? this.yuanToFen(b, st[fx]!, en[fx]!) : this.digits(b, st[fx]!, en[fx]!);
      if (fee === null || fee === -1) return false;
    }
    const fp = this.fProv < nf ? this.fProv : -1, fy = this.fCity < nf ? this.fCity : -1;
    if (this.edgeSpace(b, fp) || this.edgeSpace(b, fy)) return false;

    const localDay = startHour.day !== null ? startHour.day : officeDayOfMs(startMs, this.m.officeTimeZone);
    // the number's only account (almost always), else the one holding it on the day
    let tariff = holders.tariff[holder]!;
    let idBytes: Uint8Array = holders.idArena;
    let idStart = holders.idStart[holder]!;
    let idEnd = holders.idEnd[holder]!;
    if (tariff < 0) {
      const account = this.m.find(holders.hotline[holder]!, localDay);
      if (!account) return false;
      tariff = account.tariffFenPerMinute;
      idBytes = Buffer.from(account.accountId, 'utf8');
      idStart = 0;
      idEnd = idBytes.length;
    }

    // Taken: counted as read, then as repeated or written.
    const m = this.m;
    m.rowsRead++;
    if (!m.seen.addBytes(b, st[fi]!, en[fi]!)) {
      m.duplicatesInFile++;
      return true;
    }
    if (!m.ok) return true; // the file is refused: rows are only checked from here on
    const minutes = billableMinutes(duration);
    // The row by hand: one room check, then the fields (COPY_ROW_COLUMNS) — the writer's method
    // per field was half of this function's time.
    const w = router.writerForBytes(localDay, b, st[fi]!, en[fi]!);
    const callerEnd = Math.min(en[fc]!, st[fc]! + 40);
    const fwdEnd = Math.min(en[ff]!, st[ff]! + 40);
    const prov = fp >= 0 && en[fp]! > st[fp]!;
    const city = fy >= 0 && en[fy]! > st[fy]!;
    const o = w.reserve(2 + 16 * 12 + (end - start) + (idEnd - idStart));
    let at = w.offset;
    o[at] = 0;
    o[at + 1] = COPY_ROW_FIELDS;
    at = putBytes(o, at + 2, b, st[fi]!, en[fi]!);
    at = putBytes(o, at, b, st[fh]!, en[fh]!);
    at = putBytes(o, at, idBytes, idStart, idEnd);
    at = putBytes(o, at, b, st[fc]!, callerEnd);
    at = putBytes(o, at, b, st[ff]!, fwdEnd);
    at = putTimestamptz(o, at, startMs);
    at = answerMs === null ? putNull(o, at) : putTimestamptz(o, at, answerMs);
    at = putTimestamptz(o, at, endMs);
    at = putInt32(o, at, duration);
    at = prov ? putBytes(o, at, b, st[fp]!, en[fp]!) : putNull(o, at);
    at = city ? putBytes(o, at, b, st[fy]!, en[fy]!) : putNull(o, at);
    at = fee === null ? putNull(o, at) : putInt64(o, at, fee);
    at = putDate(o, at, localDay);
    at = putInt32(o, at, minutes);
    at = putInt32(o, at, tariff);
    at = putInt64(o, at, minutes * tariff);
    w.advance(at);
    return true;
  }

  /** Whether field f (an index, or -1) has spaces at either end. */
  private edgeSpace(b: Buffer, f: number): boolean {
    if (f < 0) return false;
    const s = this.st[f]!, e = this.en[f]!;
    return e > s && (isSpace(b[s]!) || isSpace(b[e - 1]!));
  }

  /**
   * The hour entry of 'YYYY-MM-DD HH:mm:ss' at b[s, e) — the key CallBatchMapper.hour computes
   * from text, looked up without making the text; on a miss the mapper computes it from the text.
   * Undefined when the time is not in that form or the hour is not one plain hour (text path).
   */
  private hourAt(b: Buffer, s: number, e: number): HourEntry | undefined {
    if (e - s !== 19 || b[s + 4] !== 45 || b[s + 7] !== 45 || b[s + 10] !== 32 || b[s + 13] !== 58 || b[s + 16] !== 58) return undefined;
    const y1 = two(b, s), y2 = two(b, s + 2), mo = two(b, s + 5), d = two(b, s + 8), h = two(b, s + 11);
    if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || h < 0) return undefined;
    const key = hourKey(y1, y2, mo, d, h);
    let entry = key >= 0 ? this.m.hours.get(key) : undefined;
    if (entry === undefined) entry = this.m.hourEntry(key, b.toString('latin1', s, e));
    return entry.utc !== entry.utc ? undefined : entry;
  }

  /** UTC ms of the time at b[s..] within its (plain) hour, or -1 when mm:ss is out of range. */
  private timeIn(hour: HourEntry, b: Uint8Array, s: number): number {
    const mi = two(b, s + 14), sec = two(b, s + 17);
    if (mi < 0 || mi > 59 || sec < 0 || sec > 59) return -1;
    return hour.utc + mi * 60_000 + sec * 1000;
  }

  /** A run of 1–9 ASCII digits as a number, else -1 (longer numbers: text path). */
  private digits(b: Uint8Array, s: number, e: number): number {
    if (e <= s || e - s > 9) return -1;
    let v = 0;
    for (let i = s; i < e; i++) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  /** '12', '-3.5', '0.25' in yuan → fen, as importMap's yuanToFen; null otherwise (text path). */
  private yuanToFen(b: Uint8Array, s: number, e: number): number | null {
    const neg = b[s] === 45;
    const from = neg ? s + 1 : s;
    let dot = -1;
    for (let i = from; i < e; i++) if (b[i] === 46) {
      dot = i;
      break;
    }
    const yuan = this.digits(b, from, dot < 0 ? e : dot);
    if (yuan < 0) return null;
    let fen = 0;
    if (dot >= 0) {
      const n = e - dot - 1;
      if (n < 1 || n > 2) return null;
      const d = this.digits(b, dot + 1, e);
      if (d < 0) return null;
      fen = n === 1 ? d * 10 : d;
    }
    const v = yuan * 100 + fen;
    return neg ? -v : v;
  }
}

/** Two ASCII digits at i as a number, or -1. */
function two(b: Uint8Array, i: number): number {
  const x = b[i]! - 48, y = b[i + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}
