// call_records partitioned by office and month (migration 0006), through the import itself
// (importCallFile), against PGlite and PostgreSQL: a file of two months lands in two partitions
// (the second month spilled to disk on PostgreSQL), the month is the office day's, later files of
// a month skip what it holds, a record id stored in another month is skipped, rows written by plain
// SQL need their month's partition (ensureCallMonth), a refused file leaves no table behind, offices
// are independent, concurrent imports of one office are serialised and of two offices do not
// deadlock, and the migration moves old rows.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffice, migrate, type Db } from '../server/src/index';
import { loadMigrations } from '../server/src/db/migrate';
import { ImportRefused, importCallFile, type ImportResult } from '../server/src/billing/callImport';
import { ensureCallMonth } from '../server/src/billing/callPartitions';
import type { CarrierMapping } from '../shared/billing/index';
import { openTestDb, putBillingAccounts, suiteTitle, testBackends } from './server-harness';

const backends = await testBackends();

const HEADER = ['流水号', '计费号码', '主叫号码', '被叫号码', '开始时间', '通话时长', '话费'];
const MAPPING: CarrierMapping = {
  columns: { carrierRecordId: '流水号', hotline: '计费号码', caller: '主叫号码', forwardedTo: '被叫号码', startAt: '开始时间', durationSeconds: '通话时长', feeFen: '话费' },
  feeUnit: 'yuan',
};
const HOT = ['4008201001', '4008201002'];
const TARIFF = [20, 15];

/** A carrier row: its record id, account (index into HOT), start in the carrier's wall-clock time, seconds. */
interface Call {
  id: string;
  acct: number;
  start: string;
  seconds: number;
  /** a number other than the account's (one no account holds) */
  hotline?: string;
}
const minutesOf = (c: Call) => Math.ceil(c.seconds / 60);
const csv = (calls: Call[], eol = '\n') =>
  [HEADER.join(','), ...calls.map((c) => `${c.id},${c.hotline ?? HOT[c.acct]},13800138000,037167891234,${c.start},${c.seconds},${(minutesOf(c) * 0.2).toFixed(2)}`)].join(eol) + eol;
const call = (id: string, start: string, acct = 0, seconds = 61): Call => ({ id, acct, start, seconds });

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
const p2 = (n: number) => String(n).padStart(2, '0');

