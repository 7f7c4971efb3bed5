import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { Queryable } from '../db/index';
import { copyFromChunks } from '../db/copy';
import { BinaryCopyWriter } from '../db/copyBinary';
import { attach, buildIndexes, callMonth, openMonth, removeStoredElsewhere, type CallMonth } from './callPartitions';
import { CALL_COLUMNS, CallRowEncoder } from './callRows';
import type { RatedCall } from './importMap';

/** What the load of one office month found. */
export interface MonthTally {
  p: CallMonth;
  rows: number;
  minId: string;
  maxId: string;
}

export function tallyRow(months: Map<string, MonthTally>, officeId: string, r: RatedCall): MonthTally {
  const key = r.call.localDay.slice(0, 7);
  let t = months.get(key);
  if (!t) months.set(key, (t = { p: callMonth(officeId, key), rows: 0, minId: r.call.carrierRecordId, maxId: r.call.carrierRecordId }));
  t.rows++;
  const id = r.call.carrierRecordId;
  if (id < t.minId) t.minId = id;
  else if (id > t.maxId) t.maxId = id;
  return t;
}

/** Rows of a month other than the file's first, kept in binary COPY form in a temp file until the first month's COPY is done. */
class MonthSpill {
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
    if (this.out) {
      await this.flush(true);
      this.out.end();
      await once(this.out, 'close');
      yield* createReadStream(this.file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
    } else {
      yield this.writer.take();
    }
  }
}

/**
 * The PostgreSQL load: binary COPY, month by month. The file's first month goes straight into
 * COPY while the file is read; rows of any other month wait in a temp file (carriers' files
 * usually hold one month; one following a billing cycle holds two). A month without a partition
 * is loaded bare, indexed in one sort and attached; a month that has one is copied into a temp
 * stage and inserted with ON CONFLICT DO NOTHING (its unique key skips records already stored).
 * `checkRows` runs once every row was read, before any index is built: it throws to refuse the
 * file, and the transaction drops what was loaded. Returns the rows stored.
 */
export async function loadByCopy(
  tx: Queryable,
  officeId: string,
  carrier: string,
  importId: string,
  batches: AsyncIterable<RatedCall[]>,
  checkRows: () => void,
): Promise<number> {
  const encoder = new CallRowEncoder(officeId, carrier, importId);
  const months = new Map<string, MonthTally>();
  const spills = new Map<string, MonthSpill>();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotline-call-import-'));
  let stageReady = false;
  const stage = async () => {
    if (!stageReady) await tx.query('CREATE TEMP TABLE call_import_stage (LIKE call_records INCLUDING DEFAULTS) ON COMMIT DROP');
    stageReady = true;
    return 'call_import_stage';
  };
  /** where a month's rows are copied: its new bare table, or the stage in front of its partition */
  const targets = new Map<string, { table: string; bulk: boolean }>();
  const openTarget = async (t: MonthTally) => {
    const bulk = await openMonth(tx, officeId, t.p, true);
    const target = { table: bulk ? t.p.table : await stage(), bulk };
    targets.set(t.p.month, target);
    return target;
  };
  let stored = 0;
  /** after a month's rows are copied: index and attach the new table, or insert from the stage */
  const settle = async (t: MonthTally, target: { bulk: boolean }) => {
    if (target.bulk) {
      await buildIndexes(tx, t.p);
      await attach(tx, officeId, t.p);
      stored += t.rows;
    } else {
      stored += (await tx.query(`INSERT INTO "${t.p.table}" (${CALL_COLUMNS}) SELECT ${CALL_COLUMNS} FROM call_import_stage ON CONFLICT (carrier, carrier_record_id) DO NOTHING`)).rowCount;
      await tx.query('TRUNCATE call_import_stage');
    }
  };

  try {
    // The first month: found from the first row, then copied while the rest of the file is read.
    const it = batches[Symbol.asyncIterator]();
    let first: MonthTally | null = null;
    const main = new BinaryCopyWriter().header();
    let pending: RatedCall[] | null = null;
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      if (next.value.length) {
        pending = next.value;
        first = tallyPeek(officeId, pending[0]!);
        break;
      }
    }
    const route = async (rated: RatedCall[]) => {
      for (const r of rated) {
        const t = tallyRow(months, officeId, r);
        if (t.p.month === first!.p.month) encoder.write(main, r);
        else {
          let s = spills.get(t.p.month);
          if (!s) spills.set(t.p.month, (s = new MonthSpill(path.join(dir, `${t.p.month}.copy`))));
          encoder.write(s.writer, r);
        }
      }
      for (const s of spills.values()) await s.flush(false);
    };
    async function* mainChunks(): AsyncGenerator<Uint8Array> {
      if (pending) await route(pending);
      yield main.take();
      for (;;) {
        const next = await it.next();
        if (next.done) break;
        await route(next.value);
        if (main.length) yield main.take();
        // one event-loop turn per batch: the socket's queued COPY data goes out to the database
        // while the next batch is read and checked (that work itself never yields)
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      yield main.trailer().take();
    }
    if (first) {
      const target = await openTarget(first);
      const tc = performance.now();
      await copyFromChunks(tx, `COPY "${target.table}" (${CALL_COLUMNS}) FROM STDIN (FORMAT binary)`, mainChunks());
      if (process.env.CALL_IMPORT_TRACE) console.log('copy', Math.round(performance.now() - tc));
    } else {
      // no row passed: read to the end for the errors
      for (;;) if ((await it.next()).done) break;
    }
    checkRows();
    if (!first) return 0;
    let ts = performance.now();
    await settle(months.get(first.p.month)!, targets.get(first.p.month)!);
    if (process.env.CALL_IMPORT_TRACE) console.log('settle', Math.round(performance.now() - ts));
    ts = performance.now();
    for (const [month, spill] of spills) {
      const t = months.get(month)!;
      const target = await openTarget(t);
      await copyFromChunks(tx, `COPY "${target.table}" (${CALL_COLUMNS}) FROM STDIN (FORMAT binary)`, spill.chunks());
      await settle(t, target);
    }
    for (const t of months.values()) stored -= await removeStoredElsewhere(tx, officeId, carrier, importId, t.p, t.minId, t.maxId);
    if (process.env.CALL_IMPORT_TRACE) console.log('rest', Math.round(performance.now() - ts));
    return stored;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The month of a row, without counting it (it is counted when routed). */
function tallyPeek(officeId: string, r: RatedCall): MonthTally {
  return { p: callMonth(officeId, r.call.localDay.slice(0, 7)), rows: 0, minId: r.call.carrierRecordId, maxId: r.call.carrierRecordId };
}
