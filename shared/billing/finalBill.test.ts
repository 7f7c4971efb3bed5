import { describe, expect, it } from 'vitest';
import { computeMonthlyBill, finalMonthMinimumFen } from './monthlyBill';

// Final bills of terminated / closed accounts (docs/billing.md, "Final bills"), computed by hand.
describe('final month of a terminated or closed account', () => {
  const base = { month: '2026-11', openedOn: '2026-01-10', monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, features: [{ name: '彩铃', monthlyFen: 500 }], firstMonthPolicy: 'prorated' as const };

  it('prorated: the minimum for the days served, end day included; feature fees in full', () => {
    // ended 2026-11-10: 10 of 30 days → 10,000 × 10/30 = 3,333.33 → 3,333; + 彩铃 500
    const b = computeMonthlyBill({ ...base, endedOn: '2026-11-10', totalMinutes: 30 })!;
    expect(b).toMatchObject({ periodFrom: '2026-11-01', periodTo: '2026-11-10', finalMonth: true, firstMonth: false, usageFen: 0, minimumFen: 3_333, monthlyChargeFen: 3_333, totalFen: 3_833 });
    expect(b.lines[0]!.label).toBe('最终账单（服务至 2026-11-10）：2026-11 月最低消费（通话费 0.00 元低于最低消费）');
    // December has 31 days: ended on the 15th → 10,000 × 15/31 = 4,838.71 → 4,839
    expect(computeMonthlyBill({ ...base, month: '2026-12', endedOn: '2026-12-15', totalMinutes: 0 })!.minimumFen).toBe(4_839);
  });

  it('usage above the prorated minimum is charged the usage', () => {
    // 400 min − 100 included = 300 × 20 = 6,000 > 3,333
    expect(computeMonthlyBill({ ...base, endedOn: '2026-11-10', totalMinutes: 400 })).toMatchObject({ usageFen: 6_000, monthlyChargeFen: 6_000, totalFen: 6_500 });
  });

  it('follows the first-month policy: full or usage only', () => {
    expect(computeMonthlyBill({ ...base, endedOn: '2026-11-10', totalMinutes: 0, firstMonthPolicy: 'full' })!.minimumFen).toBe(10_000);
    // waived: 150 − 100 = 50 × 20 = 1,000
    expect(computeMonthlyBill({ ...base, endedOn: '2026-11-10', totalMinutes: 150, firstMonthPolicy: 'waived' })).toMatchObject({ minimumFen: 0, monthlyChargeFen: 1_000 });
  });

  it('opened and ended in the same month: the days between both dates', () => {
    // 2026-11-05 … 2026-11-20 = 16 days → 10,000 × 16/30 = 5,333.33 → 5,333
    expect(computeMonthlyBill({ ...base, openedOn: '2026-11-05', endedOn: '2026-11-20', totalMinutes: 0 })).toMatchObject({ firstMonth: true, finalMonth: true, periodFrom: '2026-11-05', periodTo: '2026-11-20', minimumFen: 5_333 });
    expect(finalMonthMinimumFen(10_000, '2026-11-05', '2026-11-05', 'prorated')).toBe(333);
  });

  it('ended on the last day: the whole minimum; after the end month no bill at all', () => {
    expect(computeMonthlyBill({ ...base, endedOn: '2026-11-30', totalMinutes: 0 })).toMatchObject({ finalMonth: true, periodTo: '2026-11-30', minimumFen: 10_000 });
    expect(computeMonthlyBill({ ...base, endedOn: '2026-10-31', totalMinutes: 0 })).toBeNull();
    expect(computeMonthlyBill({ ...base, month: '2026-12', endedOn: '2026-11-10', totalMinutes: 0 })).toBeNull();
  });

  it('an account still in service is billed as before (no end date)', () => {
    const b = computeMonthlyBill({ ...base, totalMinutes: 0 })!;
    expect(b).toMatchObject({ periodTo: '2026-11-30', minimumFen: 10_000 });
    expect(b.finalMonth).toBeUndefined();
  });
});
