import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { decodeText, parseCsvText } from './csv';
import { parseXlsx } from './xlsx';
import { readTableFile, UnsupportedFileError } from './readFile';
import { guessMapping, missingRequired, cellOf, type ImportField } from './columnMapping';

const FIELDS: ImportField[] = [
  { key: 'number', required: true, synonyms: ['号码', 'number'] },
  { key: 'note', required: false, synonyms: ['备注', 'note'] },
];

describe('CSV', () => {
  it('keeps file row numbers, skips blank lines and finds the header', () => {
    const t = parseCsvText('备注,400号码\n甲,400-800-1234\n\n乙,4008001235\n');
    expect(t.headers).toEqual(['备注', '400号码']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['甲', '400-800-1234'] },
      { rowNumber: 4, cells: ['乙', '4008001235'] },
    ]);
  });

  it('skips a title line above the header', () => {
    const t = parseCsvText('电信 400 号码分配清单\n序号,号码\n1,4008001234\n2,4008001235');
    expect(t.headers).toEqual(['序号', '号码']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3, 4]);
  });

  it('treats an all-numeric first row as data, not as a header', () => {
    const t = parseCsvText('4008001234\n4008001235');
    expect(t.headers).toEqual(['列1']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([1, 2]);
  });

  it('decodes GBK bytes (Excel on Chinese Windows) as well as UTF-8 with BOM', () => {
    const gbk = new Uint8Array([0xba, 0xc5, 0xc2, 0xeb]); // 号码 in GBK
    expect(decodeText(gbk)).toBe('号码');
    const utf8 = new TextEncoder().encode('\uFEFF号码');
    expect(decodeText(utf8)).toBe('号码');
  });
});

describe('XLSX', () => {
  it('reads numbers typed as numbers without exponent, and text cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('号码');
    ws.addRow(['号码', '备注']);
    ws.addRow([4008001234, '甲']);
    ws.addRow(['400 800 1235', { richText: [{ text: '乙' }, { text: '丙' }] }]);
    const buf = await wb.xlsx.writeBuffer();
    const t = await parseXlsx(buf as ArrayBuffer);
    expect(t.headers).toEqual(['号码', '备注']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['4008001234', '甲'] },
      { rowNumber: 3, cells: ['400 800 1235', '乙丙'] },
    ]);
  });

  it('refuses other file kinds with a reason', async () => {
    const file = { name: 'numbers.pdf', arrayBuffer: async () => new ArrayBuffer(0) };
    await expect(readTableFile(file)).rejects.toBeInstanceOf(UnsupportedFileError);
  });
});

describe('column mapping', () => {
  it('guesses from header synonyms and reports unmapped required fields', () => {
    const m = guessMapping(['备注', '400号码'], FIELDS);
    expect(m).toEqual({ number: 1, note: 0 });
    expect(cellOf(['x', ' 4008001234 '], m, 'number')).toBe('4008001234');
    expect(missingRequired({ number: null, note: 0 }, FIELDS)).toEqual(['number']);
  });

  it('maps a single unnamed column to the required field', () => {
    expect(guessMapping(['列1'], FIELDS)).toEqual({ number: 0, note: null });
  });
});
