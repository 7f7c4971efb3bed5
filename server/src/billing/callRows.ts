import { BinaryCopyWriter, uuidBytes } from '../db/copyBinary';
import type { RatedCall } from './importMap';

/** The columns an import writes, in the order of the binary rows below. */
export const CALL_COLUMNS = 'office_id, carrier, carrier_record_id, hotline, account_id, caller, forwarded_to, start_at, answer_at, end_at, duration_s, caller_province, caller_city, carrier_fee_fen, local_day, billable_minutes, tariff_fen, rated_fen, import_id';
const FIELDS = 19;

/** Writes rated calls as binary COPY rows of CALL_COLUMNS; the office, carrier and import are the same for every row. */
export class CallRowEncoder {
  private readonly office: Uint8Array;
  private readonly importUuid: Uint8Array;

  constructor(
    officeId: string,
    private readonly carrier: string,
    importId: string,
  ) {
    this.office = uuidBytes(officeId);
    this.importUuid = uuidBytes(importId);
  }

  write(w: BinaryCopyWriter, { call, account, minutes }: RatedCall): void {
    w.row(FIELDS)
      .raw(this.office)
      .text(this.carrier)
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
      .int64(minutes * account.tariffFenPerMinute)
      .raw(this.importUuid);
  }
}
