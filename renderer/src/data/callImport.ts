import { CALL_FIELDS, DEFAULT_OFFICE_SETTINGS, carrierMappingSchema, mapCallRows, type CallField, type CarrierMapping, type RowError } from '../../../shared';
import { decodeText, guessMapping, parseCsvText, parseXlsx, type ColumnMapping, type ImportField, type SourceTable } from '../imports';

/**
 * The pure half of the call-record import screen (话单导入): the file's preview read on the device,
 * the column mapping between that preview and the server's CarrierMapping (header texts, saved
 * per carrier on the server), and the list of carriers seen. The upload itself is sync/callImportApi.ts.
 */

/** Fields the server needs a column for; either durationSeconds or endAt is also required (see missingCallFields). */
export const REQUIRED_CALL_FIELDS: readonly CallField[] = ['carrierRecordId', 'hotline', 'caller', 'forwardedTo', 'startAt'];

/** The import fields with the header words carriers use for them, for a first guess on a new carrier's file. */
export const CALL_IMPORT_FIELDS: ImportField[] = [
  { key: 'carrierRecordId', required: true, synonyms: ['流水号', '话单号', '记录号', '序号id', 'recordid', 'callid', 'id'] },
  { key: 'hotline', required: true, synonyms: ['计费号码', '400号码', '400', '业务号码', 'hotline'] },
  { key: 'caller', required: true, synonyms: ['主叫', 'caller', 'calling'] },
  { key: 'forwardedTo', required: true, synonyms: ['被叫', '转接', '落地', 'forward', 'called'] },
  { key: 'startAt', required: true, synonyms: ['开始时间', '起始时间', '呼叫时间', 'start'] },
  { key: 'answerAt', required: false, synonyms: ['应答时间', 'answer'] },
  { key: 'endAt', required: false, synonyms: ['结束时间', '挂机时间', 'end'] },
  { key: 'durationSeconds', required: false, synonyms: ['通话时长', '时长', 'duration', 'seconds'] },
  { key: 'callerProvince', required: false, synonyms: ['主叫省份', '省份', 'province'] },
  { key: 'callerCity', required: false, synonyms: ['主叫城市', '城市', '地市', 'city'] },
  { key: 'feeFen', required: false, synonyms: ['话费', '费用', '金额', 'fee', 'amount'] },
];

/** How many rows of the file the screen shows. */
export const PREVIEW_ROWS = 5;
/** A CSV preview reads only the start of the file: a month of calls can be hundreds of MB. */
export const PREVIEW_BYTES = 256 * 1024;

export type CallFileFormat = 'csv' | 'xlsx';

/** The format the server is told, from the file's name (null: not a call file the server reads). */
export function callFileFormat(fileName: string): CallFileFormat | null {
  const n = fileName.toLowerCase();
  if (n.endsWith('.xlsx')) return 'xlsx';
  if (n.endsWith('.csv') || n.endsWith('.txt')) return 'csv';
  return null;
}

/**
 * The bytes of a CSV's head cut after its last complete line, so a multi-byte character or a row
 * cut in half never reaches the parser (a cut UTF-8 character would look like GBK).
 */
export function completeLines(head: Uint8Array, wholeFile: boolean): Uint8Array {
  if (wholeFile) return head;
  const nl = head.lastIndexOf(0x0a);
  return nl < 0 ? head : head.subarray(0, nl + 1);
}

/**
 * The header and first rows of a call file, read on the device. The server reads the FIRST row as
 * the header, so unlike the numbers import no title line above it is skipped here: what the
 * preview shows as the header is what the server will match the mapping against.
 */
export async function previewCallFile(file: Blob & { name: string }, rows = PREVIEW_ROWS): Promise<SourceTable> {
  const format = callFileFormat(file.name);
  if (format === 'xlsx') return firstRowHeader(await parseXlsx(await file.arrayBuffer()), rows);
  if (format === 'csv') {
    const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
    return firstRowHeader(parseCsvText(decodeText(completeLines(head, file.size <= PREVIEW_BYTES))), rows);
  }
  throw new Error(`不支持的文件类型：${file.name}（请使用 CSV 或 XLSX）`);
}

