/**
 * Issue 7 item 9: billing speed on PostgreSQL.
 *
 *   1. A carrier CSV of N call records (default 1,000,000) for M accounts (default 10,000) is
 *      written to a temporary file.
 *   2. Plain COPY: the same file loaded by PostgreSQL's own `COPY … FROM '<file>' CSV` into a bare
 *      table of the file's columns — the floor for getting those bytes into the database.
 *   3. Ours: `importCallFile` on the same file, streamed from disk as the HTTP upload route does —
 *      read the CSV's bytes, check every row (the byte path, else the text path's mapper and
 *      shared mapCallRows), match each number to its account, rate it (billable minutes × the
 *      package tariff) and write it as a binary COPY row of its month; the month's first file goes
 *      into a new table, indexed after the load and attached as the office month's partition
 *      (migration 0006); one transaction. Goal: ≤ 3× COPY.
 *   3b. The database's share: the import's rows, in binary form, by server-side COPY into a bare
 *      table, then the partition's two indexes built.
 *   3c. A later file of the month (into the attached partition) and the month's file again.
 *   3d. The other part: reading, checking, rating and encoding in Node with no database at all,
 *      the byte path beside the text path.
 *   4. The monthly billing run for the M accounts (usage against the minimum, features, ledger,
 *      bills, change-log records), then a re-run (changes nothing), then a collections day.
 *
 * Needs PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local test database);
 * uses a scratch database dropped afterwards. Scale with BILLING_BENCH_CALLS / BILLING_BENCH_ACCOUNTS.
 * Prints the figures and writes bench/results/billing.json. No threshold fails anything.
 *
 * Run: `npm run bench -- billing` or `npx tsx bench/billing.ts`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOffice, createScratchDatabase, migrate, openDb, type Db } from '../server/src/index';
import { createReadStream } from 'node:fs';
import { importCallFile } from '../server/src/billing/callImport';
import { csvRecords } from '../server/src/billing/importCsv';
import { CallBatchMapper, type RatedCall } from '../server/src/billing/importMap';
import { csvByteSource, type ImportPass } from '../server/src/billing/callByteSource';
import { ratedCallSource, type CallRowSource } from '../server/src/billing/callLoadCopy';
import { MonthRouter } from '../server/src/billing/callMonths';
import { CallRowEncoder } from '../server/src/billing/callRows';
import { loadBillingAccounts } from '../server/src/billing/accounts';
import { putRecords, type BillingRecordWrite } from '../server/src/billing/records';
import { runBilling } from '../server/src/billing/run';
import { runCollections } from '../server/src/billing/collections';
import { loadBillingSettings } from '../server/src/billing/settings';
import { appendLedger } from '../server/src/billing/ledger';

const root = fileURLToPath(new URL('..', import.meta.url));
const CALLS = Number(process.env.BILLING_BENCH_CALLS ?? 1_000_000);
const ACCOUNTS = Number(process.env.BILLING_BENCH_ACCOUNTS ?? 10_000);
const URL_ = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const seconds = (t0: number) => Math.round(performance.now() - t0) / 1000;
const load = () => Math.round(os.loadavg()[0]! * 10) / 10;
const hotline = (i: number) => `4008${String(100000 + i).padStart(6, '0')}`;

/** A deterministic pseudo-random sequence, so every run imports the same file. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A carrier file of `calls` records numbered from `firstId`, all in November 2026; returns the billable minutes in it. */
function writeCsv(file: string, calls = CALLS, firstId = 0): number {
  const rnd = lcg(400 + firstId);
  const lines: string[] = ['流水号,计费号码,主叫号码,被叫号码,开始时间,通话时长,话费'];
  let minutes = 0;
  for (let i = firstId; i < firstId + calls; i++) {
    const acct = Math.floor(rnd() * ACCOUNTS);
    const day = 1 + Math.floor(rnd() * 30);
    const secs = Math.floor(rnd() * 86_400);
    const dur = Math.floor(rnd() * 600);
    minutes += Math.ceil(dur / 60);
    const hh = String(Math.floor(secs / 3600)).padStart(2, '0');
    const mm = String(Math.floor((secs % 3600) / 60)).padStart(2, '0');
    const ss = String(secs % 60).padStart(2, '0');
    lines.push(`CDR${String(i).padStart(9, '0')},${hotline(acct)},138${String(i % 100_000_000).padStart(8, '0')},0371678${String(acct % 10_000).padStart(5, '0')},2026-11-${String(day).padStart(2, '0')} ${hh}:${mm}:${ss},${dur},${(Math.ceil(dur / 60) * 0.2).toFixed(2)}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  chmodSync(file, 0o644);
  return minutes;
}

async function seedOffice(db: Db): Promise<string> {
  const office = await createOffice(db, { name: '压测营业厅', prefix: `BENCH${Date.now() % 100000}` });
  const pkg = randomUUID();
  await db.transaction(async (tx) => {
    const writes: BillingRecordWrite[] = [
      { entity: 'package', id: pkg, data: { name: '标准套餐', monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, featureFees: [{ name: '彩铃', monthlyFen: 500 }] } },
    ];
    for (let i = 0; i < ACCOUNTS; i++) {
      writes.push({
        entity: 'account',
        id: `acct-${i}`,
        data: { no: `ACC-${i}`, numberDigits: hotline(i), packageId: pkg, status: 'active', stateSince: '2026-01-01', openedOn: i % 10 === 0 ? '2026-11-16' : '2026-01-01', features: i % 2 ? ['彩铃'] : [], monthlyMinimumFen: 10_000 },
      });
    }
    await putRecords(tx, office.id, writes);
    // every account prepaid 150 元 in October
    await appendLedger(tx, office.id, Array.from({ length: ACCOUNTS }, (_, i) => ({ accountId: `acct-${i}`, kind: 'prepayment' as const, amountFen: 15_000, effectiveOn: '2026-10-01', method: 'cash' as const })));
  });
  return office.id;
}

async function main() {
  const scratch = await createScratchDatabase(URL_, `hotline_bench_${process.pid}`);
  const db = await openDb({ databaseUrl: scratch.url, poolSize: 2 });
  const dir = path.join(os.tmpdir(), `hotline-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const file = path.join(dir, 'calls.csv');
  try {
    await migrate(db);
    let t0 = performance.now();
    const totalMinutes = writeCsv(file);
    const generateS = seconds(t0);
    const bytes = statSync(file).size;
    console.log(`carrier file: ${CALLS.toLocaleString()} calls for ${ACCOUNTS.toLocaleString()} accounts, ${(bytes / 1e6).toFixed(1)} MB (${generateS} s to write)`);

    t0 = performance.now();
    const officeId = await seedOffice(db);
    const seedS = seconds(t0);

    // Plain COPY of the same file into a bare table of its columns (server-side file read).
    await db.exec('CREATE TABLE copy_floor (id text, hotline text, caller text, forwarded_to text, start_at timestamp, duration_s integer, fee numeric)');
    t0 = performance.now();
    await db.query(`COPY copy_floor FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`);
    let copyS = seconds(t0);
    const copied = (await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM copy_floor')).rows[0]!.n;
    console.log(`plain COPY: ${copied.toLocaleString()} rows in ${copyS} s`);

    const mapping = { columns: { carrierRecordId: '流水号', hotline: '计费号码', caller: '主叫号码', forwardedTo: '被叫号码', startAt: '开始时间', durationSeconds: '通话时长', feeFen: '话费' }, feeUnit: 'yuan' as const };
    const loadBefore = load();
    t0 = performance.now();
    const imported = await importCallFile(db, officeId, null, { carrier: 'telecom', fileName: 'calls.csv', format: 'csv', path: file, mapping });
    const importS = seconds(t0);
    // The load moves while the import runs: COPY again right after it and compare with the mean.
    await db.exec('TRUNCATE copy_floor');
    t0 = performance.now();
    await db.query(`COPY copy_floor FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`);
    const copyAfterS = seconds(t0);
    const copyBeforeS = copyS;
    copyS = Math.round(((copyBeforeS + copyAfterS) / 2) * 1000) / 1000;
    console.log(`plain COPY again after the import: ${copyAfterS} s (mean ${copyS} s)`);
    const ratio = Math.round((importS / copyS) * 100) / 100;
    console.log(`import + rate: ${imported.imported.toLocaleString()} rows in ${importS} s = ${ratio}× plain COPY ${copyS} s (goal ≤ 3×; load average ${loadBefore} → ${load()})`);
    console.log(`  of which Node reading, checking, rating and encoding ${(imported.timings.parseMs + imported.timings.mapMs) / 1000} s (overlapping the database's ingest)`);

    // The database's whole share of the import: the import's own rows, in its binary COPY form,
    // loaded by PostgreSQL's COPY into a bare table shaped like call_records, then the partition's
    // two indexes built (what the import does for a month's first file). Node's share overlaps the
    // COPY; what the import takes beyond this is what did not overlap.
    const rowsFile = path.join(os.tmpdir(), `hotline-bench-${process.pid}-rows.copy`);
    const cols = 'office_id, carrier, carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, answer_at, end_at, duration_s, caller_province, caller_city, carrier_fee_fen, local_day, billable_minutes, tariff_fen, rated_fen, import_id';
    await db.query(`COPY (SELECT ${cols} FROM call_records WHERE office_id = '${officeId}') TO '${rowsFile}' (FORMAT binary)`);
    await db.exec('CREATE TABLE call_records_floor (LIKE call_records INCLUDING DEFAULTS)');
    t0 = performance.now();
    await db.query(`COPY call_records_floor (${cols}) FROM '${rowsFile}' (FORMAT binary)`);
    const bareCopyS = seconds(t0);
    await db.exec('ALTER TABLE call_records_floor ADD UNIQUE (carrier, carrier_record_id)');
    await db.exec('CREATE INDEX ON call_records_floor (account_id, local_day)');
    const indexedCopyS = seconds(t0);
    rmSync(rowsFile, { force: true });
    await db.exec('DROP TABLE call_records_floor');
    const r2 = (x: number) => Math.round((x / copyS) * 100) / 100;
    console.log(`the database's share (the import's binary rows by server-side COPY into a bare table, then its two indexes): ${indexedCopyS} s = ${r2(indexedCopyS)}× COPY (the COPY alone ${bareCopyS} s = ${r2(bareCopyS)}×)`);

    // A later file of the same month (a daily file): into the month's attached, indexed partition.
    const dailyFile = path.join(dir, 'daily.csv');
    const dailyCalls = Math.max(1, Math.round(CALLS / 30));
    const dailyMinutes = writeCsv(dailyFile, dailyCalls, CALLS);
    t0 = performance.now();
    const daily = await importCallFile(db, officeId, null, { carrier: 'telecom', fileName: 'daily.csv', format: 'csv', path: dailyFile, mapping });
    const dailyS = seconds(t0);
    console.log(`a later file of the month: ${daily.imported.toLocaleString()} rows in ${dailyS} s (${Math.round(daily.imported / dailyS).toLocaleString()} rows/s)`);
    // The month's file again: every record already stored, skipped and counted.
    t0 = performance.now();
    const again = await importCallFile(db, officeId, null, { carrier: 'telecom', fileName: 'calls.csv', format: 'csv', path: file, mapping });
    const againS = seconds(t0);
    console.log(`the month's file again: ${again.imported} imported, ${again.skippedDuplicates.toLocaleString()} skipped in ${againS} s`);

    // The other side: reading, checking, rating and encoding the same file with no database at all —
    // the import's byte path, and beside it the text path (XLSX, UTF-16 and \r-only files; the path
    // every CSV took before the byte path) with the same binary encoding.
    const settings = await loadBillingSettings(db, officeId);
    const accounts = await loadBillingAccounts(db, officeId);
    const spillDir = path.join(dir, 'spill');
    mkdirSync(spillDir, { recursive: true });
    const drain = async (source: CallRowSource) => {
      const router = new MonthRouter(officeId, spillDir);
      let rows = 0;
      for await (const _ of source(router)) router.main.take();
      for (const t of router.months.values()) rows += t.rows;
      return rows;
    };
    t0 = performance.now();
    const bytePass: ImportPass = { mapper: null, rated: 0, parseMs: 0, mapMs: 0 };
    const ratedInJs = await drain((await csvByteSource({ path: file }, mapping, settings.timeZone, accounts, bytePass))!);
    const jsOnlyS = seconds(t0);
    console.log(`Node alone, the import's byte path (read, check, rate, encode; no database): ${ratedInJs.toLocaleString()} rows in ${jsOnlyS} s = ${Math.round((jsOnlyS / copyS) * 100) / 100}× COPY`);
    t0 = performance.now();
    async function* textBatches(): AsyncGenerator<RatedCall[]> {
      let mapper: CallBatchMapper | null = null;
      for await (let batch of csvRecords(createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>)) {
        if (!mapper) {
          mapper = new CallBatchMapper(batch[0]!.cells, mapping, settings.timeZone, accounts);
          batch = batch.slice(1);
        }
        yield mapper.map(batch);
      }
    }
    const ratedInText = await drain(ratedCallSource(textBatches(), new CallRowEncoder()));
    const jsTextS = seconds(t0);
    console.log(`  the text path, same work: ${ratedInText.toLocaleString()} rows in ${jsTextS} s = ${Math.round((jsTextS / copyS) * 100) / 100}× COPY (byte path ${Math.round((jsTextS / jsOnlyS) * 10) / 10}× faster)`);

    t0 = performance.now();
    const run = await db.transaction((tx) => runBilling(tx, officeId, '2026-11', '2026-12-01', settings, null));
    const runS = seconds(t0);
    console.log(`billing run 2026-11: ${run.billsCreated.toLocaleString()} bills, ${(run.totalFen / 100).toFixed(2)} 元, ${runS} s`);
    t0 = performance.now();
    const rerun = await db.transaction((tx) => runBilling(tx, officeId, '2026-11', '2026-12-01', settings, null));
    const rerunS = seconds(t0);
    console.log(`re-run: ${rerun.billsCreated} bills created, ${rerun.billsExisting.toLocaleString()} existing, ${rerunS} s`);
    const minutesBilled = (await db.query<{ m: number }>('SELECT SUM(total_minutes)::bigint AS m FROM bills WHERE office_id = $1', [officeId])).rows[0]!.m;
    t0 = performance.now();
    const coll = await db.transaction((tx) => runCollections(tx, officeId, '2026-12-16', settings));
    const collectionsS = seconds(t0);
    console.log(`collections 2026-12-16: ${coll.accountsChecked.toLocaleString()} accounts, ${coll.lateFeeEntries.toLocaleString()} late fees, ${coll.actions.length.toLocaleString()} actions, ${collectionsS} s`);

    const result = {
      bench: 'billing',
      ok: true,
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, database: 'postgresql', loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10 },
      scale: { calls: CALLS, accounts: ACCOUNTS, fileMB: Math.round(bytes / 1e5) / 10 },
      seedSeconds: seedS,
      plainCopySeconds: copyS,
      plainCopyBeforeAfterSeconds: [copyBeforeS, copyAfterS],
      import: { seconds: importS, ratioToCopy: ratio, goalRatio: 3, withinGoal: ratio <= 3, rowsPerSecond: Math.round(imported.imported / importS), loadAverageBefore: loadBefore, ...imported },
      databaseShare: { seconds: indexedCopyS, ratioToCopy: r2(indexedCopyS), copyOnlySeconds: bareCopyS, note: "the import's rows in binary COPY form (server-side file) into a bare call_records-shaped table, then its unique key and account/day index built: the database's share of a month's first file" },
      laterFileOfMonth: { seconds: dailyS, rows: daily.imported, note: "a file of CALLS/30 new records into the month's attached, indexed partition (stage + INSERT … ON CONFLICT)" },
      sameFileAgain: { seconds: againS, imported: again.imported, skipped: again.skippedDuplicates },
      jsOnly: { seconds: jsOnlyS, rows: ratedInJs, note: "the import's byte path (csvByteSource: scanCsvBytes + ByteRowMapper) over the same file into binary COPY rows, no database" },
      jsTextPath: { seconds: jsTextS, rows: ratedInText, note: 'the text path (csvRecords + CallBatchMapper + CallRowEncoder) over the same file, no database' },
      billingRun: { seconds: runS, bills: run.billsCreated, totalFen: run.totalFen, minutesBilled, minutesInFiles: totalMinutes + dailyMinutes },
      billingReRun: { seconds: rerunS, billsCreated: rerun.billsCreated, billsExisting: rerun.billsExisting },
      collections: { seconds: collectionsS, accounts: coll.accountsChecked, lateFeeEntries: coll.lateFeeEntries, actions: coll.actions.length },
      at: new Date().toISOString(),
    };
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    writeFileSync(path.join(root, 'bench/results/billing.json'), JSON.stringify(result, null, 2) + '\n');
    console.log('→ bench/results/billing.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
    await scratch.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
