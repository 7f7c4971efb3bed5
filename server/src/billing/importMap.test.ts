import { describe, expect, it } from 'vitest';
import { billableMinutes } from '../../../shared/domain/index';
import { mapCallRows, type CarrierMapping } from '../../../shared/billing/index';
import { testAccount } from './accountFixture';
import { CallBatchMapper } from './importMap';

const account = (hotline: string, i: number) => testAccount(hotline, i);

/**
 * The mapper's fast path must give exactly what shared mapCallRows gives (calls, errors with their
 * lines, counts) for every row: run both over the same rows, in several batches, and compare.
 */
function compare(mapping: CarrierMapping, header: string[], rows: string[][], officeTz = 'Asia/Shanghai') {
  const shared = mapCallRows([header, ...rows], mapping, officeTz);
  const hotlines = [...new Set(shared.calls.map((c) => c.hotline))];
  const accounts = hotlines.map(account);
  const mapper = new CallBatchMapper(header, mapping, officeTz, accounts);
  const records = rows.map((cells, i) => ({ line: i + 2, cells }));
  const rated = [];
  for (let i = 0; i < records.length; i += 3) rated.push(...mapper.map(records.slice(i, i + 3)));
  expect(rated.map((r) => r.call)).toEqual(shared.calls);
  expect(rated.map((r) => r.minutes)).toEqual(shared.calls.map((c) => billableMinutes(c.durationSeconds)));
  expect(rated.map((r) => r.account.hotline)).toEqual(shared.calls.map((c) => c.hotline));
  expect(mapper.errors).toEqual(shared.errors);
  expect(mapper.errorCount).toBe(shared.errorCount);
  expect(mapper.duplicatesInFile).toBe(shared.duplicatesInFile);
  expect(mapper.rowsRead).toBe(rows.length);
  return { shared, mapper };
}

