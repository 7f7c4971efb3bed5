import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { arrearsAgeing, loadDashboard, monthsEnding, revenueByMonth } from './dashboard';
import { importNumbers } from './numbers';
import { ledgerTable, type StoredLedgerEntry } from './ledgerTypes';
import { sheetsToXlsx } from '../areas/dashboard/xlsx';

let n = 0;
let accountId = '';

function entry(id: string, kind: StoredLedgerEntry['kind'], amountFen: number, effectiveOn: string, dueOn = effectiveOn, reverses: string | null = null): StoredLedgerEntry {
  return { id, accountId, kind, category: kind === 'late_fee' ? 'late_fee' : 'principal', amountFen, effectiveOn, dueOn, method: null, reference: null, reason: null, approvedBy: null, reverses, billId: null, createdBy: null, createdAt: `${effectiveOn}T00:00:00.000Z`, version: 2 };
}

describe('dashboard figures', () => {
  beforeEach(async () => {
    setDatabase(new HotlineDb(`dashboard-test-${++n}`));
    setClock('2026-11-02T02:00:00.000Z');
    ({ accountId } = await seedBillingAccount());
    await actAs('manager');
  });

  it('months ending a month, across a year', () => {
    expect(monthsEnding('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('revenue by month: charges billed net of reversals, payments received net of refunds', () => {
    const rows = revenueByMonth(
      [
        entry('p1', 'prepayment', 360_000, '2026-11-02'),
        entry('b1', 'monthly_charge', -29_000, '2026-11-30'),
        entry('f1', 'feature_fee', -1_000, '2026-11-30'),
        entry('l1', 'late_fee', -87, '2026-12-20'),
        entry('x1', 'reversal', 87, '2026-12-21', '2026-12-21', 'l1'),
        entry('b2', 'monthly_charge', -31_530, '2026-12-31'),
        entry('r1', 'refund', -10_000, '2026-12-31'),
      ],
      ['2026-11', '2026-12'],
    );
    expect(rows).toEqual([
      { month: '2026-11', billedFen: 30_000, receivedFen: 360_000 },
      { month: '2026-12', billedFen: 31_530, receivedFen: -10_000 },
    ]);
  });

  it('arrears ageing buckets by days overdue (30/60/90), owing-not-due apart', () => {
    const b = arrearsAgeing([
      { overdueFen: 100, overdueDays: 1, balanceFen: -100 },
      { overdueFen: 200, overdueDays: 30, balanceFen: -200 },
      { overdueFen: 300, overdueDays: 31, balanceFen: -300 },
      { overdueFen: 400, overdueDays: 91, balanceFen: -400 },
      { overdueFen: 0, overdueDays: 0, balanceFen: -500 },
      { overdueFen: 0, overdueDays: 0, balanceFen: 700 },
    ]);
    expect(b.map((x) => [x.key, x.accounts, x.amountFen])).toEqual([
      ['notDue', 1, 500],
      ['d1_30', 2, 300],
      ['d31_60', 1, 300],
      ['d61_90', 0, 0],
      ['d90plus', 1, 400],
    ]);
  });

  it('loads every figure from the local store', async () => {
    await actAs('manager');
    await importNumbers(['4008888888', '4008000001', '4008000002'].map((value, i) => ({ rowNumber: i + 1, value })), 'more.csv');
    await db().gradeRules.put({ id: 'g-aaaa', order: 1, name: 'AAAA', pattern: 'AAAA', priceFen: 500_000, requiredPackageId: null, monthlyMinimumFen: 0, version: 1, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
    await db().numbers.update('4008888888', { grade: 'g-aaaa' });
    await ledgerTable().bulkAdd([entry('p1', 'prepayment', 10_000, '2026-11-02'), entry('b1', 'monthly_charge', -30_000, '2026-11-30', '2026-12-15')]);
    const d = await loadDashboard({ today: '2027-01-20', months: 3 });
    expect(d.revenue).toEqual([
      { month: '2026-11', billedFen: 30_000, receivedFen: 10_000 },
      { month: '2026-12', billedFen: 0, receivedFen: 0 },
      { month: '2027-01', billedFen: 0, receivedFen: 0 },
    ]);
    expect([d.activeNumbers, d.activeAccounts, d.suspendedAccounts]).toEqual([1, 1, 0]);
    // 200.00 overdue since 12-16: 36 days on 01-20
    expect(d.ageing.find((b) => b.key === 'd31_60')).toEqual({ key: 'd31_60', accounts: 1, amountFen: 20_000 });
    expect(d.arrearsTotalFen).toBe(20_000);
    expect(d.gradeStates.map((g) => [g.gradeName, g.counts.available, g.counts.active, g.total])).toEqual([
      ['AAAA', 1, 0, 1],
      ['', 2, 1, 3],
    ]);
    expect(d.expiring).toEqual([]);
    const later = await loadDashboard({ today: '2027-09-01', months: 1 });
    expect(later.expiring.map((e) => [e.termEndsOn, e.daysLeft])).toEqual([['2027-11-01', 61]]);
  });

  it('exports a table to an .xlsx that exceljs opens, money in yuan to the fen', async () => {
    const bytes = await sheetsToXlsx([
      {
        name: '月收入/Revenue',
        columns: [
          { key: 'month', header: '月份' },
          { key: 'billedFen', header: '应收', money: true },
        ],
        rows: [
          { month: '2026-11', billedFen: 600_714 },
          { month: '2026-12', billedFen: 29 },
        ],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('月收入 Revenue');
    expect(ws.getRow(1).values).toEqual([undefined, '月份', '应收']);
    expect(ws.getCell('B2').value).toBe(6007.14);
    expect(ws.getCell('B3').value).toBe(0.29);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
  });
});

describe('dashboard permission', () => {
  it('is for managers: a clerk is refused', async () => {
    setDatabase(new HotlineDb(`dashboard-test-${++n}`));
    setClock('2026-11-02T02:00:00.000Z');
    await seedBillingAccount();
    await expect(loadDashboard()).rejects.toThrow('无权查看报表');
  });
});