/**
 * The table cut to its first `rows` data rows. toSourceTable takes the last text-only row above the
 * first row with numbers as the header; in a call file that is row 1, as the server requires (a
 * title line above it makes the server answer "第 1 行：表头中没有映射的列…", shown as given).
 */
export function firstRowHeader(t: SourceTable, rows: number): SourceTable {
  return { headers: t.headers, rows: t.rows.slice(0, rows) };
}

/** Column choices per field (index into the preview's headers, or null). */
export type CallColumns = Record<CallField, number | null>;

/** The screen's mapping from a carrier's saved one (header texts) where the file has those headers, else guessed. */
export function columnsFor(headers: readonly string[], saved: CarrierMapping | null): CallColumns {
  const guessed = guessMapping([...headers], CALL_IMPORT_FIELDS) as ColumnMapping;
  const out = {} as CallColumns;
  for (const f of CALL_FIELDS) {
    const col = saved?.columns[f];
    if (saved) {
      const i = col === undefined ? -1 : headers.indexOf(col);
      out[f] = i >= 0 ? i : null;
    } else out[f] = guessed[f] ?? null;
  }
  return out;
}

/** Fields still to map before an upload: the required ones, and a duration or an end time. */
export function missingCallFields(cols: CallColumns): CallField[] {
  const missing: CallField[] = REQUIRED_CALL_FIELDS.filter((f) => cols[f] === null);
  if (cols.durationSeconds === null && cols.endAt === null) missing.push('durationSeconds');
  return missing;
}

/** Columns mapped to more than one field (a slip of the hand the server would not notice). */
export function doubleMapped(cols: CallColumns): CallField[] {
  const seen = new Map<number, CallField>();
  const twice: CallField[] = [];
  for (const f of CALL_FIELDS) {
    const i = cols[f];
    if (i === null) continue;
    if (seen.has(i)) twice.push(f);
    else seen.set(i, f);
  }
  return twice;
}

/** The CarrierMapping the server takes (header texts), checked by the server's own schema; null while incomplete. */
export function carrierMappingOf(headers: readonly string[], cols: CallColumns, feeUnit: 'fen' | 'yuan', timeZone?: string): CarrierMapping | null {
  if (missingCallFields(cols).length) return null;
  const columns: Record<string, string> = {};
  for (const f of CALL_FIELDS) {
    const i = cols[f];
    if (i !== null && headers[i]) columns[f] = headers[i]!;
  }
  const p = carrierMappingSchema.safeParse({ columns, feeUnit, ...(timeZone ? { timeZone } : {}) });
  return p.success ? p.data : null;
}

/**
 * The preview rows checked on the device with the server's own rules (shared mapCallRows), each
 * problem numbered by its file row: a column mapped to the wrong field shows here before the upload.
 * Whether a number belongs to an account is the server's to say (the calls are rated there).
 */
export function checkPreview(table: SourceTable, mapping: CarrierMapping, timeZone: string = DEFAULT_OFFICE_SETTINGS.timeZone): RowError[] {
  const mapped = mapCallRows([table.headers, ...table.rows.map((r) => r.cells)], mapping, timeZone);
  const lineOf = (row: number) => (row === 1 ? 1 : (table.rows[row - 2]?.rowNumber ?? row));
  return mapped.errors.map((e) => {
    const line = lineOf(e.row);
    return { ...e, row: line, message: e.message.replace(/^第 \d+ 行：/, `第 ${line} 行：`) };
  });
}

/** One past import as GET …/billing/imports lists it. */
export interface PastCallImport {
  id: string;
  carrier: string;
  fileName: string;
  format: CallFileFormat;
  rowsRead: number;
  imported: number;
  skippedDuplicates: number;
  createdAt: string;
}

/** The carrier field's suggestions: carriers with a saved mapping, then those imported for, each once. */
export function knownCarriers(imports: readonly PastCallImport[], mapped: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const c of [...mapped, ...imports.map((i) => i.carrier)]) if (!out.includes(c)) out.push(c);
  return out;
}
