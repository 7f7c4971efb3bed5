/**
 * Rows in PostgreSQL's binary COPY format (COPY … FROM STDIN (FORMAT binary)), written straight
 * into a growing buffer. Measured on a million call records: PostgreSQL reads the binary rows in
 * about 40% of the time it takes to parse the same rows as text (three timestamps, dates, integers
 * and uuids a row, each parsed from text otherwise). pg-copy-streams only moves the bytes; the npm
 * packages that write this format take an object per value, which on a million rows costs more
 * than the database's own work — hence this file.
 *
 * Format (PostgreSQL docs, "COPY", Binary Format): the signature PGCOPY\n\377\r\n\0, int32 flags,
 * int32 header extension length; per row int16 field count, then per field int32 byte length (-1
 * for NULL) and the value in the type's send format; the file ends with int16 -1. All big-endian.
 *
 * The field writers below take (buffer, offset, value) and return the offset after the field, so a
 * hot path (the call import's byte path) can write a whole row after one room check; the writer
 * class uses the same functions.
 */

const SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps and dates, in Unix ms */
const PG_EPOCH_MS = 946_684_800_000;
const DAY_MS = 86_400_000;
const TWO_32 = 4_294_967_296;

/** The low 32 bits of v, big-endian, by hand: Buffer#writeInt32BE's range checks cost more than the write on hot paths. */
function be32(o: Uint8Array, at: number, v: number): void {
  o[at] = v >>> 24;
  o[at + 1] = v >>> 16;
  o[at + 2] = v >>> 8;
  o[at + 3] = v;
}

export function putNull(o: Uint8Array, at: number): number {
  be32(o, at, -1);
  return at + 4;
}

export function putInt32(o: Uint8Array, at: number, v: number): number {
  be32(o, at, 4);
  be32(o, at + 4, v);
  return at + 8;
}

/** bigint from a safe integer */
export function putInt64(o: Uint8Array, at: number, v: number): number {
  be32(o, at, 8);
  const hi = Math.floor(v / TWO_32);
  be32(o, at + 4, hi);
  be32(o, at + 8, v - hi * TWO_32);
  return at + 12;
}

/** timestamptz from Unix ms: microseconds since 2000-01-01 UTC */
export function putTimestamptz(o: Uint8Array, at: number, ms: number): number {
  return putInt64(o, at, Math.round((ms - PG_EPOCH_MS) * 1000));
}

/** date from 'YYYY-MM-DD': days since 2000-01-01 */
export function putDate(o: Uint8Array, at: number, day: string): number {
  return putInt32(o, at, dayNumber(day));
}

/** text whose UTF-8 bytes are src[start, end); a loop, as the fields are short (set() pays off only on long ones) */
export function putBytes(o: Uint8Array, at: number, src: Uint8Array, start: number, end: number): number {
  const n = end - start;
  be32(o, at, n);
  at += 4;
  if (n <= 48) for (let i = start; i < end; i++) o[at++] = src[i]!;
  else {
    o.set(src.subarray(start, end), at);
    at += n;
  }
  return at;
}

/** Bytes a field of a text of `chars` UTF-16 units can take, with its length word. */
const textRoom = (chars: number) => 4 + chars * 3;

export class BinaryCopyWriter {
  private buf: Buffer;
  private at = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** The file header: once, before the first row of a COPY. */
  header(): this {
    this.room(SIGNATURE.length);
    SIGNATURE.copy(this.buf, this.at);
    this.at += SIGNATURE.length;
    return this;
  }

  /** The end-of-data marker: once, after the last row. */
  trailer(): this {
    return this.row(-1);
  }

  /** Starts a row of `fields` values. */
  row(fields: number): this {
    this.room(2);
    this.buf[this.at] = fields >>> 8;
    this.buf[this.at + 1] = fields;
    this.at += 2;
    return this;
  }

  null(): this {
    this.room(4);
    this.at = putNull(this.buf, this.at);
    return this;
  }

  /** text (UTF-8). ASCII, the common case for numbers and ids, is copied a character at a time: cheaper than Buffer#write for short strings. */
  text(s: string): this {
    const n = s.length;
    this.room(textRoom(n));
    const b = this.buf;
    const start = this.at + 4;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) break;
      b[start + i] = c;
    }
    const len = i === n ? n : i + b.write(s.slice(i), start + i, 'utf8');
    be32(b, this.at, len);
    this.at = start + len;
    return this;
  }

  textOrNull(s: string | null): this {
    return s === null ? this.null() : this.text(s);
  }

  int32(v: number): this {
    this.room(8);
    this.at = putInt32(this.buf, this.at, v);
    return this;
  }

  int64(v: number): this {
    this.room(12);
    this.at = putInt64(this.buf, this.at, v);
    return this;
  }

  int64OrNull(v: number | null): this {
    return v === null ? this.null() : this.int64(v);
  }

  /** timestamptz from Unix ms */
  timestamptz(ms: number): this {
    this.room(12);
    this.at = putTimestamptz(this.buf, this.at, ms);
    return this;
  }

  timestamptzOrNull(ms: number | null): this {
    return ms === null ? this.null() : this.timestamptz(ms);
  }

  /** date from 'YYYY-MM-DD' */
  date(day: string): this {
    this.room(8);
    this.at = putDate(this.buf, this.at, day);
    return this;
  }

  /** text whose UTF-8 bytes are src[start, end) (a field of the file itself) */
  bytes(src: Uint8Array, start: number, end: number): this {
    this.room(4 + end - start);
    this.at = putBytes(this.buf, this.at, src, start, end);
    return this;
  }

  /** a value already in its send format (e.g. a uuid's 16 bytes) */
  raw(bytes: Uint8Array): this {
    return this.bytes(bytes, 0, bytes.length);
  }

  /**
   * For a hot path writing a whole row by hand with the put* functions: room for `n` more bytes,
   * the buffer to write into from `offset`, then `advance` to where the row ended.
   */
  reserve(n: number): Buffer {
    this.room(n);
    return this.buf;
  }

  get offset(): number {
    return this.at;
  }

  advance(to: number): void {
    this.at = to;
  }

  get length(): number {
    return this.at;
  }

  /** What was written since the last take, as a buffer of its own; the writer starts over. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.at));
    this.at = 0;
    return out;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }
}

const dayNumbers = new Map<string, number>();
/** 'YYYY-MM-DD' → days since 2000-01-01, cached: a file's calls fall on a few dozen days. */
function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
    if (Number.isNaN(ms)) throw new Error(`not a date: ${day}`);
    n = (ms - PG_EPOCH_MS) / DAY_MS;
    if (dayNumbers.size < 10_000) dayNumbers.set(day, n);
  }
  return n;
}
