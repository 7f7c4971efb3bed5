import type { Queryable } from '../db/index';
import type { BinaryCopyWriter } from '../db/copyBinary';
import type { RatedCall } from './importMap';

/**
 * The columns of the binary COPY rows, in their order: all but the office, carrier and import,
 * which are the same for every row of an import and come from column defaults set on the table
 * the rows are copied into (setImportDefaults). PostgreSQL reading three fewer values a row took a
 * million rows in 1.3 s instead of 1.5–2.1 s (psql, same rows).
 */
export const COPY_ROW_COLUMNS = 'carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, answer_at, end_at, duration_s, caller_province, caller_city, carrier_fee_fen, local_day, billable_minutes, tariff_fen, rated_fen';
/** Every column an import stores (the INSERT paths). */
export const CALL_COLUMNS = `office_id, carrier, ${COPY_ROW_COLUMNS}, import_id`;
export const COPY_ROW_FIELDS = 16;

/**
 * The office, carrier and import of every row as defaults of `table`'s columns, for a COPY of
 * COPY_ROW_COLUMNS (DDL takes no parameters: PostgreSQL's format() quotes the table and values).
 */
export async function setImportDefaults(q: Queryable, table: string, ids: { officeId: string; carrier: string; importId: string }): Promise<void> {
  const ddl = await q.query<{ sql: string }>(
    `SELECT format('ALTER TABLE %I ALTER COLUMN office_id SET DEFAULT %L::uuid, ALTER COLUMN carrier SET DEFAULT %L, ALTER COLUMN import_id SET DEFAULT %L::uuid', $1::text, $2::text, $3::text, $4::text) AS sql`,
    [table, ids.officeId, ids.carrier, ids.importId],
  );
  await q.query(ddl.rows[0]!.sql);
}

/** Takes the import's defaults off a table that becomes a partition (the parent's columns have none). */
export async function dropImportDefaults(q: Queryable, table: string): Promise<void> {
  await q.query(`ALTER TABLE "${table}" ALTER COLUMN office_id DROP DEFAULT, ALTER COLUMN carrier DROP DEFAULT, ALTER COLUMN import_id DROP DEFAULT`);
}

/** Writes rated calls as binary COPY rows of COPY_ROW_COLUMNS. */
export class CallRowEncoder {
  write(w: BinaryCopyWriter, { call, account, minutes }: RatedCall): void {
    w.row(COPY_ROW_FIELDS)
      .text(call.carrierRecordId)
      .text(call.hotline)
      .text(account.accountId)
      .text(call.caller)
      .text(call.forwardedTo)
      .timestamptz(call.startMs)
      .timestamptzOrNull(call.answerMs)
      .timestamptz(call.endMs)
      .int32(call.durationSeconds)
      .textOrNull(call.callerProvince)
      .textOrNull(call.callerCity)
      .int64OrNull(call.carrierFeeFen)
      .date(call.localDay)
      .int32(minutes)
      .int32(account.tariffFenPerMinute)
      .int64(minutes * account.tariffFenPerMinute);
  }
}
