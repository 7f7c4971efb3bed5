import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type Db, type Queryable } from '../db/index';
import { canCopy, copyFromChunks, copyText } from '../db/copy';
import { billableMinutes } from '../../../shared/domain/index';
import { carrierMappingSchema, mapCallRows, type CarrierMapping, type ImportedCall, type RowError } from '../../../shared/billing/index';
import { loadBillingAccounts, type BillingAccount } from './accounts';
import { parseCallFile, type CallFileFormat } from './parseFile';
import { loadBillingSettings } from './settings';

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
  /** where the time went, ms: reading the file, mapping and rating the rows, writing them */
  timings: { parseMs: number; mapMs: number; writeMs: number };
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

/** The account holding a number on a day: the latest opened on or before it (else the latest one). */
function accountFinder(accounts: BillingAccount[]): (hotline: string, day: string) => BillingAccount | undefined {
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

const BATCH = 5000;

type RatedCall = { call: ImportedCall; account: BillingAccount; minutes: number };

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

/** The rows as COPY text, 10,000 lines a chunk. */
function* copyChunks(rated: RatedCall[], officeId: string, carrier: string, importId: string): Generator<string> {
  const head = `${officeId}\t${copyText(carrier)}\t`;
  const iso = utcText;
  let buf = '';
  for (let i = 0; i < rated.length; i++) {
    const { call, account, minutes } = rated[i]!;
    buf += `${head}${copyText(call.carrierRecordId)}\t${call.hotline}\t${copyText(account.accountId)}\t${copyText(call.caller)}\t${copyText(call.forwardedTo)}\t${iso(call.startMs)}\t${call.answerMs === null ? '\\N' : iso(call.answerMs)}\t${iso(call.endMs)}\t${call.durationSeconds}\t${copyText(call.callerProvince)}\t${copyText(call.callerCity)}\t${copyText(call.carrierFeeFen)}\t${call.localDay}\t${minutes}\t${account.tariffFenPerMinute}\t${minutes * account.tariffFenPerMinute}\t${importId}\n`;
    if ((i + 1) % 10_000 === 0) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** Multi-row batches (unnest arrays) with ON CONFLICT DO NOTHING: PGlite, and files with records already imported. */
async function insertBatches(tx: Queryable, rated: RatedCall[], officeId: string, carrier: string, importId: string): Promise<number> {
  let imported = 0;
  for (let i = 0; i < rated.length; i += BATCH) {
    const chunk = rated.slice(i, i + BATCH);
    const n = chunk.length;
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
      `INSERT INTO call_records (office_id, carrier, carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, answer_at, end_at, duration_s,
                                 caller_province, caller_city, carrier_fee_fen, local_day, billable_minutes, tariff_fen, rated_fen, import_id)
       SELECT $1, $2, id, h, a, c, f, to_timestamp(s), to_timestamp(an), to_timestamp(e), d, p, ci, fee, ld, m, t, r, $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::float8[], $12::int[],
                     $13::text[], $14::text[], $15::bigint[], $16::date[], $17::int[], $18::int[], $19::bigint[])
           AS t(id, h, a, c, f, s, an, e, d, p, ci, fee, ld, m, t, r)
       ON CONFLICT (office_id, carrier, carrier_record_id) DO NOTHING`,
      [officeId, carrier, importId, ids, hot, acc, caller, fwd, st, an, en, dur, prov, city, fee, day, mins, tariff, ratedFen],
    );
    imported += r.rowCount;
  }
  return imported;
}

/**
 * Imports one carrier file into call_records, rating each call on the way (billable minutes per
 * started minute, the tariff of the account's package). The whole file is one transaction: any
 * row error refuses the file with every error named by row, and nothing is saved. Rows whose
 * carrier record id is already stored are skipped and counted (ON CONFLICT DO NOTHING on the
 * primary key). On PostgreSQL the rows go by COPY FROM STDIN straight into call_records (falling back
 * to multi-row batches when the file repeats records already stored); on PGlite in multi-row batches.
 * The transaction already gives all-or-nothing, so a staging table would only write every row twice.
 */
export async function importCallFile(
  db: Db,
  officeId: string,
  userId: string | null,
  input: { carrier: string; fileName: string; format: CallFileFormat; bytes: Uint8Array; mapping?: CarrierMapping; saveMapping?: boolean },
): Promise<ImportResult> {
  const settings = await loadBillingSettings(db, officeId);
  const mapping = input.mapping ?? (await loadMapping(db, officeId, input.carrier));
  if (!mapping) throw new ImportRefused(`运营商“${input.carrier}”还没有保存列映射，请先设置列映射。`, [], 0);
  let rows: string[][];
  const t0 = performance.now();
  try {
    rows = await parseCallFile(input.format, input.bytes);
  } catch (e) {
    throw new ImportRefused(`文件无法读取（${input.format.toUpperCase()}）：${(e as Error).message}`, [], 1);
  }
  if (rows.length < 2) throw new ImportRefused('文件中没有话单数据行。', [], 1);
  const t1 = performance.now();
  const mapped = mapCallRows(rows, mapping, settings.timeZone);
  const errors = [...mapped.errors];
  let errorCount = mapped.errorCount;
  const find = accountFinder(await loadBillingAccounts(db, officeId));
  const rated: RatedCall[] = [];
  for (const call of mapped.calls) {
    const account = find(call.hotline, call.localDay);
    if (!account) {
      errorCount++;
      if (errors.length < 200) errors.push({ row: call.row, field: 'hotline', message: `第 ${call.row} 行：400 号码：${call.hotline} 不属于本营业厅的任何服务账户。` });
      continue;
    }
    rated.push({ call, account, minutes: billableMinutes(call.durationSeconds) });
  }
  if (errorCount > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw new ImportRefused(`文件有 ${errorCount} 处错误，未导入任何话单。`, errors, errorCount);
  }
  const importId = randomUUID();
  const rowsRead = rows.length - 1;
  const t2 = performance.now();
  return db.transaction(async (tx) => {
    let imported = -1;
    if (canCopy(tx)) {
      // PostgreSQL: COPY straight into call_records. A record already imported makes COPY fail on
      // the primary key; then the savepoint undoes it and the batches below skip the duplicates.
      await tx.query('SAVEPOINT call_copy');
      try {
        imported = await copyFromChunks(tx, `COPY call_records (${COPY_COLUMNS}) FROM STDIN`, copyChunks(rated, officeId, input.carrier, importId));
        await tx.query('RELEASE SAVEPOINT call_copy');
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        await tx.query('ROLLBACK TO SAVEPOINT call_copy');
        imported = -1;
      }
    }
    if (imported < 0) imported = await insertBatches(tx, rated, officeId, input.carrier, importId);
    const skippedDuplicates = rated.length - imported + mapped.duplicatesInFile;
    await tx.query(
      'INSERT INTO call_imports (id, office_id, carrier, file_name, format, rows_read, imported, skipped_duplicates, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [importId, officeId, input.carrier, input.fileName.slice(0, 255), input.format, rowsRead, imported, skippedDuplicates, userId],
    );
    if (input.saveMapping && input.mapping) await saveMapping(tx, officeId, input.carrier, input.mapping, userId);
    const ms = (x: number) => Math.round(x);
    return { importId, carrier: input.carrier, rowsRead, imported, skippedDuplicates, timings: { parseMs: ms(t1 - t0), mapMs: ms(t2 - t1), writeMs: ms(performance.now() - t2) } };
  });
}
