import { decodeText, parseCsvText } from './csv';
import { parseXlsx } from './xlsx';
import type { SourceTable } from './table';

export class UnsupportedFileError extends Error {}

/** Reads a CSV or XLSX file the user picked into a table; other kinds are refused with a zh-CN reason. */
export async function readTableFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<SourceTable> {
  const name = file.name.toLowerCase();
  const data = await file.arrayBuffer();
  if (name.endsWith('.xlsx')) return parseXlsx(data);
  if (name.endsWith('.csv') || name.endsWith('.txt')) return parseCsvText(decodeText(new Uint8Array(data)));
  throw new UnsupportedFileError(`不支持的文件类型：${file.name}（请使用 CSV 或 XLSX）`);
}
