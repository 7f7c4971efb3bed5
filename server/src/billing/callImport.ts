import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isUniqueViolation, type Db, type Queryable } from '../db/index';
import { canCopy, copyFromChunks, copyText } from '../db/copy';
import { carrierMappingSchema, type CarrierMapping, type RowError } from '../../../shared/billing/index';
import { loadBillingAccounts, type BillingAccount } from './accounts';
import { bytesSource, csvRecords, type CsvRecord } from './importCsv';
import { CallBatchMapper, type RatedCall } from './importMap';
import { xlsxRecords, type CallFileFormat } from './parseFile';
import { loadBillingSettings } from './settings';

export { accountFinder } from './importMap';

export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super(message);
  }
}

export interface ImportResult {
  importId: string;
  carrier: string;
  rowsRead: number;
  imported: number;
  /** rows whose carrier record id was already imported (or repeated in the file): skipped and counted */
  skippedDuplicates: number;
  /**
   * where the time went, ms: reading and splitting the file, checking and rating the rows, and the
   * rest (waiting for the database). The three overlap with the database's own work: it ingests
   * one batch while the next is read.
   */
  timings: { parseMs: number; mapMs: number; writeMs: number };
}

export interface CallFileInput {
  carrier: string;
  fileName: string;
  format: CallFileFormat;
  /** the file in memory (JSON upload, jobs) … */
  bytes?: Uint8Array;
  /** … or on disk (the streamed HTTP upload): read as a stream, never whole for CSV */
  path?: string;
  mapping?: CarrierMapping;
  saveMapping?: boolean;
}

export async function loadMapping(q: Queryable, officeId: string, carrier: string): Promise<CarrierMapping | null> {
  const r = await q.query<{ mapping: unknown }>('SELECT mapping FROM carrier_mappings WHERE office_id = $1 AND carrier = $2', [officeId, carrier]);
  if (!r.rows[0]) return null;
  const p = carrierMappingSchema.safeParse(r.rows[0].mapping);
  return p.success ? p.data : null;
}