/** The partition of an office's month, named as migration 0006 says (written out here, not taken from the code under test). */
const partition = (officeId: string, yyyymm: string) => `call_records_${officeId.replace(/-/g, '')}_${yyyymm}`;

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('call records by office and month', backend), () => {
    let db: Db;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      const t = await openTestDb(backend.kind, { poolSize: 10 });
      db = t.db;
      dispose = t.dispose;
    });
    afterAll(async () => {
      await dispose?.();
    });

    /** A new office with the two accounts of HOT: each test has its own, so no partition is shared between tests. */
    async function newOffice(): Promise<{ id: string; accounts: string[] }> {
      const tag = randomUUID().slice(0, 8);
      const o = await createOffice(db, { name: `分区营业厅-${tag}`, prefix: `P${tag}` });
      const accounts = HOT.map((hotline, i) => ({ id: `acct-${tag}-${i}`, hotline, tariffFenPerMinute: TARIFF[i]! }));
      await putBillingAccounts(db, o.id, accounts);
      return { id: o.id, accounts: accounts.map((a) => a.id) };
    }
    const importCalls = (officeId: string, calls: Call[], opts: { eol?: string; mapping?: CarrierMapping } = {}) =>
      importCallFile(db, officeId, null, { carrier: 'unicom', fileName: 'calls.csv', format: 'csv', bytes: new TextEncoder().encode(csv(calls, opts.eol)), mapping: opts.mapping ?? MAPPING });
    /** Where the office's rows physically are: partition → rows. */
    const placement = async (officeId: string) => {
      const r = await db.query<{ t: string; n: number }>('SELECT tableoid::regclass::text AS t, COUNT(*)::int AS n FROM call_records WHERE office_id = $1 GROUP BY 1 ORDER BY 1', [officeId]);
      return Object.fromEntries(r.rows.map((x) => [x.t, x.n]));
    };
    /** The office's partitions attached to call_records (pg_inherits), by name. */
    const attached = async (officeId: string) => {
      const prefix = `call_records_${officeId.replace(/-/g, '')}_`;
      const r = await db.query<{ t: string }>(
        "SELECT c.relname AS t FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'call_records'::regclass AND starts_with(c.relname::text, $1) ORDER BY 1",
        [prefix],
      );
      return r.rows.map((x) => x.t);
    };
    const tableExists = async (name: string) => (await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name])).rows[0]!.t !== null;
    /** Usage per month of the office day, as the billing run reads it (local_day). */
    const usage = async (officeId: string) => {
      const r = await db.query<{ m: string; n: number; minutes: number; fen: number }>(
        "SELECT to_char(local_day, 'YYYY-MM') AS m, COUNT(*)::int AS n, SUM(billable_minutes)::int AS minutes, SUM(rated_fen)::int AS fen FROM call_records WHERE office_id = $1 GROUP BY 1 ORDER BY 1",
        [officeId],
      );
      return r.rows;
    };
    const stored = async (officeId: string) =>
      (await db.query<{ id: string; day: string; importId: string; startUtc: string; t: string }>(
        `SELECT carrier_record_id AS id, local_day::text AS day, import_id::text AS "importId", to_char(start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS "startUtc", tableoid::regclass::text AS t
           FROM call_records WHERE office_id = $1 ORDER BY 1`,
        [officeId],
      )).rows;
    /** Rows written by plain SQL, not by an import (a manual fix, an older server): they go wherever call_records routes them. */
    const insertPlain = (officeId: string, account: string, rows: { id: string; day: string }[], importId = randomUUID()) =>
      db.query(
        `INSERT INTO call_records (office_id, carrier, carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, end_at, duration_s, local_day, billable_minutes, tariff_fen, rated_fen, import_id)
         SELECT $1, 'unicom', id, $2, $3, '13800138000', '037167891234', (d + time '10:00') AT TIME ZONE 'Asia/Shanghai', (d + time '10:01') AT TIME ZONE 'Asia/Shanghai', 60, d, 1, 20, 20, $4
           FROM unnest($5::text[], $6::date[]) AS t(id, d)`,
        [officeId, HOT[0], account, importId, rows.map((r) => r.id), rows.map((r) => r.day)],
      );
    const expectedUsage = (calls: Call[], monthOf: (c: Call) => string) => {
      const by = new Map<string, { m: string; n: number; minutes: number; fen: number }>();
      for (const c of calls) {
        const m = monthOf(c);
        const u = by.get(m) ?? { m, n: 0, minutes: 0, fen: 0 };
        u.n++;
        u.minutes += minutesOf(c);
        u.fen += minutesOf(c) * TARIFF[c.acct]!;
        by.set(m, u);
      }
      return [...by.values()].sort((a, b) => a.m.localeCompare(b.m));
    };

    it('a file of two months (28 Oct – 3 Nov, office time) read from disk imports whole into two partitions; usage per month is right', async () => {
      const { id: office } = await newOffice();
      // ~15 % October, the rest November, interleaved; the first row is October, so November is the
      // month that waits (on PostgreSQL ~51,000 rows: over the 8 MB its spill keeps in memory)
      const rnd = lcg(11);
      const n = backend.kind === 'postgres' ? 60_000 : 6_000;
      const calls: Call[] = [];
      for (let i = 0; i < n; i++) {
        const oct = i === 0 || rnd() < 0.15;
        const day = oct ? `2026-10-${28 + Math.floor(rnd() * 4)}` : `2026-11-0${1 + Math.floor(rnd() * 3)}`;
        const s = Math.floor(rnd() * 86_400);
        calls.push({ id: `M${String(i).padStart(7, '0')}`, acct: Math.floor(rnd() * 2), start: `${day} ${p2(Math.floor(s / 3600))}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`, seconds: Math.floor(rnd() * 1200) });
      }
      const dir = mkdtempSync(path.join(os.tmpdir(), 'call-partitions-test-'));
      // the import's temp files go under a directory of this test's own (os.tmpdir() reads TMPDIR),
      // watched for November's spill file while the import runs
      const tmp = path.join(dir, 'tmp');
      writeFileSync(path.join(dir, 'calls.csv'), csv(calls));
      const savedTmp = process.env.TMPDIR;
      let spilled = false;
      const watch = setInterval(() => {
        try {
          for (const d of readdirSync(tmp)) if (existsSync(path.join(tmp, d, '2026-11.copy'))) spilled = true;
        } catch {
          /* not there yet */
        }
      }, 2);
      try {
        mkdirSync(tmp);
        process.env.TMPDIR = tmp;
        const r = await importCallFile(db, office, null, { carrier: 'unicom', fileName: 'calls.csv', format: 'csv', path: path.join(dir, 'calls.csv'), mapping: MAPPING });
        expect(r).toMatchObject({ rowsRead: n, imported: n, skippedDuplicates: 0 });
        // PostgreSQL spilled November to disk and removed the file; PGlite inserts per month and spills nothing
        expect(spilled).toBe(backend.kind === 'postgres');
        expect(readdirSync(tmp)).toEqual([]);
      } finally {
        clearInterval(watch);
        if (savedTmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = savedTmp;
        rmSync(dir, { recursive: true, force: true });
      }
      const nOct = calls.filter((c) => c.start.startsWith('2026-10')).length;
      expect(nOct).toBeGreaterThan(0);
      expect(await attached(office)).toEqual([partition(office, '202610'), partition(office, '202611')]);
      expect(await placement(office)).toEqual({ [partition(office, '202610')]: nOct, [partition(office, '202611')]: n - nOct });
      expect(await usage(office)).toEqual(expectedUsage(calls, (c) => c.start.slice(0, 7)));
    }, 300_000);

    it('a two-month file the byte reader leaves to the text reader (\\r line breaks) lands in the same partitions', async () => {
      const { id: office } = await newOffice();
      const calls = Array.from({ length: 40 }, (_, i) => call(`CR${i}`, i % 3 === 0 ? `2026-11-02 0${i % 10}:00:00` : `2026-10-30 1${i % 10}:00:00`, i % 2, 30 + i * 7));
      expect(await importCalls(office, calls, { eol: '\r' })).toMatchObject({ rowsRead: 40, imported: 40, skippedDuplicates: 0 });
      const nNov = calls.filter((c) => c.start.startsWith('2026-11')).length;
      expect(await placement(office)).toEqual({ [partition(office, '202610')]: 40 - nNov, [partition(office, '202611')]: nNov });
      expect(await usage(office)).toEqual(expectedUsage(calls, (c) => c.start.slice(0, 7)));
    });

    it("a call near midnight goes to the month of the office day (Asia/Shanghai), not the carrier's or UTC's", async () => {
      const { id: office } = await newOffice();
      // carrier writing UTC: 31 Oct 23:30 UTC and 16:00 UTC are already 1 Nov in Shanghai (UTC+8); 15:59:59 is not
      const utc = await importCalls(office, [call('U1', '2026-10-31 23:30:00'), call('U2', '2026-10-31 16:00:00'), call('U3', '2026-10-31 15:59:59')], { mapping: { ...MAPPING, timeZone: 'UTC' } });
      expect(utc).toMatchObject({ imported: 3 });
      // carrier writing India time (UTC+5:30, 2.5 h behind the office): the office day changes inside the carrier's 21:00 hour
      const india = await importCalls(office, [call('K1', '2026-10-31 21:45:00'), call('K2', '2026-10-31 21:15:00')], { mapping: { ...MAPPING, timeZone: 'Asia/Kolkata' } });
      expect(india).toMatchObject({ imported: 2 });
      const oct = partition(office, '202610');
      const nov = partition(office, '202611');
      expect((await stored(office)).map(({ id, day, startUtc, t }) => ({ id, day, startUtc, t }))).toEqual([
        { id: 'K1', day: '2026-11-01', startUtc: '2026-10-31 16:15:00', t: nov },
        { id: 'K2', day: '2026-10-31', startUtc: '2026-10-31 15:45:00', t: oct },
        { id: 'U1', day: '2026-11-01', startUtc: '2026-10-31 23:30:00', t: nov },
        { id: 'U2', day: '2026-11-01', startUtc: '2026-10-31 16:00:00', t: nov },
        { id: 'U3', day: '2026-10-31', startUtc: '2026-10-31 15:59:59', t: oct },
      ]);
    });

    it('a later file of a month that has its partition adds the new rows and skips (and counts) the stored ones', async () => {
      const { id: office } = await newOffice();
      const first = await importCalls(office, ['A1', 'A2', 'A3', 'A4', 'A5'].map((id, i) => call(id, `2026-10-0${i + 1} 09:00:00`)));
      expect(first).toMatchObject({ rowsRead: 5, imported: 5, skippedDuplicates: 0 });
      const oct = partition(office, '202610');
      expect(await attached(office)).toEqual([oct]);
      // A4 and A5 again (another start time, another account: the stored row stays), A6 twice, A7 new
      const second = await importCalls(office, [call('A4', '2026-10-20 09:00:00', 1), call('A5', '2026-10-21 09:00:00'), call('A6', '2026-10-22 09:00:00'), call('A6', '2026-10-22 09:00:00'), call('A7', '2026-10-23 09:00:00')]);
      expect(second).toMatchObject({ rowsRead: 5, imported: 2, skippedDuplicates: 3 });
      expect(await attached(office)).toEqual([oct]);
      expect(await placement(office)).toEqual({ [oct]: 7 });
      const rows = await stored(office);
      expect(rows.find((r) => r.id === 'A4')).toMatchObject({ day: '2026-10-04', importId: first.importId });
      expect(rows.filter((r) => r.importId === second.importId).map((r) => r.id)).toEqual(['A6', 'A7']);
      const log = await db.query<{ imported: number; skipped_duplicates: number }>('SELECT imported, skipped_duplicates FROM call_imports WHERE id = $1', [second.importId]);
      expect(log.rows).toEqual([{ imported: 2, skipped_duplicates: 3 }]);
    });

    it('a record id stored in another month is skipped and counted, in either direction and with the partition new or existing', async () => {
      const { id: office } = await newOffice();
      const oct = partition(office, '202610');
      const nov = partition(office, '202611');
      const dec = partition(office, '202612');
      const r1 = await importCalls(office, [call('X1', '2026-10-15 10:00:00'), call('X5', '2026-10-16 10:00:00')]);
      expect(r1).toMatchObject({ imported: 2 });
      // November has no partition yet (on PostgreSQL: the bulk load)
      expect(await importCalls(office, [call('X1', '2026-11-05 10:00:00'), call('X2', '2026-11-05 11:00:00')])).toMatchObject({ rowsRead: 2, imported: 1, skippedDuplicates: 1 });
      // November has its partition now (the stage and ON CONFLICT)
      expect(await importCalls(office, [call('X1', '2026-11-06 10:00:00'), call('X5', '2026-11-07 10:00:00'), call('X3', '2026-11-06 11:00:00')])).toMatchObject({ rowsRead: 3, imported: 1, skippedDuplicates: 2 });
      // back to October with an id stored in November
      expect(await importCalls(office, [call('X2', '2026-10-20 10:00:00')])).toMatchObject({ rowsRead: 1, imported: 0, skippedDuplicates: 1 });
      // one file of three months: X6 in October and again in November (a repeat inside the file), X1 in December
      expect(await importCalls(office, [call('X6', '2026-10-21 10:00:00'), call('X6', '2026-11-08 10:00:00'), call('X7', '2026-12-01 10:00:00'), call('X1', '2026-12-02 10:00:00')])).toMatchObject({
        rowsRead: 4,
        imported: 2,
        skippedDuplicates: 2,
      });
      const rows = await stored(office);
      expect(rows.map(({ id, day, t }) => ({ id, day, t }))).toEqual([
        { id: 'X1', day: '2026-10-15', t: oct },
        { id: 'X2', day: '2026-11-05', t: nov },
        { id: 'X3', day: '2026-11-06', t: nov },
        { id: 'X5', day: '2026-10-16', t: oct },
        { id: 'X6', day: '2026-10-21', t: oct },
        { id: 'X7', day: '2026-12-01', t: dec },
      ]);
      expect(rows.find((r) => r.id === 'X1')!.importId).toBe(r1.importId);
    });

    // The import's per-month id range is in the database's order (UTF-8 bytes, IdRange), not
    // JavaScript's (UTF-16 code units): with <, such ids stored in another month were stored twice.
    it('record ids outside the Basic Multilingual Plane stored in another month are skipped too', async () => {
      const { id: office } = await newOffice();
      // '😀' (U+1F600) sorts before '＃' (U+FF03) in JavaScript (UTF-16 code units: a surrogate, 0xD83D) but
      // after it in the database (COLLATE "C": UTF-8 bytes, F0 > EF) — the two must agree on the ids' range
      const ids = ['Z\u{1F600}', 'Z\uFF03'];
      expect(ids[0]! < ids[1]!).toBe(true);
      const cmp = await db.query<{ lt: boolean }>('SELECT ($1::text COLLATE "C") < ($2::text COLLATE "C") AS lt', ids);
      expect(cmp.rows[0]!.lt).toBe(false);
      expect(await importCalls(office, ids.map((id, i) => call(id, `2026-10-1${i} 10:00:00`)))).toMatchObject({ imported: 2 });
      expect(await importCalls(office, ids.map((id, i) => call(id, `2026-11-1${i} 10:00:00`)))).toMatchObject({ rowsRead: 2, imported: 0, skippedDuplicates: 2 });
      // stored once each, in October (listed in the database's order: 'Z＃' before 'Z😀')
      expect((await stored(office)).map((r) => [r.id, r.day])).toEqual([[ids[1], '2026-10-11'], [ids[0], '2026-10-10']]);
    });

    it("a row written by plain SQL for a month without its partition is refused; after ensureCallMonth it is stored there and an import skips it", async () => {
      const { id: office, accounts } = await newOffice();
      const dec = partition(office, '202612');
      const plainImport = randomUUID();
      // no DEFAULT partition (two offices' imports deadlocked on it): the row has nowhere to go
      await expect(insertPlain(office, accounts[0]!, [{ id: 'D1', day: '2026-12-05' }], plainImport)).rejects.toThrow(/no partition of relation "call_records" found for row/);
      expect(await tableExists(dec)).toBe(false);
      expect((await ensureCallMonth(db, office, '2026-12')).table).toBe(dec);
      await ensureCallMonth(db, office, '2026-12'); // a second call finds it
      await insertPlain(office, accounts[0]!, [{ id: 'D1', day: '2026-12-05' }, { id: 'D2', day: '2026-12-05' }], plainImport);
      expect(await attached(office)).toEqual([dec]);
      // D2 again in December, D1 sent as January (another month), D4 new
      const r = await importCalls(office, [call('D2', '2026-12-06 10:00:00'), call('D4', '2026-12-07 10:00:00'), call('D1', '2027-01-08 10:00:00')]);
      expect(r).toMatchObject({ rowsRead: 3, imported: 1, skippedDuplicates: 2 });
      expect((await stored(office)).map(({ id, day, importId, t }) => ({ id, day, plain: importId === plainImport, t }))).toEqual([
        { id: 'D1', day: '2026-12-05', plain: true, t: dec },
        { id: 'D2', day: '2026-12-05', plain: true, t: dec },
        { id: 'D4', day: '2026-12-07', plain: false, t: dec },
      ]);
      // the January partition the import made for D1 is attached, and empty
      expect(await attached(office)).toEqual([dec, partition(office, '202701')]);
    });

    it('a refused file (one bad row) leaves no partition or table behind and call_records unchanged', async () => {
      const { id: office } = await newOffice();
      const imports = async () => Number((await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM call_imports WHERE office_id = $1', [office])).rows[0]!.n);
      const jan = partition(office, '202701');
      const feb = partition(office, '202702');
      const mar = partition(office, '202703');
      // new months only: the bad row is in the second month, after the first month's rows were written
      const bad = [call('R1', '2027-01-10 10:00:00'), call('R2', '2027-02-10 10:00:00'), call('R3', '2027-02-30 10:00:00'), call('R4', '2027-01-11 10:00:00')];
      const refused = importCalls(office, bad);
      await expect(refused).rejects.toBeInstanceOf(ImportRefused);
      await expect(refused).rejects.toMatchObject({ errorCount: 1, errors: [{ row: 4, field: 'startAt' }] });
      expect({ jan: await tableExists(jan), feb: await tableExists(feb) }).toEqual({ jan: false, feb: false });
      expect(await attached(office)).toEqual([]);
      expect(await placement(office)).toEqual({});
      expect(await imports()).toBe(0);

      // a month that has its partition and a new one: a number no account holds refuses the file
      expect(await importCalls(office, [call('R5', '2027-01-12 10:00:00')])).toMatchObject({ imported: 1 });
      const before = await stored(office);
      const unknown = importCalls(office, [call('R6', '2027-01-13 10:00:00'), call('R7', '2027-03-01 10:00:00'), { ...call('R8', '2027-03-02 10:00:00'), hotline: '4009999999' }]);
      await expect(unknown).rejects.toMatchObject({ errorCount: 1, errors: [{ row: 4, field: 'hotline' }] });
      expect(await tableExists(mar)).toBe(false);
      expect(await attached(office)).toEqual([jan]);
      expect(await stored(office)).toEqual(before);
      expect(await imports()).toBe(1);
    });

    it("another office's import of the same record ids is independent: both offices store them", async () => {
      const a = await newOffice();
      const b = await newOffice();
      const calls = [call('S1', '2026-10-05 10:00:00'), call('S2', '2026-10-06 10:00:00', 1), call('S3', '2026-11-01 10:00:00')];
      expect(await importCalls(a.id, calls)).toMatchObject({ imported: 3, skippedDuplicates: 0 });
      // office A also has S9 in May (plain SQL into the month's partition)
      await ensureCallMonth(db, a.id, '2027-05');
      await insertPlain(a.id, a.accounts[0]!, [{ id: 'S9', day: '2027-05-01' }]);
      const rb = await importCalls(b.id, [...calls, call('S9', '2026-11-02 10:00:00')]);
      expect(rb).toMatchObject({ rowsRead: 4, imported: 4, skippedDuplicates: 0 });
      expect(await placement(a.id)).toEqual({ [partition(a.id, '202610')]: 2, [partition(a.id, '202611')]: 1, [partition(a.id, '202705')]: 1 });
      expect(await placement(b.id)).toEqual({ [partition(b.id, '202610')]: 2, [partition(b.id, '202611')]: 2 });
      // and office B's rows are B's accounts, A's keep theirs
      const accountsOf = async (office: string) => (await db.query<{ a: string }>('SELECT DISTINCT account_id AS a FROM call_records WHERE office_id = $1 ORDER BY 1', [office])).rows.map((r) => r.a);
      expect(await accountsOf(b.id)).toEqual(b.accounts);
      expect(await accountsOf(a.id)).toEqual(a.accounts);
    });

    it.skipIf(backend.kind !== 'postgres')('two imports of the same file at the same time: one stores every row, the other skips every row', async () => {
      const { id: office } = await newOffice();
      const calls = Array.from({ length: 3000 }, (_, i) => call(`C${String(i).padStart(5, '0')}`, `2026-1${i % 2}-${p2(1 + (i % 28))} 10:00:00`, i % 2));
      const results: ImportResult[] = await Promise.all([importCalls(office, calls), importCalls(office, calls)]);
      const shape = results.map((r) => ({ rowsRead: r.rowsRead, imported: r.imported, skippedDuplicates: r.skippedDuplicates })).sort((x, y) => x.imported - y.imported);
      expect(shape).toEqual([
        { rowsRead: 3000, imported: 0, skippedDuplicates: 3000 },
        { rowsRead: 3000, imported: 3000, skippedDuplicates: 0 },
      ]);
      expect(await placement(office)).toEqual({ [partition(office, '202610')]: 1500, [partition(office, '202611')]: 1500 });
    });

    // This deadlocked ("deadlock detected") while call_records had a DEFAULT partition: each import
    // read it, and attaching a partition next to it needs it exclusively.
    it.skipIf(backend.kind !== 'postgres')('imports of two offices at the same time both succeed', async () => {
      const a = await newOffice();
      const b = await newOffice();
      const calls = Array.from({ length: 3000 }, (_, i) => call(`O${String(i).padStart(5, '0')}`, `2026-10-${p2(1 + (i % 28))} 10:00:00`, i % 2));
      // allSettled: both imports have finished (committed or rolled back) before the test goes on
      const settled = await Promise.allSettled([importCalls(a.id, calls), importCalls(b.id, calls)]);
      expect(settled.map((x) => (x.status === 'fulfilled' ? x.value.imported : (x.reason as Error).message))).toEqual([3000, 3000]);
      expect(await placement(a.id)).toEqual({ [partition(a.id, '202610')]: 3000 });
      expect(await placement(b.id)).toEqual({ [partition(b.id, '202610')]: 3000 });
    });

    it('migration 0006 moves rows stored before it into per-office, per-month partitions', async () => {
      const old = await openTestDb(backend.kind, { poolSize: 2, migrations: loadMigrations().filter((m) => m.version <= 5) });
      try {
        const q = old.db;
        expect((await q.query<{ k: string }>("SELECT relkind::text AS k FROM pg_class WHERE relname = 'call_records'")).rows).toEqual([{ k: 'r' }]);
        const offices = [randomUUID(), randomUUID()];
        for (const [i, id] of offices.entries()) await q.query('INSERT INTO offices (id, name, prefix) VALUES ($1, $2, $3)', [id, `迁移营业厅${i}`, `MIG${i}`]);
        // the old way: one table, key (office, carrier, record id); the same id in both offices
        const rows: [number, string, string][] = [
          [0, 'G1', '2026-10-01'], [0, 'G2', '2026-10-31'], [0, 'G3', '2026-10-15'], [0, 'G4', '2026-11-01'], [0, 'G5', '2026-11-30'],
          [1, 'G1', '2026-10-20'], [1, 'H1', '2026-11-02'], [1, 'H2', '2026-11-03'], [1, 'H3', '2026-11-04'], [1, 'H4', '2026-11-05'],
        ];
        for (const [o, id, day] of rows)
          await q.query(
            `INSERT INTO call_records (office_id, carrier, carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, end_at, duration_s, local_day, billable_minutes, tariff_fen, rated_fen, import_id)
             VALUES ($1, 'unicom', $2, $3, 'acct-old', '13800138000', '037167891234', ($4::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', ($4::date + time '10:02') AT TIME ZONE 'Asia/Shanghai', 120, $4::date, 2, 20, 40, $5)`,
            [offices[o], id, HOT[0], day, randomUUID()],
          );
        const snapshot = async () =>
          (await q.query('SELECT office_id::text AS o, carrier_record_id AS id, local_day::text AS day, start_at, rated_fen::int AS fen, import_id::text AS imp FROM call_records ORDER BY 1, 2')).rows;
        const before = await snapshot();
        expect(before).toHaveLength(10);

        // (later migrations, if any, come after it)
        expect((await migrate(q)).applied[0]).toBe('0006_call_records_by_office_month');
        expect(await snapshot()).toEqual(before);
        const where = (await q.query<{ t: string; n: number }>('SELECT tableoid::regclass::text AS t, COUNT(*)::int AS n FROM call_records GROUP BY 1 ORDER BY 1')).rows;
        expect(Object.fromEntries(where.map((x) => [x.t, x.n]))).toEqual({
          [partition(offices[0]!, '202610')]: 3,
          [partition(offices[0]!, '202611')]: 2,
          [partition(offices[1]!, '202610')]: 1,
          [partition(offices[1]!, '202611')]: 4,
        });
        expect((await q.query<{ t: string | null }>("SELECT to_regclass('call_records_default')::text AS t")).rows[0]!.t).toBeNull();
        expect((await q.query<{ t: string | null }>("SELECT to_regclass('call_records_before_0006')::text AS t")).rows[0]!.t).toBeNull();
        // each partition has the import's unique key and account/day index
        // (names within PostgreSQL's 63 characters: "<partition>_acct_day")
        const p = partition(offices[1]!, '202611');
        const idx = await q.query("SELECT i.indexrelid::regclass::text AS n, i.indisunique AS u, regexp_replace(pg_get_indexdef(i.indexrelid), '^.* USING ', '') AS d FROM pg_index i WHERE i.indrelid = $1::regclass ORDER BY 3", [p]);
        expect(idx.rows).toEqual([
          { n: `${p}_acct_day`, u: false, d: 'btree (account_id, local_day)' },
          { n: `${p}_record`, u: true, d: 'btree (carrier, carrier_record_id)' },
        ]);
        await expect(q.query(`INSERT INTO call_records SELECT * FROM "${p}" LIMIT 1`)).rejects.toThrow(/duplicate key/);
      } finally {
        await old.dispose();
      }
    });
  });
}
