import { describe, expect, it } from 'vitest';
import { carrierMappingOf, checkPreview, callFileFormat, columnsFor, completeLines, doubleMapped, firstRowHeader, knownCarriers, missingCallFields, previewCallFile, type CallColumns, type PastCallImport } from './callImport';
import type { CarrierMapping } from '../../../shared';

const HEADERS = ['流水号', '计费号码', '主叫号码', '被叫号码', '开始时间', '通话时长', '话费'];
const SAVED: CarrierMapping = { columns: { carrierRecordId: '流水号', hotline: '计费号码', caller: '主叫号码', forwardedTo: '被叫号码', startAt: '开始时间', durationSeconds: '通话时长', feeFen: '话费' }, feeUnit: 'yuan' };

const none = (): CallColumns => ({ carrierRecordId: null, hotline: null, caller: null, forwardedTo: null, startAt: null, answerAt: null, endAt: null, durationSeconds: null, callerProvince: null, callerCity: null, feeFen: null });

describe('call import mapping helpers', () => {
  it('prefills from the saved mapping by header text, wherever the columns sit in this file', () => {
    const shuffled = ['话费', '开始时间', '流水号', '计费号码', '主叫号码', '被叫号码', '通话时长', '备注'];
    const cols = columnsFor(shuffled, SAVED);
    expect(cols).toMatchObject({ feeFen: 0, startAt: 1, carrierRecordId: 2, hotline: 3, caller: 4, forwardedTo: 5, durationSeconds: 6, endAt: null, answerAt: null });
  });

  it('a saved header missing from the file leaves that field unmapped (named before the upload)', () => {
    const cols = columnsFor(HEADERS.filter((h) => h !== '开始时间'), SAVED);
    expect(cols.startAt).toBeNull();
    expect(missingCallFields(cols)).toEqual(['startAt']);
  });

  it('without a saved mapping guesses from common carrier headers', () => {
    const cols = columnsFor(HEADERS, null);
    expect(cols).toMatchObject({ carrierRecordId: 0, hotline: 1, caller: 2, forwardedTo: 3, startAt: 4, durationSeconds: 5, feeFen: 6 });
    expect(missingCallFields(cols)).toEqual([]);
  });

  it('requires the five key fields and a duration or an end time', () => {
    expect(missingCallFields(none())).toEqual(['carrierRecordId', 'hotline', 'caller', 'forwardedTo', 'startAt', 'durationSeconds']);
    const withEnd = { ...columnsFor(HEADERS, null), durationSeconds: null, endAt: 5 };
    expect(missingCallFields(withEnd)).toEqual([]);
  });

  it('builds the server mapping from header texts, null while incomplete', () => {
    const cols = columnsFor(HEADERS, null);
    expect(carrierMappingOf(HEADERS, cols, 'yuan')).toEqual(SAVED);
    expect(carrierMappingOf(HEADERS, cols, 'fen', 'Asia/Shanghai')).toMatchObject({ feeUnit: 'fen', timeZone: 'Asia/Shanghai' });
    expect(carrierMappingOf(HEADERS, { ...cols, hotline: null }, 'yuan')).toBeNull();
  });

  it('finds a column chosen for two fields', () => {
    expect(doubleMapped({ ...columnsFor(HEADERS, null), callerCity: 2 })).toEqual(['callerCity']);
    expect(doubleMapped(columnsFor(HEADERS, null))).toEqual([]);
  });

  it('tells the format by the name and lists carriers once, newest first', () => {
    expect([callFileFormat('a.CSV'), callFileFormat('b.xlsx'), callFileFormat('c.txt'), callFileFormat('d.xls')]).toEqual(['csv', 'xlsx', 'csv', null]);
    const imp = (carrier: string) => ({ carrier }) as PastCallImport;
    expect(knownCarriers([imp('联通'), imp('电信'), imp('联通')])).toEqual(['联通', '电信']);
    expect(knownCarriers([imp('联通'), imp('电信')], ['移动', '电信'])).toEqual(['移动', '电信', '联通']);
  });
});

describe('call file preview', () => {
  it('cuts the head of a big CSV after its last full line (no half UTF-8 character)', () => {
    const bytes = new TextEncoder().encode('a,b\n1,主叫\n2,被');
    const cut = completeLines(bytes.subarray(0, bytes.length - 1), false);
    expect(new TextDecoder().decode(cut)).toBe('a,b\n1,主叫\n');
    expect(completeLines(bytes, true)).toBe(bytes);
  });

  it('reads the header and the first rows of a CSV with their file row numbers', async () => {
    const lines = [HEADERS.join(','), ...Array.from({ length: 8 }, (_, i) => `W${i},4008101001,13800138000,037167891234,2026-09-0${i + 1} 10:00:00,30,0.20`)];
    const file = new File([lines.join('\r\n')], '联通话单.csv');
    const t = await previewCallFile(file);
    expect(t.headers).toEqual(HEADERS);
    expect(t.rows).toHaveLength(5);
    expect(t.rows[0]).toEqual({ rowNumber: 2, cells: ['W0', '4008101001', '13800138000', '037167891234', '2026-09-01 10:00:00', '30', '0.20'] });
    expect(firstRowHeader(t, 2).rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it('reads a GBK CSV (Excel on Chinese Windows) through the same decoder as the numbers import', async () => {
    // 流水号 in GBK
    const gbk = new Uint8Array([0xc1, 0xf7, 0xcb, 0xae, 0xba, 0xc5, 0x2c, 0x78, 0x0a, 0x31, 0x2c, 0x32, 0x0a]);
    const t = await previewCallFile(new File([gbk], 'gbk.csv'));
    expect(t.headers).toEqual(['流水号', 'x']);
  });

  it('reads an XLSX carrier file: the header, the first rows, a 400 number typed as a number', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('话单');
    ws.addRow(HEADERS);
    for (let i = 0; i < 7; i++) ws.addRow([`X${i}`, 4008101001, '13800138000', '037167891234', '2026-09-02 10:00:00', 30, '0.10']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const t = await previewCallFile(new File([bytes], '电信话单.xlsx'));
    expect(t.headers).toEqual(HEADERS);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6]);
    expect(t.rows[0]!.cells.slice(0, 2)).toEqual(['X0', '4008101001']);
  });

  it('refuses a file the server would not read', async () => {
    await expect(previewCallFile(new File(['x'], 'calls.xls'))).rejects.toThrow('不支持的文件类型');
  });
});

describe('preview check', () => {
  it('names a preview row the server would refuse, by its file row and field', () => {
    const table = { headers: HEADERS, rows: [
      { rowNumber: 2, cells: ['W1', '4008101001', '13800138000', '037167891234', '2026-09-03 10:00:00', '30', '0.20'] },
      { rowNumber: 4, cells: ['W2', '4008101001', '13800138000', '037167891234', '2026-09-31 10:00:00', '30', '0.20'] },
    ] };
    expect(checkPreview(table, SAVED)).toEqual([{ row: 4, field: 'startAt', message: '第 4 行：开始时间：“2026-09-31 10:00:00”不是有效的时间。' }]);
  });

  it('a column mapped to the wrong field shows on every preview row', () => {
    const table = { headers: HEADERS, rows: [{ rowNumber: 2, cells: ['W1', '4008101001', '13800138000', '037167891234', '2026-09-03 10:00:00', '30', '0.20'] }] };
    const wrong = { ...SAVED, columns: { ...SAVED.columns, hotline: '主叫号码' } };
    expect(checkPreview(table, wrong).map((e) => [e.row, e.field])).toEqual([[2, 'hotline']]);
  });
});
