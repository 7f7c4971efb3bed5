import type { Queryable } from '../db/index';
import { openMonth, removeStoredElsewhere } from './callPartitions';
import { tallyRow, type MonthTally } from './callMonths';
import { CALL_COLUMNS } from './callRows';
import type { RatedCall } from './importMap';

/** One month's rows as one multi-row INSERT (unnest arrays) into its partition, skipping records it already holds. */
async function insertRows(tx: Queryable, table: string, rows: readonly RatedCall[], officeId: string, carrier: string, importId: string): Promise<number> {
  const n = rows.length;
  const ids = new Array<string>(n), hot = new Array<string>(n), acc = new Array<string>(n), caller = new Array<string>(n), fwd = new Array<string>(n);
  const st = new Array<number>(n), an = new Array<number | null>(n), en = new Array<number>(n), dur = new Array<number>(n), prov = new Array<string | null>(n);
  const city = new Array<string | null>(n), fee = new Array<number | null>(n), day = new Array<string>(n), mins = new Array<number>(n), tariff = new Array<number>(n), ratedFen = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const { call, account, minutes } = rows[j]!;
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
    `INSERT INTO "${table}" (${CALL_COLUMNS})
     SELECT $1, $2, id, h, a, c, f, to_timestamp(s), to_timestamp(an), to_timestamp(e), d, p, ci, fee, ld, m, t, r, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::float8[], $12::int[],
                   $13::text[], $14::text[], $15::bigint[], $16::date[], $17::int[], $18::int[], $19::bigint[])
         AS t(id, h, a, c, f, s, an, e, d, p, ci, fee, ld, m, t, r)
     ON CONFLICT (carrier, carrier_record_id) DO NOTHING`,
    [officeId, carrier, importId, ids, hot, acc, caller, fwd, st, an, en, dur, prov, city, fee, day, mins, tariff, ratedFen],
  );
  return r.rowCount;
}

/**
 * The load where COPY FROM STDIN is not available (PGlite): each batch's rows are inserted into
 * their month's partition (created with its indexes when missing) as one multi-row INSERT per
 * month. `checkRows` runs once every row was read and throws to refuse the file (the transaction
 * undoes the inserts). Returns the rows stored.
 */
export async function loadByInsert(tx: Queryable, officeId: string, carrier: string, importId: string, batches: AsyncIterable<RatedCall[]>, checkRows: () => void): Promise<number> {
  const months = new Map<string, MonthTally>();
  const opened = new Set<string>();
  let stored = 0;
  for await (const rated of batches) {
    const byMonth = new Map<MonthTally, RatedCall[]>();
    for (const r of rated) {
      const t = tallyRow(months, officeId, r.call.localDay, r.call.carrierRecordId);
      const list = byMonth.get(t);
      if (list) list.push(r);
      else byMonth.set(t, [r]);
    }
    for (const [t, rows] of byMonth) {
      if (!opened.has(t.p.month)) {
        await openMonth(tx, officeId, t.p, false);
        opened.add(t.p.month);
      }
      stored += await insertRows(tx, t.p.table, rows, officeId, carrier, importId);
    }
  }
  checkRows();
  for (const t of months.values()) stored -= await removeStoredElsewhere(tx, officeId, carrier, importId, t.p, t.ids.minId, t.ids.maxId);
  return stored;
}
