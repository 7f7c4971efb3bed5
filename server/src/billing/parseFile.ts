import ExcelJS from 'exceljs';
import type { CsvRecord } from './importCsv';

export type CallFileFormat = 'csv' | 'xlsx';

/**
 * The first worksheet of an XLSX carrier file as records with their sheet row numbers (header
 * first). XLSX is a zip, so it is read whole (exceljs); the rows then go through the same batches
 * as a CSV. Dates written as text by the carrier are kept as text, real Excel dates become
 * 'YYYY-MM-DD HH:mm:ss' of their wall-clock value.
 */
export async function xlsxRecords(bytes: Uint8Array): Promise<CsvRecord[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const records: CsvRecord[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((v) => v.trim() !== '')) records.push({ line: row.number, cells });
  });
  return records;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // Excel keeps no zone: exceljs reads a date cell as that wall-clock time in UTC.
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    return '';
  }
  return String(v);
}
