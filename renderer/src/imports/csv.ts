import Papa from 'papaparse';
import { toSourceTable, type SourceTable } from './table';

/**
 * Excel on a Chinese Windows saves CSV as GBK unless told otherwise; carriers' exports are often
 * GB18030 too. Decode as UTF-8 when the bytes are valid UTF-8, else as GB18030 (a superset of GBK).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Parses CSV text (comma, semicolon or tab separated — papaparse detects which). */
export function parseCsvText(text: string): SourceTable {
  // skipEmptyLines is off so row numbers stay those of the file; toSourceTable drops empty rows.
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return toSourceTable(result.data.map((row) => row.map((c) => String(c ?? ''))));
}
