import Papa from 'papaparse';
import ExcelJS from 'exceljs';

export type CallFileFormat = 'csv' | 'xlsx';

/**
 * A carrier file as rows of cell text (header row first). CSV through papaparse (quotes, BOM,
 * CRLF), XLSX through exceljs (first worksheet; dates written as text by the carrier are kept as
 * text, real Excel dates become 'YYYY-MM-DD HH:mm:ss' of their wall-clock value).
 */
export async function parseCallFile(format: CallFileFormat, bytes: Uint8Array): Promise<string[][]> {
  if (format === 'csv') {
    let text = new TextDecoder('utf-8').decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const r = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    return r.data;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(cellText(v));
    }
    rows.push(cells);
  });
  return rows;
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
