import Papa from 'papaparse';
import type { Db, Queryable } from '../db/index';
import { canCopy, copyFromChunks } from '../db/copy';
import { CALL_FIELD_LABELS, type CallField, type CarrierMapping, type RowError } from '../../../shared/billing/index';
import type { BillingAccount } from './accounts';

/** Not something this path handles (another time format, a ragged file …): use the row-by-row path. */
export class UseRowPath extends Error {}

const FAST_TIME_RE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}$';

/** Can this file go the database path? PostgreSQL, CSV, a duration column, times in the office zone, one account per number. */
export function sqlPathEligible(db: Db, format: string, mapping: CarrierMapping, officeTimeZone: string, accounts: BillingAccount[]): boolean {
  if (db.kind !== 'postgres' || format !== 'csv') return false;
  const c = mapping.columns;
  if (!c.durationSeconds || c.answerAt || c.endAt) return false;
  if (mapping.timeZone && mapping.timeZone !== officeTimeZone) return false;
  const seen = new Set<string>();
  for (const a of accounts) {
    if (!a.hotline) continue;
    if (seen.has(a.hotline)) return false;
    seen.add(a.hotline);
  }
  return true;
}

function headerOf(bytes: Uint8Array): { header: string[]; body: Uint8Array } {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let nl = body.indexOf(10);
  if (nl < 0) nl = body.length;
  const line = new TextDecoder().decode(body.subarray(0, nl)).replace(/\r$/, '');
  const header = (Papa.parse<string[]>(line).data[0] ?? []).map((h) => h.trim());
  return { header, body };
}

function* byteChunks(b: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < b.length; i += 1 << 20) yield b.subarray(i, i + (1 << 20));
}

/**
 * The database path of a CSV import on PostgreSQL, in the caller's transaction: PostgreSQL parses
 * the file itself (COPY … FROM STDIN, CSV, into a temporary staging table numbered by line), one
 * scan validates every row with the same rules and zh-CN messages as mapCallRows, and one
 * INSERT … SELECT rates and stores the rows (ON CONFLICT DO NOTHING skips records already there and
 * repeats inside the file). Throws UseRowPath when the file needs the general path.
 */
