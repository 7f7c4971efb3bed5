import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Queryable } from '../db/index';
import { copyFromChunks } from '../db/copy';
import { attach, buildIndexes, openMonth, removeStoredElsewhere } from './callPartitions';
import { MonthRouter, type MonthTally } from './callMonths';
import { CALL_COLUMNS, COPY_ROW_COLUMNS, dropImportDefaults, setImportDefaults, type CallRowEncoder } from './callRows';
import type { RatedCall } from './importMap';

/**
 * Reads the whole file and writes every accepted row into the router's writers (binary COPY rows
 * of COPY_ROW_COLUMNS), pausing after each piece of the file so the COPY data written so far can go.
 */
export type CallRowSource = (router: MonthRouter) => AsyncGenerator<void>;

/** Checked and rated calls (XLSX, or a CSV read as text) as a row source. */
export function ratedCallSource(batches: AsyncIterable<RatedCall[]>, encoder: CallRowEncoder): CallRowSource {
  return async function* (router) {
    for await (const rated of batches) {
      for (const r of rated) encoder.write(router.writerFor(r.call.localDay, r.call.carrierRecordId), r);
      yield;
    }
  };
}

/**
 * The PostgreSQL load: binary COPY, month by month. The file's first month goes straight into
 * COPY while the file is read; rows of any other month wait in a spill (carriers' files usually
 * hold one month; one following a billing cycle holds two). A month without a partition is loaded
 * bare, indexed in one sort and attached; a month that has one is copied into a temp stage and
 * inserted with ON CONFLICT DO NOTHING (its unique key skips records already stored).
 * `checkRows` runs once every row was read, before any index is built: it throws to refuse the
 * file, and the transaction drops what was loaded. Returns the rows stored.
 */
export async function loadByCopy(tx: Queryable, officeId: string, carrier: string, importId: string, source: CallRowSource, checkRows: () => void): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotline-call-import-'));
  const router = new MonthRouter(officeId, dir);
  const ids = { officeId, carrier, importId };
  let stageReady = false;
  /** where a month's rows are copied: its new bare table, or the stage in front of its partition */
  const targets = new Map<string, { table: string; bulk: boolean }>();
  const openTarget = async (t: MonthTally) => {
    const bulk = await openMonth(tx, officeId, t.p, true);
    if (bulk) await setImportDefaults(tx, t.p.table, ids);
    else if (!stageReady) {
      await tx.query('CREATE TEMP TABLE call_import_stage (LIKE call_records INCLUDING DEFAULTS) ON COMMIT DROP');
      await setImportDefaults(tx, 'call_import_stage', ids);
      stageReady = true;
    }
    const target = { table: bulk ? t.p.table : 'call_import_stage', bulk };
    targets.set(t.p.month, target);
    return target;
  };
  const copyInto = (table: string, chunks: AsyncIterable<Uint8Array>) => copyFromChunks(tx, `COPY "${table}" (${COPY_ROW_COLUMNS}) FROM STDIN (FORMAT binary)`, chunks);
  let stored = 0;
  /** after a month's rows are copied: index and attach the new table, or insert from the stage */
  const settle = async (t: MonthTally) => {
    if (targets.get(t.p.month)!.bulk) {
      await dropImportDefaults(tx, t.p.table);
      // Each index is one sort of the month's rows: in memory, and shared with a parallel worker
      // (PostgreSQL gives each participant at least 32 MB, so the default 64 MB allows one). On a
      // million rows the account/day index took 2.1 s alone and 1.05 s with one worker (psql).
      await tx.query("SET LOCAL maintenance_work_mem = '128MB'");
      await buildIndexes(tx, t.p);
      await attach(tx, officeId, t.p);
      stored += t.rows;
    } else {
      stored += (await tx.query(`INSERT INTO "${t.p.table}" (${CALL_COLUMNS}) SELECT ${CALL_COLUMNS} FROM call_import_stage ON CONFLICT (carrier, carrier_record_id) DO NOTHING`)).rowCount;
      await tx.query('TRUNCATE call_import_stage');
    }
  };

  try {
    // Read until the first row tells the first month, then COPY it while the rest is read.
    const it = source(router);
    let done = false;
    while (!router.first && !done) done = !!(await it.next()).done;
    async function* mainChunks(): AsyncGenerator<Uint8Array> {
      yield router.main.take();
      while (!(await it.next()).done) {
        await router.flushSpills();
        if (router.main.length) yield router.main.take();
        // one event-loop turn per piece: the socket's queued COPY data goes out to the database
        // while the next piece is read and checked (that work itself never yields)
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      yield router.main.trailer().take();
    }
    if (router.first) await copyInto((await openTarget(router.first)).table, mainChunks());
    checkRows();
    if (!router.first) return 0;
    await settle(router.first);
    for (const [month, spill] of router.spills) {
      const t = router.months.get(month)!;
      await copyInto((await openTarget(t)).table, spill.chunks());
      await settle(t);
    }
    for (const t of router.months.values()) stored -= await removeStoredElsewhere(tx, officeId, carrier, importId, t.p, t.ids.minId, t.ids.maxId);
    return stored;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
