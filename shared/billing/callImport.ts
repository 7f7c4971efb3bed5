import { z } from 'zod';
import { parseCarrierTime, officeDayOfMs } from './localTime';

/** The fields a carrier file is mapped onto (DESIGN.md §5: a call-detail record). */
export const CALL_FIELDS = ['carrierRecordId', 'hotline', 'caller', 'forwardedTo', 'startAt', 'answerAt', 'endAt', 'durationSeconds', 'callerProvince', 'callerCity', 'feeFen'] as const;
export type CallField = (typeof CALL_FIELDS)[number];

export const CALL_FIELD_LABELS: Readonly<Record<CallField, string>> = {
  carrierRecordId: '话单流水号',
  hotline: '400 号码',
  caller: '主叫号码',
  forwardedTo: '被叫（转接）号码',
  startAt: '开始时间',
  answerAt: '应答时间',
  endAt: '结束时间',
  durationSeconds: '通话时长（秒）',
  callerProvince: '主叫省份',
  callerCity: '主叫城市',
  feeFen: '话费',
};

const header = z.string().trim().min(1, { error: '列名不能为空。' }).max(100);

/**
 * How one carrier's file maps onto call records, saved per carrier and office: for each field the
 * column header in the file. Either a duration column or an end-time column is required.
 */
export const carrierMappingSchema = z
  .object({
    columns: z.object({
      carrierRecordId: header,
      hotline: header,
      caller: header,
      forwardedTo: header,
      startAt: header,
      answerAt: header.optional(),
      endAt: header.optional(),
      durationSeconds: header.optional(),
      callerProvince: header.optional(),
      callerCity: header.optional(),
      feeFen: header.optional(),
    }),
    /** the carrier's fee column in fen or in yuan (two decimals) */
    feeUnit: z.enum(['fen', 'yuan']).default('yuan'),
    /** zone of times written without one; default the office's */
    timeZone: z.string().min(1).optional(),
  })
  .refine((m) => m.columns.durationSeconds || m.columns.endAt, { message: '映射须包含“通话时长”列或“结束时间”列。', path: ['columns', 'durationSeconds'] });
export type CarrierMapping = z.infer<typeof carrierMappingSchema>;

export interface ImportedCall {
  /** 1-based line of the file, for errors found later (e.g. a number no account holds) */
  row: number;
  carrierRecordId: string;
  hotline: string;
  caller: string;
  forwardedTo: string;
  startMs: number;
  answerMs: number | null;
  endMs: number;
  durationSeconds: number;
  callerProvince: string | null;
  callerCity: string | null;
  carrierFeeFen: number | null;
  /** the office date of the start: the billing month counts calls by it */
  localDay: string;
}

export interface RowError {
  /** 1-based line of the file (the header is line 1) */
  row: number;
  field: CallField | null;
  message: string;
}

export interface MappedCalls {
  calls: ImportedCall[];
  /** the first `maxErrors` problems */
  errors: RowError[];
  /** all problems, also those past maxErrors */
  errorCount: number;
  /** rows repeating a carrier record id already seen earlier in the same file */
  duplicatesInFile: number;
}

const YUAN_RE = /^-?\d+(\.\d{1,2})?$/;
const INT_RE = /^\d+$/;

/**
 * Maps the rows of a carrier file (header row first) onto call records. Every problem is reported
 * with its line and field, zh-CN (第 12 行：开始时间：…); a caller imports only when there is none.
 * Blank lines are ignored. Pure and fast: plain loops, no schema parse per row.
 */
