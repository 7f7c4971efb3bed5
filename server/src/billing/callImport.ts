import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Db, Queryable } from '../db/index';
import { canCopy } from '../db/copy';
import { carrierMappingSchema, type CarrierMapping, type RowError } from '../../../shared/billing/index';
import { loadBillingAccounts, type BillingAccount } from './accounts';
import { csvByteSource, type ImportPass } from './callByteSource';
import { loadByCopy, ratedCallSource } from './callLoadCopy';
import { CallRowEncoder } from './callRows';
import { loadByInsert } from './callLoadInsert';
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
   * one batch while the next is read. On the byte path (PostgreSQL, CSV) reading, splitting,
   * checking and rating are one pass, all counted in mapMs (parseMs 0).
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

/** What one pass over the file found, filled in as the batches go by. */
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
async function* ratedBatches(input: CallFileInput, mapping: CarrierMapping, timeZone: string, accounts: BillingAccount[], pass: ImportPass): AsyncGenerator<RatedCall[]> {
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

/**
 * Imports one carrier file into call_records, rating each call on the way (billable minutes per
 * started minute, the tariff of the account's package; the billing run applies included minutes
 * per month). Streamed: the file is read, checked and rated in batches of 5,000 rows while the
 * database ingests the previous batch (PostgreSQL: binary COPY FROM STDIN, see callLoadCopy.ts;
 * PGlite: multi-row INSERTs, callLoadInsert.ts), so a monthly file of millions of rows never sits
 * in memory. Records go to their office month's partition (callPartitions.ts).
 *
 * The whole file is one transaction: any row error refuses the file with every error named by its
 * line, and nothing is saved. Records whose carrier record id is already stored, in any month, are
 * skipped and counted, as are ids repeated inside the file. One import per office at a time: a
 * second one waits for the first to commit, then skips what it stored.
 */
export async function importCallFile(db: Db, officeId: string, userId: string | null, input: CallFileInput): Promise<ImportResult> {
  const settings = await loadBillingSettings(db, officeId);
  const mapping = input.mapping ?? (await loadMapping(db, officeId, input.carrier));
  if (!mapping) throw new ImportRefused(`运营商“${input.carrier}”还没有保存列映射，请先设置列映射。`, [], 0);
  const accounts = await loadBillingAccounts(db, officeId);
  const importId = randomUUID();
  const t0 = performance.now();
  const newPass = (): ImportPass => ({ mapper: null, rated: 0, parseMs: 0, mapMs: 0 });
  const refuseIfBad = (pass: ImportPass) => {
    const m = pass.mapper;
    if (!m || (m.ok && m.rowsRead === 0)) throw new ImportRefused('文件中没有话单数据行。', [], 1);
    if (!m.ok) throw new ImportRefused(`文件有 ${m.errorCount} 处错误，未导入任何话单。`, m.errors, m.errorCount);
  };

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`call-import:${officeId}`]);
    const pass = newPass();
    const batches = ratedBatches(input, mapping, settings.timeZone, accounts, pass);
    const check = () => refuseIfBad(pass);
    let imported: number;
    if (canCopy(tx)) {
      // CSV is read from its bytes where it can be; XLSX and other CSV (UTF-16, \r line breaks) as text
      const bytes = input.format === 'csv' ? await csvByteSource(input, mapping, settings.timeZone, accounts, pass) : null;
      const source = bytes ?? ratedCallSource(batches, new CallRowEncoder());
      imported = await loadByCopy(tx, officeId, input.carrier, importId, source, check);
    } else imported = await loadByInsert(tx, officeId, input.carrier, importId, batches, check);
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