export async function importCsvInDatabase(
  tx: Queryable,
  a: { officeId: string; carrier: string; importId: string; bytes: Uint8Array; mapping: CarrierMapping; timeZone: string; accounts: BillingAccount[] },
): Promise<{ rowsRead: number; imported: number; errors: RowError[]; errorCount: number; timings: { parseMs: number; mapMs: number; writeMs: number } }> {
  if (!canCopy(tx)) throw new UseRowPath('no COPY here');
  const t0 = performance.now();
  const { header, body } = headerOf(a.bytes);
  const col = {} as Record<CallField, string | null>;
  for (const f of Object.keys(CALL_FIELD_LABELS) as CallField[]) {
    const name = a.mapping.columns[f];
    if (name === undefined) col[f] = null;
    else {
      const i = header.indexOf(name);
      if (i < 0) throw new UseRowPath('a mapped column is missing'); // the row path names it
      col[f] = `c${i + 1}`;
    }
  }
  const cols = header.map((_, i) => `c${i + 1} text`).join(', ');
  await tx.query('SAVEPOINT call_staging');
  try {
    await tx.exec(`CREATE TEMP TABLE call_staging (line bigint GENERATED ALWAYS AS IDENTITY, ${cols}) ON COMMIT DROP`);
    await copyFromChunks(tx, `COPY call_staging (${header.map((_, i) => `c${i + 1}`).join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`, byteChunks(body));
  } catch {
    await tx.query('ROLLBACK TO SAVEPOINT call_staging');
    throw new UseRowPath('PostgreSQL could not read the file as plain CSV');
  }
  // Fresh temp tables have no statistics; without them the planner guesses badly for a million rows.
  await tx.exec('ANALYZE call_staging');
  const t1 = performance.now();
  const v = (f: CallField) => (col[f] ? `btrim(${col[f]})` : `''`);
  const st = v('startAt');
  const other = await tx.query(`SELECT 1 FROM call_staging WHERE ${st} !~ '${FAST_TIME_RE}' LIMIT 1`);
  if (other.rowCount > 0) throw new UseRowPath('another time format');
  await tx.exec('CREATE TEMP TABLE call_accounts (hotline text PRIMARY KEY, account_id text NOT NULL, tariff integer NOT NULL) ON COMMIT DROP');
  const withNumber = a.accounts.filter((x) => x.hotline);
  await tx.query('INSERT INTO call_accounts SELECT * FROM unnest($1::text[], $2::text[], $3::int[])', [withNumber.map((x) => x.hotline), withNumber.map((x) => x.accountId), withNumber.map((x) => x.tariffFenPerMinute)]);
  await tx.exec('ANALYZE call_accounts');
  const yuan = a.mapping.feeUnit === 'yuan';
  const feeOk = yuan ? `'^-?[0-9]{1,13}(\\.[0-9]{1,2})?$'` : `'^[0-9]{1,15}$'`;
  const err = (f: CallField, cond: string, msg: string) => `CASE WHEN ${cond} THEN '${f}|' || ${msg} END`;
  const text = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const validDate = `CASE WHEN substr(st, 6, 2)::int BETWEEN 1 AND 12 AND substr(st, 1, 4)::int >= 1 THEN
      substr(st, 9, 2)::int BETWEEN 1 AND extract(day FROM make_date(substr(st, 1, 4)::int, substr(st, 6, 2)::int, 1) + interval '1 month - 1 day')::int
      AND substr(st, 12, 2)::int <= 23 AND substr(st, 15, 2)::int <= 59 AND substr(st, 18, 2)::int <= 59 ELSE false END`;
  const V = `SELECT line, ${v('carrierRecordId')} AS id, regexp_replace(${v('hotline')}, '[[:space:]-]', '', 'g') AS h, ${v('hotline')} AS hraw, ${v('caller')} AS caller,
                    ${v('forwardedTo')} AS fwd, ${st} AS st, ${v('durationSeconds')} AS dur, ${v('feeFen')} AS fee, ${v('callerProvince')} AS prov, ${v('callerCity')} AS city
               FROM call_staging`;
  const check = await tx.query<{ line: number; errs: string[]; n: number }>(
    `SELECT line, errs, SUM(cardinality(errs)) OVER ()::bigint AS n FROM (
       SELECT v.line, array_remove(ARRAY[
         ${err('carrierRecordId', "v.id = ''", text('不能为空。'))},
         ${err('carrierRecordId', 'length(v.id) > 100', text('不能超过 100 个字符。'))},
         ${err('hotline', "v.h !~ '^400[0-9]{7}$'", `'“' || v.hraw || '”不是 400 开头的 10 位号码。'`)},
         ${err('caller', "v.caller = ''", text('不能为空。'))},
         ${err('forwardedTo', "v.fwd = ''", text('不能为空。'))},
         ${err('startAt', `NOT (${validDate.replace(/\bst\b/g, 'v.st')})`, `'“' || v.st || '”不是有效的时间。'`)},
         ${err('durationSeconds', "v.dur = ''", text('不能为空。'))},
         ${err('durationSeconds', "v.dur <> '' AND v.dur !~ '^[0-9]{1,9}$'", `'“' || v.dur || '”不是非负整数秒。'`)},
         ${err('feeFen', `v.fee <> '' AND v.fee !~ ${feeOk}`, `'“' || v.fee || '”不是有效的金额。'`)},
         ${err('hotline', "v.h ~ '^400[0-9]{7}$' AND acc.account_id IS NULL", `v.h || ' 不属于本营业厅的任何服务账户。'`)}
       ], NULL) AS errs
       FROM (${V}) v LEFT JOIN call_accounts acc ON acc.hotline = v.h
     ) x WHERE cardinality(errs) > 0 ORDER BY line LIMIT 200`,
  );
  const errors: RowError[] = [];
  for (const r of check.rows) {
    for (const e of r.errs) {
      const [field, message] = [e.slice(0, e.indexOf('|')), e.slice(e.indexOf('|') + 1)] as [CallField, string];
      if (errors.length < 200) errors.push({ row: Number(r.line) + 1, field, message: `第 ${Number(r.line) + 1} 行：${CALL_FIELD_LABELS[field]}：${message}` });
    }
  }
  const errorCount = Number(check.rows[0]?.n ?? 0);
  const t2 = performance.now();
  const rowsRead = Number((await tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM call_staging')).rows[0]!.n);
  if (errorCount > 0) return { rowsRead, imported: 0, errors, errorCount, timings: { parseMs: Math.round(t1 - t0), mapMs: Math.round(t2 - t1), writeMs: 0 } };
  const fee = yuan ? "CASE WHEN v.fee = '' THEN NULL ELSE round(v.fee::numeric * 100)::bigint END" : "NULLIF(v.fee, '')::bigint";
  const ins = await tx.query(
    `INSERT INTO call_records (office_id, carrier, carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, answer_at, end_at, duration_s,
                               caller_province, caller_city, carrier_fee_fen, local_day, billable_minutes, tariff_fen, rated_fen, import_id)
     SELECT $1, $2, v.id, v.h, acc.account_id, left(v.caller, 40), left(v.fwd, 40), v.st::timestamp AT TIME ZONE $3, NULL,
            (v.st::timestamp AT TIME ZONE $3) + v.dur::int * interval '1 second', v.dur::int, NULLIF(v.prov, ''), NULLIF(v.city, ''), ${fee},
            substr(v.st, 1, 10)::date, (v.dur::int + 59) / 60, acc.tariff, ((v.dur::int + 59) / 60)::bigint * acc.tariff, $4
       FROM (${V}) v JOIN call_accounts acc ON acc.hotline = v.h
     -- no ORDER BY: a fresh staging table is read in file order, so of a record repeated in the
     -- file the first line is the one stored (sorting a million rows to say so costs a second)
     ON CONFLICT (office_id, carrier, carrier_record_id) DO NOTHING`,
    [a.officeId, a.carrier, a.timeZone, a.importId],
  );
  return { rowsRead, imported: ins.rowCount, errors: [], errorCount: 0, timings: { parseMs: Math.round(t1 - t0), mapMs: Math.round(t2 - t1), writeMs: Math.round(performance.now() - t2) } };
}
