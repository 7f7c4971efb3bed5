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

/** A cell that holds a number or code (digits and separators only), not a column title. */
const looksNumeric = (c: string) => /\d/.test(c) && /^[\d\s+\-().]+$/.test(c);

/**
 * Turns raw rows into headers + numbered data rows. Carriers' exports often put a title line
 * ("电信 400 号码分配清单") above the header, so the header is the last row without any numeric
 * cell before the first row that has one (looking at the first 20 rows); rows above it are
 * dropped. A file whose first row already holds numbers has no header: columns are named
 * 列1, 列2, … so a person can still map them.
 */
export function toSourceTable(raw: string[][]): SourceTable {
  const numbered = raw
    .map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => (c ?? '').trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (numbered.length === 0) return { headers: [], rows: [] };
  const width = Math.max(...numbered.map((r) => r.cells.length));
  const firstData = numbered.slice(0, 20).findIndex((r) => r.cells.some(looksNumeric));
  // no numeric row near the top: take the first row as the header, as a spreadsheet would
  const headerAt = firstData === -1 ? 0 : firstData - 1;
  const header = headerAt >= 0 ? numbered[headerAt]! : null;
  const headers = Array.from({ length: width }, (_, i) => header?.cells[i] || `列${i + 1}`);
  return { headers, rows: numbered.slice(headerAt + 1) };
}
