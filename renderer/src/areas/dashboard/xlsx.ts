/**
 * One table → an .xlsx file (exceljs, loaded on demand: it is large). Every table of the dashboard
 * exports through this, so the manager gets the same columns as on screen.
 */
export interface XlsxColumn {
  key: string;
  header: string;
  /** integer fen: written as yuan with two decimals so Excel can sum it */
  money?: boolean;
  width?: number;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: Record<string, string | number | null>[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function sheetsToXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hotline Office';
  for (const s of sheets) {
    // Excel forbids []:*?/\ in sheet names and caps them at 31 characters
    const ws = wb.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    ws.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      const values: Record<string, string | number | null> = {};
      for (const c of s.columns) {
        const v = r[c.key] ?? null;
        // fen → yuan happens once, here at the file boundary; the cell format shows exactly two decimals
        values[c.key] = c.money && typeof v === 'number' ? v / 100 : v;
      }
      ws.addRow(values);
    }
    s.columns.forEach((c, i) => {
      if (c.money) ws.getColumn(i + 1).numFmt = '#,##0.00';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
