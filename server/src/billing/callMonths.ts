import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { BinaryCopyWriter } from '../db/copyBinary';
import { callMonth, type CallMonth } from './callPartitions';
import { IdRange } from './inFileIds';

/** What an import wrote for one office month: its partition, rows, and the range of its record ids. */
export interface MonthTally {
  p: CallMonth;
  rows: number;
  /** in the database's order (UTF-8 bytes, as carrier_record_id's COLLATE "C" compares) */
  ids: IdRange;
}

/** Rows of a month other than the file's first, kept in binary COPY form (in a temp file once large) until the first month's COPY is done. */
export class MonthSpill {
  readonly writer = new BinaryCopyWriter(1 << 16).header();
  private out: WriteStream | null = null;

  constructor(readonly file: string) {}

  /** Moves what the writer holds to the file once it is large (a file may hold another month in bulk). */
  async flush(force: boolean): Promise<void> {
    if (!force && this.writer.length < 8 << 20) return;
    this.out ??= createWriteStream(this.file);
    if (!this.out.write(this.writer.take())) await once(this.out, 'drain');
  }

  /** The whole spill as chunks for COPY: the file, then what is still in memory. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    this.writer.trailer();
    if (!this.out) {
      yield this.writer.take();
      return;
    }
    await this.flush(true);
    this.out.end();
    await once(this.out, 'close');
    yield* createReadStream(this.file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
  }
}

/**
 * Where each row of an import goes, by the month of its office day: the first month met is the
 * one COPY streams while the file is read (`main`); any other month waits in a spill. Counts rows
 * and the record id range per month.
 */
export class MonthRouter {
  readonly months = new Map<string, MonthTally>();
  readonly spills = new Map<string, MonthSpill>();
  readonly main = new BinaryCopyWriter().header();
  first: MonthTally | null = null;
  // the last day asked for and its answer: consecutive rows mostly share a day (the day strings
  // come from a cache, so the comparison is mostly by identity)
  private lastDay = '';
  private lastTally: MonthTally | null = null;
  private lastWriter: BinaryCopyWriter | null = null;
  private readonly days = new Map<string, { tally: MonthTally; writer: BinaryCopyWriter }>();

  constructor(
    private readonly officeId: string,
    private readonly spillDir: string,
  ) {}

  /** The writer for a row of `day` ('YYYY-MM-DD') with record id `id`; counts the row. */
  writerFor(day: string, id: string): BinaryCopyWriter {
    const b = Buffer.from(id, 'utf8');
    return this.writerForBytes(day, b, 0, b.length);
  }

  /** The same for a record id that is b[s, e) (the byte path: no string made). */
  writerForBytes(day: string, b: Uint8Array, s: number, e: number): BinaryCopyWriter {
    if (day !== this.lastDay) this.switchDay(day);
    const t = this.lastTally!;
    t.rows++;
    t.ids.addBytes(b, s, e);
    return this.lastWriter!;
  }

  private switchDay(day: string): void {
    const known = this.days.get(day);
    if (known) {
      this.lastDay = day;
      this.lastTally = known.tally;
      this.lastWriter = known.writer;
      return;
    }
    const key = day.slice(0, 7);
    let t = this.months.get(key);
    if (!t) this.months.set(key, (t = newTally(this.officeId, key)));
    this.first ??= t;
    this.lastDay = day;
    this.lastTally = t;
    if (t === this.first) this.lastWriter = this.main;
    else {
      let s = this.spills.get(key);
      if (!s) this.spills.set(key, (s = new MonthSpill(path.join(this.spillDir, `${key}.copy`))));
      this.lastWriter = s.writer;
    }
    this.days.set(day, { tally: t, writer: this.lastWriter });
  }

  /** Lets spills that grew large go to disk. */
  async flushSpills(): Promise<void> {
    for (const s of this.spills.values()) await s.flush(false);
  }
}

const newTally = (officeId: string, month: string): MonthTally => ({ p: callMonth(officeId, month), rows: 0, ids: new IdRange() });

/** Counts a row of `day` in its month (the load without COPY, which needs no writers). */
export function tallyRow(months: Map<string, MonthTally>, officeId: string, day: string, id: string): MonthTally {
  const key = day.slice(0, 7);
  let t = months.get(key);
  if (!t) months.set(key, (t = newTally(officeId, key)));
  t.rows++;
  t.ids.add(id);
  return t;
}