describe('CallBatchMapper fast path = shared mapCallRows', () => {
  it('duration and fee in yuan: plain rows, unusual but valid rows, bad rows, duplicates', () => {
    const mapping: CarrierMapping = { columns: { carrierRecordId: 'id', hotline: 'no', caller: 'from', forwardedTo: 'to', startAt: 'start', durationSeconds: 'secs', feeFen: 'fee', callerProvince: 'prov' }, feeUnit: 'yuan' };
    const header = ['id', 'no', 'from', 'to', 'start', 'secs', 'fee', 'prov'];
    const rows = [
      ['C1', '4008000001', '13800000001', '037100001', '2026-11-03 09:15:22', '61', '0.40', '河南'],
      [' C2 ', ' 4008000002 ', ' 138 ', ' 0371 ', ' 2026-11-03 23:59:59 ', ' 0 ', ' 12 ', ''],
      ['C3', '400-800-0001', '138', '0371', '2026/11/3 9:05', '600', '-1.5', ' 广东 '],
      ['C4', '400 800 0002', '138', '0371', '20261103091522', '0007', '', ''],
      ['C5', '4008000001', '138', '0371', '2026-11-03T01:15:22Z', '59', '1.', ''],
      ['C6', '4008000001', '138', '0371', '2026-11-03 01:15:22+08:00', '120', '1.234', ''],
      ['C7', '4008000003', '138', '0371', '2026-02-30 10:00:00', '10', '', ''],
      ['C8', '40080000031', '138', '0371', '2026-11-03 10:00:00', '10', '', ''],
      ['C9', '4008000003', '', '0371', '2026-11-03 10:00:00', '-5', 'x', ''],
      ['', '4008000003', '138', '0371', '2026-11-03 10:00:00', '5', '', ''],
      ['C1', '4008000002', '138', '0371', '2026-11-04 10:00:00', '5', '', ''],
      ['C10', '4008000002', '138', '0371', '2026-11-04 10:00:00', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['C11', '4008000002', '1'.repeat(50), '2'.repeat(45), '2026-11-04 10:00:00', '3601', '-0.05'],
      ['C12', '5008000002', '138', '0371', '2026-11-04 10:00:00', '3', '1.5', ''],
      ['X'.repeat(101), '4008000002', '138', '0371', '2026-11-04 10:00:00', '3', '', ''],
    ];
    const { shared } = compare(mapping, header, rows);
    // the comparison is only worth something if both kinds of rows are there
    expect(shared.calls.map((c) => c.carrierRecordId)).toEqual(['C1', 'C2', 'C3', 'C4', 'C11']);
    expect(shared.errorCount).toBeGreaterThan(5);
    expect(shared.duplicatesInFile).toBe(1);
  });

  it('answer and end times in the carrier zone, fee in fen, city column, short rows', () => {
    const mapping: CarrierMapping = { columns: { carrierRecordId: 'id', hotline: 'no', caller: 'from', forwardedTo: 'to', startAt: 's', answerAt: 'a', endAt: 'e', callerCity: 'city', feeFen: 'fee' }, feeUnit: 'fen', timeZone: 'UTC' };
    const header = ['id', 'no', 'from', 'to', 's', 'a', 'e', 'city', 'fee'];
    const rows = [
      ['E1', '4008000001', '138', '0371', '2026-11-30 17:00:00', '2026-11-30 17:00:05', '2026-11-30 17:01:06', '郑州', '40'],
      ['E2', '4008000001', '138', '0371', '2026-11-30 15:59:00', '', '2026-11-30 16:00:00', '', ''],
      ['E3', '4008000001', '138', '0371', '2026-11-30 16:00:00', '2026-11-30 15:59:00', '2026-11-30 16:00:00', '', '1'],
      ['E4', '4008000001', '138', '0371', '2026-11-30 16:00:00', '', '2026-11-30 15:00:00', '', '1.5'],
      ['E5', '4008000001', '138', '0371', '2026-11-30 16:00:00', 'soon', '2026-11-30 16:10:00', '', '-1'],
      ['E6', '4008000001', '138', '0371', '2026-11-30 16:00:00'],
      ['E7', '4008000001', '138', '0371', '2026-11-30 16:00:00', '2026-11-30 16:00:01.500', '2026-11-30 16:00:03', '', '007'],
    ];
    const { shared } = compare(mapping, header, rows);
    expect(shared.calls.map((c) => c.carrierRecordId)).toEqual(['E1', 'E2', 'E7']);
    // the office day of a start past 16:00 UTC is the next day in Shanghai
    expect(shared.calls[0]!.localDay).toBe('2026-12-01');
  });

  it('times through the per-hour cache: DST changes, half-hour zones, an office in another zone, invalid minutes', () => {
    const header = ['id', 'no', 'from', 'to', 's', 'a', 'e'];
    // every 10 minutes over the days around New York's and Sydney's DST changes, and a few odd times
    const times: string[] = [];
    for (const day of ['2026-03-07', '2026-03-08', '2026-11-01', '2026-04-05', '2026-10-04', '2026-12-31']) {
      for (let m = 0; m < 24 * 60; m += 10) times.push(`${day} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:${String((m * 7) % 60).padStart(2, '0')}`);
    }
    times.push('2026-11-01 01:60:00', '2026-11-01 01:59:60', '2026-11-01 24:00:00', '2026-02-29 10:00:00', '2026-13-01 10:00:00', '2026-11-01 1a:00:00', '2026-11-01T01:30:00');
    const rows = times.map((t, i) => [`T${i}`, '4008000001', '138', '0371', t, i % 3 ? t : '', times[i + 1] ?? t]);
    let cached = 0;
    for (const [carrierTz, officeTz] of [['America/New_York', 'Asia/Shanghai'], ['Australia/Sydney', 'America/New_York'], ['Asia/Kolkata', 'America/New_York'], ['Australia/Lord_Howe', 'Asia/Kolkata'], ['Asia/Shanghai', 'Asia/Shanghai']] as const) {
      const mapping: CarrierMapping = { columns: { carrierRecordId: 'id', hotline: 'no', caller: 'from', forwardedTo: 'to', startAt: 's', answerAt: 'a', endAt: 'e' }, feeUnit: 'fen', timeZone: carrierTz };
      const { shared } = compare(mapping, header, rows, officeTz);
      expect(shared.calls.length).toBeGreaterThan(500);
      expect(shared.errorCount).toBeGreaterThan(5);
      cached += shared.calls.length;
    }
    expect(cached).toBeGreaterThan(2000);
  });

  it('a row whose number no account holds is an error on its file line; later batches keep the file lines', () => {
    const mapping: CarrierMapping = { columns: { carrierRecordId: 'id', hotline: 'no', caller: 'from', forwardedTo: 'to', startAt: 'start', durationSeconds: 'secs' }, feeUnit: 'yuan' };
    const header = ['id', 'no', 'from', 'to', 'start', 'secs'];
    const mapper = new CallBatchMapper(header, mapping, 'Asia/Shanghai', [account('4008000001', 1)]);
    mapper.map([{ line: 2, cells: ['A', '4008000001', '1', '2', '2026-11-03 09:15:22', '5'] }]);
    const rated = mapper.map([
      { line: 7, cells: ['B', '4008000009', '1', '2', '2026-11-03 09:15:22', '5'] },
      { line: 9, cells: ['A', '4008000001', '1', '2', '2026-11-03 09:15:22', '5'] },
      { line: 12, cells: ['C', '4008000001', '1', '2', '2026-11-03 09:15:22', 'x'] },
    ]);
    expect(rated).toEqual([]);
    expect(mapper.duplicatesInFile).toBe(1);
    expect(mapper.errors.map((e) => [e.row, e.field])).toEqual([
      [7, 'hotline'],
      [12, 'durationSeconds'],
    ]);
    expect(mapper.errors[1]!.message).toMatch(/^第 12 行：通话时长（秒）：/);
  });
});