export async function saveMapping(q: Queryable, officeId: string, carrier: string, mapping: CarrierMapping, userId: string | null): Promise<void> {
  await q.query(
    `INSERT INTO carrier_mappings (office_id, carrier, mapping, updated_by) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (office_id, carrier) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [officeId, carrier, JSON.stringify(mapping), userId],
  );
}

const BATCH = 5000;

const COPY_COLUMNS = 'office_id, carrier, carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, answer_at, end_at, duration_s, caller_province, caller_city, carrier_fee_fen, local_day, billable_minutes, tariff_fen, rated_fen, import_id';

const P2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAY_MS = 86_400_000;
const utcDays = new Map<number, string>();
/**
 * A UTC instant as timestamptz text ('2026-11-03 01:15:22+00') from integer arithmetic and a cache
 * of day strings: Date#toISOString for three times a row was most of the import's own time.
 */
function utcText(ms: number): string {
  if (ms % 1000 !== 0) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let d = utcDays.get(day);
  if (d === undefined) utcDays.set(day, (d = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  const sec = (ms - day * DAY_MS) / 1000;
  return `${d} ${P2[Math.floor(sec / 3600)]}:${P2[Math.floor(sec / 60) % 60]}:${P2[sec % 60]}+00`;
}

/** One batch of rated calls as lines of COPY text format. */
function copyLines(rated: readonly RatedCall[], head: string, importId: string): string {
  const iso = utcText;
  let buf = '';
  for (const { call, account, minutes } of rated) {
    buf += `${head}${copyText(call.carrierRecordId)}\t${call.hotline}\t${copyText(account.accountId)}\t${copyText(call.caller)}\t${copyText(call.forwardedTo)}\t${iso(call.startMs)}\t${call.answerMs === null ? '\\N' : iso(call.answerMs)}\t${iso(call.endMs)}\t${call.durationSeconds}\t${copyText(call.callerProvince)}\t${copyText(call.callerCity)}\t${copyText(call.carrierFeeFen)}\t${call.localDay}\t${minutes}\t${account.tariffFenPerMinute}\t${minutes * account.tariffFenPerMinute}\t${importId}\n`;
  }
  return buf;
}

/** Multi-row batches (unnest arrays) with ON CONFLICT DO NOTHING: PGlite, which has no COPY FROM STDIN. */
async function insertBatch(tx: Queryable, chunk: readonly RatedCall[], officeId: string, carrier: string, importId: string): Promise<number> {
  const n = chunk.length;
  if (n === 0) return 0;
  const ids = new Array<string>(n), hot = new Array<string>(n), acc = new Array<string>(n), caller = new Array<string>(n), fwd = new Array<string>(n);
  const st = new Array<number>(n), an = new Array<number | null>(n), en = new Array<number>(n), dur = new Array<number>(n), prov = new Array<string | null>(n);
  const city = new Array<string | null>(n), fee = new Array<number | null>(n), day = new Array<string>(n), mins = new Array<number>(n), tariff = new Array<number>(n), ratedFen = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const { call, account, minutes } = chunk[j]!;
    ids[j] = call.carrierRecordId;
    hot[j] = call.hotline;
    acc[j] = account.accountId;
    caller[j] = call.caller;
    fwd[j] = call.forwardedTo;
    // epoch seconds: to_timestamp() in SQL is cheaper than formatting and parsing ISO text
    st[j] = call.startMs / 1000;
    an[j] = call.answerMs === null ? null : call.answerMs / 1000;
    en[j] = call.endMs / 1000;
    dur[j] = call.durationSeconds;
    prov[j] = call.callerProvince;
    city[j] = call.callerCity;
    fee[j] = call.carrierFeeFen;
    day[j] = call.localDay;
    mins[j] = minutes;
    tariff[j] = account.tariffFenPerMinute;
    ratedFen[j] = minutes * account.tariffFenPerMinute;
  }
  const r = await tx.query(
    `INSERT INTO call_records (${COPY_COLUMNS})
     SELECT $1, $2, id, h, a, c, f, to_timestamp(s), to_timestamp(an), to_timestamp(e), d, p, ci, fee, ld, m, t, r, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::float8[], $12::int[],
                   $13::text[], $14::text[], $15::bigint[], $16::date[], $17::int[], $18::int[], $19::bigint[])
         AS t(id, h, a, c, f, s, an, e, d, p, ci, fee, ld, m, t, r)
     ON CONFLICT (office_id, carrier, carrier_record_id) DO NOTHING`,
    [officeId, carrier, importId, ids, hot, acc, caller, fwd, st, an, en, dur, prov, city, fee, day, mins, tariff, ratedFen],
  );
  return r.rowCount;
}

/** What one pass over the file found, filled in as the batches go by. */
interface Pass {
  mapper: CallBatchMapper | null;
  rated: number;
  parseMs: number;
  mapMs: number;
}

const unreadable = (format: CallFileFormat, e: unknown) => new ImportRefused(`文件无法读取（${format.toUpperCase()}）：${(e as Error).message}`, [], 1);

/** The file's records in batches: CSV streamed from disk or memory, XLSX read whole then cut into batches. */
async function* fileRecords(input: CallFileInput): AsyncGenerator<CsvRecord[]> {
  if (input.format === 'xlsx') {
    let all: CsvRecord[];
    try {
      all = await xlsxRecords(input.bytes ?? (await readFile(input.path!)));
    } catch (e) {
      throw unreadable('xlsx', e);
    }
    for (let i = 0; i < all.length; i += BATCH) yield all.slice(i, i + BATCH);
    return;
  }
  const source = input.path ? createReadStream(input.path, { highWaterMark: 1 << 20 }) : bytesSource(input.bytes ?? new Uint8Array());
  yield* csvRecords(source as AsyncIterable<Uint8Array>, BATCH);
}

/**
 * Reads, checks and rates the file batch by batch. Once any row is wrong nothing more is handed
 * on (the caller refuses the file), but every row is still checked so the answer names them all.
 */
async function* ratedBatches(input: CallFileInput, mapping: CarrierMapping, timeZone: string, accounts: BillingAccount[], pass: Pass): AsyncGenerator<RatedCall[]> {
  const it = fileRecords(input)[Symbol.asyncIterator]();
  for (;;) {
    let t = performance.now();
    const next = await it.next();
    pass.parseMs += performance.now() - t;
    if (next.done) return;
    let batch = next.value;
    t = performance.now();
    if (!pass.mapper) {
      pass.mapper = new CallBatchMapper(batch[0]!.cells, mapping, timeZone, accounts);
      batch = batch.slice(1);
      if (!pass.mapper.ok) return; // a mapped column missing from the header: no row can be read
    }
    const rated = pass.mapper.map(batch);
    pass.mapMs += performance.now() - t;
    if (pass.mapper.ok) {
      pass.rated += rated.length;
      yield rated;
    }
  }
}

async function* copyStream(batches: AsyncIterable<RatedCall[]>, officeId: string, carrier: string, importId: string): AsyncGenerator<string> {
  const head = `${officeId}\t${copyText(carrier)}\t`;
  for await (const rated of batches) {
    if (rated.length) yield copyLines(rated, head, importId);
    // one event-loop turn per batch: the socket's queued COPY data goes out to the database while
    // the next batch is parsed (the parsing itself never yields, except to read the file)
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Imports one carrier file into call_records, rating each call on the way (billable minutes per
 * started minute, the tariff of the account's package; the billing run applies included minutes
 * per month). Streamed: the file is read, checked and rated in batches of 5,000 rows while the
 * database ingests the previous batch (PostgreSQL: one COPY FROM STDIN fed batch by batch), so a
 * monthly file of millions of rows never sits in memory.
 *
 * The whole file is one transaction: any row error refuses the file with every error named by its
 * line, and nothing is saved. Rows whose carrier record id is already stored are skipped and
 * counted: the first pass copies straight into call_records; when that meets a stored record (the
 * primary key), a savepoint undoes it and a second pass copies into a temporary table and inserts
 * from it with ON CONFLICT DO NOTHING. PGlite takes multi-row batches with ON CONFLICT DO NOTHING.
 */
export async function importCallFile(db: Db, officeId: string, userId: string | null, input: CallFileInput): Promise<ImportResult> {
  const settings = await loadBillingSettings(db, officeId);
  const mapping = input.mapping ?? (await loadMapping(db, officeId, input.carrier));
  if (!mapping) throw new ImportRefused(`运营商“${input.carrier}”还没有保存列映射，请先设置列映射。`, [], 0);
  const accounts = await loadBillingAccounts(db, officeId);
  const importId = randomUUID();
  const t0 = performance.now();
  const newPass = (): Pass => ({ mapper: null, rated: 0, parseMs: 0, mapMs: 0 });
  const refuseIfBad = (pass: Pass) => {
    const m = pass.mapper;
    if (!m || (m.ok && m.rowsRead === 0)) throw new ImportRefused('文件中没有话单数据行。', [], 1);
    if (!m.ok) throw new ImportRefused(`文件有 ${m.errorCount} 处错误，未导入任何话单。`, m.errors, m.errorCount);
  };

  return db.transaction(async (tx) => {
    let pass = newPass();
    let imported: number;
    const batches = (p: Pass) => ratedBatches(input, mapping, settings.timeZone, accounts, p);
    if (canCopy(tx)) {
      await tx.query('SAVEPOINT call_copy');
      try {
        imported = await copyFromChunks(tx, `COPY call_records (${COPY_COLUMNS}) FROM STDIN`, copyStream(batches(pass), officeId, input.carrier, importId));
        await tx.query('RELEASE SAVEPOINT call_copy');
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        // The file repeats records already stored: undo, copy into a temporary table, insert what is new.
        await tx.query('ROLLBACK TO SAVEPOINT call_copy');
        pass = newPass();
        await tx.query('CREATE TEMP TABLE call_import_stage (LIKE call_records INCLUDING DEFAULTS) ON COMMIT DROP');
        await copyFromChunks(tx, `COPY call_import_stage (${COPY_COLUMNS}) FROM STDIN`, copyStream(batches(pass), officeId, input.carrier, importId));
        refuseIfBad(pass);
        imported = (await tx.query(`INSERT INTO call_records (${COPY_COLUMNS}) SELECT ${COPY_COLUMNS} FROM call_import_stage ON CONFLICT (office_id, carrier, carrier_record_id) DO NOTHING`)).rowCount;
      }
    } else {
      imported = 0;
      for await (const rated of batches(pass)) imported += await insertBatch(tx, rated, officeId, input.carrier, importId);
    }
    refuseIfBad(pass);
    const mapper = pass.mapper!;
    const skippedDuplicates = pass.rated - imported + mapper.duplicatesInFile;
    await tx.query(
      'INSERT INTO call_imports (id, office_id, carrier, file_name, format, rows_read, imported, skipped_duplicates, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [importId, officeId, input.carrier, input.fileName.slice(0, 255), input.format, mapper.rowsRead, imported, skippedDuplicates, userId],
    );
    if (input.saveMapping && input.mapping) await saveMapping(tx, officeId, input.carrier, input.mapping, userId);
    const ms = (x: number) => Math.round(x);
    const total = performance.now() - t0;
    return { importId, carrier: input.carrier, rowsRead: mapper.rowsRead, imported, skippedDuplicates, timings: { parseMs: ms(pass.parseMs), mapMs: ms(pass.mapMs), writeMs: ms(total - pass.parseMs - pass.mapMs) } };
  });
}
