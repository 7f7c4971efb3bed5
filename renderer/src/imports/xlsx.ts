import { toSourceTable, type SourceTable } from './table';

/** Text of one ExcelJS cell value, whatever its kind (number, rich text, formula result, date). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // A 400 number typed into Excel becomes the number 4008123456: print it without exponent.
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string; hyperlink?: string };
    if (v.richText) return v.richText.map((p) => p.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

/** Reads the first worksheet of an .xlsx file. ExcelJS is loaded on demand: it is large. */
export async function parseXlsx(data: ArrayBuffer): Promise<SourceTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const raw: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    raw[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return toSourceTable(Array.from(raw, (r) => r ?? []));
}
