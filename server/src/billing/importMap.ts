import { billableMinutes } from '../../../shared/domain/index';
import { mapCallRows, type CarrierMapping, type ImportedCall, type RowError } from '../../../shared/billing/index';
import type { BillingAccount } from './accounts';
import type { CsvRecord } from './importCsv';

/** A checked call with the account holding its number and its rating (billable minutes per started minute). */
export interface RatedCall {
  call: ImportedCall;
  account: BillingAccount;
  minutes: number;
}

/** The account holding a number on a day: the latest opened on or before it (else the latest one). */
export function accountFinder(accounts: BillingAccount[]): (hotline: string, day: string) => BillingAccount | undefined {
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

const LINE_PREFIX = /^第 \d+ 行：/;

/**
 * Checks and rates a carrier file batch by batch, with the same rules and zh-CN messages a device
 * runs (shared mapCallRows, one call per batch with the header in front), then renumbers rows to
 * the file's own lines. Keeps the first `maxErrors` errors in line order and counts all of them;
 * a carrier record id repeated anywhere in the file is skipped after its first row and counted.
 */
export class CallBatchMapper {
  readonly errors: RowError[] = [];
  errorCount = 0;
  duplicatesInFile = 0;
  rowsRead = 0;
  private readonly seen = new Set<string>();
  private readonly find: ReturnType<typeof accountFinder>;

  constructor(
    private readonly header: string[],
    private readonly mapping: CarrierMapping,
    private readonly officeTimeZone: string,
    accounts: BillingAccount[],
    private readonly maxErrors = 200,
  ) {
    this.find = accountFinder(accounts);
    // A header without a mapped column refuses the file before any row is read.
    const head = mapCallRows([header], mapping, officeTimeZone);
    this.errors.push(...head.errors);
    this.errorCount = head.errorCount;
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }

  map(batch: readonly CsvRecord[]): RatedCall[] {
    const rows: string[][] = [this.header];
    for (const r of batch) rows.push(r.cells);
    const room = Math.max(0, this.maxErrors - this.errors.length);
    const mapped = mapCallRows(rows, this.mapping, this.officeTimeZone, { maxErrors: room });
    // mapCallRows numbers rows by position (header = 1): turn that into the file's line
    const lineOf = (row: number) => batch[row - 2]!.line;
    const batchErrors: RowError[] = mapped.errors.map((e) => {
      const line = lineOf(e.row);
      return { ...e, row: line, message: e.message.replace(LINE_PREFIX, `第 ${line} 行：`) };
    });
    let errorCount = mapped.errorCount;
    this.rowsRead += batch.length;
    this.duplicatesInFile += mapped.duplicatesInFile;
    const rated: RatedCall[] = [];
    for (const c of mapped.calls) {
      const call = c;
      call.row = lineOf(c.row);
      if (this.seen.has(call.carrierRecordId)) {
        this.duplicatesInFile++;
        continue;
      }
      this.seen.add(call.carrierRecordId);
      const account = this.find(call.hotline, call.localDay);
      if (!account) {
        errorCount++;
        if (batchErrors.length < room) batchErrors.push({ row: call.row, field: 'hotline', message: `第 ${call.row} 行：400 号码：${call.hotline} 不属于本营业厅的任何服务账户。` });
        continue;
      }
      rated.push({ call, account, minutes: billableMinutes(call.durationSeconds) });
    }
    batchErrors.sort((a, b) => a.row - b.row);
    this.errors.push(...batchErrors.slice(0, room));
    this.errorCount += errorCount;
    return rated;
  }
}