export function mapCallRows(rows: readonly (readonly unknown[])[], mapping: CarrierMapping, officeTimeZone: string, opts: { maxErrors?: number } = {}): MappedCalls {
  const maxErrors = opts.maxErrors ?? 200;
  const errors: RowError[] = [];
  const calls: ImportedCall[] = [];
  const tz = mapping.timeZone ?? officeTimeZone;
  const head = (rows[0] ?? []).map((h) => String(h ?? '').trim());
  const idx = {} as Record<CallField, number>;
  for (const f of CALL_FIELDS) {
    const col = mapping.columns[f];
    if (col === undefined) {
      idx[f] = -1;
      continue;
    }
    const i = head.indexOf(col);
    if (i < 0) errors.push({ row: 1, field: f, message: `第 1 行：表头中没有映射的列“${col}”（${CALL_FIELD_LABELS[f]}）。` });
    idx[f] = i;
  }
  if (errors.length) return { calls, errors, errorCount: errors.length, duplicatesInFile: 0 };
  const seen = new Set<string>();
  let duplicatesInFile = 0;
  let errorCount = 0;
  const cell = (r: readonly unknown[], f: CallField): string => {
    const i = idx[f];
    if (i < 0) return '';
    const v = r[i];
    return v === null || v === undefined ? '' : String(v).trim();
  };
  for (let n = 1; n < rows.length; n++) {
    const r = rows[n]!;
    const line = n + 1;
    if (r.length === 0 || r.every((v) => v === null || v === undefined || String(v).trim() === '')) continue;
    let rowBad = false;
    const bad = (field: CallField, message: string) => {
      rowBad = true;
      errorCount++;
      if (errors.length < maxErrors) errors.push({ row: line, field, message: `第 ${line} 行：${CALL_FIELD_LABELS[field]}：${message}` });
    };
    const id = cell(r, 'carrierRecordId');
    if (!id) bad('carrierRecordId', '不能为空。');
    else if (id.length > 100) bad('carrierRecordId', '不能超过 100 个字符。');
    const hotline = cell(r, 'hotline').replace(/[\s-]/g, '');
    if (!/^400\d{7}$/.test(hotline)) bad('hotline', `“${cell(r, 'hotline')}”不是 400 开头的 10 位号码。`);
    const caller = cell(r, 'caller');
    if (!caller) bad('caller', '不能为空。');
    const forwardedTo = cell(r, 'forwardedTo');
    if (!forwardedTo) bad('forwardedTo', '不能为空。');
    const startText = cell(r, 'startAt');
    const startMs = parseCarrierTime(startText, tz);
    if (startMs === null) bad('startAt', `“${startText}”不是有效的时间。`);
    const answerText = cell(r, 'answerAt');
    const answerMs = answerText ? parseCarrierTime(answerText, tz) : null;
    if (answerText && answerMs === null) bad('answerAt', `“${answerText}”不是有效的时间。`);
    const endText = cell(r, 'endAt');
    let endMs = endText ? parseCarrierTime(endText, tz) : null;
    if (endText && endMs === null) bad('endAt', `“${endText}”不是有效的时间。`);
    const durText = cell(r, 'durationSeconds');
    let duration: number | null = null;
    if (durText) {
      if (!INT_RE.test(durText)) bad('durationSeconds', `“${durText}”不是非负整数秒。`);
      else duration = Number(durText);
    } else if (idx.durationSeconds >= 0) bad('durationSeconds', '不能为空。');
    if (startMs !== null && endMs !== null && endMs < startMs) bad('endAt', '结束时间早于开始时间。');
    if (startMs !== null && answerMs !== null && answerMs < startMs) bad('answerAt', '应答时间早于开始时间。');
    if (duration === null && startMs !== null && endMs !== null) duration = answerMs !== null ? Math.max(0, Math.round((endMs - answerMs) / 1000)) : 0;
    if (endMs === null && startMs !== null && duration !== null) endMs = startMs + duration * 1000;
    const feeText = cell(r, 'feeFen');
    let fee: number | null = null;
    if (feeText) {
      if (mapping.feeUnit === 'fen' ? !INT_RE.test(feeText) : !YUAN_RE.test(feeText)) bad('feeFen', `“${feeText}”不是有效的金额。`);
      else if (mapping.feeUnit === 'fen') fee = Number(feeText);
      else {
        // yuan with up to two decimals → integer fen without a float multiplication
        const [y, d = ''] = feeText.replace('-', '').split('.');
        fee = (Number(y) * 100 + Number(d.padEnd(2, '0'))) * (feeText.startsWith('-') ? -1 : 1);
      }
    }
    if (rowBad || startMs === null || endMs === null || duration === null) continue;
    if (seen.has(id)) {
      duplicatesInFile++;
      continue;
    }
    seen.add(id);
    calls.push({
      row: line,
      carrierRecordId: id,
      hotline,
      caller: caller.slice(0, 40),
      forwardedTo: forwardedTo.slice(0, 40),
      startMs,
      answerMs,
      endMs,
      durationSeconds: duration,
      callerProvince: cell(r, 'callerProvince') || null,
      callerCity: cell(r, 'callerCity') || null,
      carrierFeeFen: fee,
      localDay: officeDayOfMs(startMs, tz === officeTimeZone ? tz : officeTimeZone),
    });
  }
  return { calls, errors, errorCount, duplicatesInFile };
}
