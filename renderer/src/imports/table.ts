/** A spreadsheet-like table read from a CSV or XLSX file, before any column is interpreted. */
export interface SourceRow {
  /** The row number a person sees in Excel / a text editor (1-based, header included). */
  rowNumber: number;
  cells: string[];
}

export interface SourceTable {
  headers: string[];
  rows: SourceRow[];
}

/**
 * Turns raw rows into headers + numbered data rows. The first non-empty row is the header when it
 * holds any non-numeric text (a carrier's export has "号码,备注"); otherwise the file has no header
 * and columns are named 列1, 列2, … so a person can still map them.
 */
export function toSourceTable(raw: string[][]): SourceTable {
  const numbered = raw
    .map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => (c ?? '').trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const first = numbered[0];
  if (!first) return { headers: [], rows: [] };
  const width = Math.max(...numbered.map((r) => r.cells.length));
  const looksLikeHeader = first.cells.some((c) => c !== '' && !/^[\d\s+\-()]+$/.test(c));
  const headers = looksLikeHeader
    ? Array.from({ length: width }, (_, i) => first.cells[i] || `列${i + 1}`)
    : Array.from({ length: width }, (_, i) => `列${i + 1}`);
  return { headers, rows: looksLikeHeader ? numbered.slice(1) : numbered };
}
