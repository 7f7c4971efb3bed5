import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accruedLateFeeFen, lateFeeToPost } from './lateFees';
import { rateUsage, usageFromMinutes } from './rating';
import { billDueOn, computeMonthlyBill, monthBounds } from './monthlyBill';
import { checkRenewalWithPolicy } from './renewal';
import { dailyOverdue, ledgerBalance, overdueOn, type LedgerCategory } from './ledger';
import { decideCollections, type CollectionsFacts } from './collections';
import { DEFAULT_BILLING_SETTINGS, resolveBillingSettings } from './settings';
import { DEFAULT_OFFICE_SETTINGS, resolveOfficeSettings } from '../domain/settings/officeSettings';
import { mapCallRows, carrierMappingSchema } from './callImport';
import { parseCarrierTime, officeDayOfMs } from './localTime';
import { buildStatementDocument } from './statement';
import { runsText } from '../contracts/model';

describe('rating (per started minute, included minutes first)', () => {
  it('hand-computed: 54 s, 62 s, 125 s, 0 s at 25 fen with 2 included minutes', () => {
    const r = rateUsage(
      [
        { carrierRecordId: 'b', startAt: '2026-11-02T01:00:00Z', durationSeconds: 62 }, // 2 min
        { carrierRecordId: 'a', startAt: '2026-11-01T01:00:00Z', durationSeconds: 54 }, // 1 min, first
        { carrierRecordId: 'c', startAt: '2026-11-03T01:00:00Z', durationSeconds: 125 }, // 3 min
        { carrierRecordId: 'd', startAt: '2026-11-04T01:00:00Z', durationSeconds: 0 }, // 0 min
      ],
      2,
      25,
    );
    expect(r.calls.map((c) => [c.carrierRecordId, c.billableMinutes, c.includedMinutes, c.chargedFen])).toEqual([
      ['a', 1, 1, 0],
      ['b', 2, 1, 25],
      ['c', 3, 0, 75],
      ['d', 0, 0, 0],
    ]);
    expect(r).toMatchObject({ totalMinutes: 6, includedUsed: 2, chargedMinutes: 4, usageFen: 100 });
  });
  it('agrees with the aggregate form for any calls', () => {
    fc.assert(fc.property(fc.array(fc.nat(7200), { maxLength: 40 }), fc.nat(300), fc.integer({ min: 0, max: 36 }), (durs, inc, tariff) => {
      const r = rateUsage(durs.map((d, i) => ({ carrierRecordId: String(i).padStart(3, '0'), startAt: '2026-11-01T00:00:00Z', durationSeconds: d })), inc, tariff);
      const agg = usageFromMinutes(r.totalMinutes, inc, tariff);
      expect(r.usageFen).toBe(agg.usageFen);
      expect(r.calls.reduce((a, c) => a + c.chargedFen, 0)).toBe(r.usageFen);
    }));
  });
  it('refuses a fractional tariff', () => expect(() => rateUsage([], 0, 2.5)).toThrow(RangeError));
});

describe('monthly bill', () => {
  const base = { month: '2026-11', monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, features: [{ name: '彩铃', monthlyFen: 500 }], firstMonthPolicy: 'prorated' as const };
  it('usage below the minimum is charged the minimum; features on top', () => {
    // 300 min − 100 included = 200 × 20 = 4,000 < 10,000 → 10,000 + 500 = 10,500
    const b = computeMonthlyBill({ ...base, openedOn: '2026-01-10', totalMinutes: 300 })!;
    expect(b).toMatchObject({ usageFen: 4_000, minimumFen: 10_000, monthlyChargeFen: 10_000, featureFeesFen: 500, totalFen: 10_500, firstMonth: false, periodFrom: '2026-11-01' });
  });
  it('usage above the minimum is charged the usage', () => {
    // 700 − 100 = 600 × 20 = 12,000 > 10,000
    expect(computeMonthlyBill({ ...base, openedOn: '2026-01-10', totalMinutes: 700 })!.totalFen).toBe(12_500);
  });
  it('first month from the actual opening date: prorated, full or usage only', () => {
    // opened 2026-11-16: 15 of 30 days → 5,000
    expect(computeMonthlyBill({ ...base, openedOn: '2026-11-16', totalMinutes: 0 })).toMatchObject({ minimumFen: 5_000, monthlyChargeFen: 5_000, periodFrom: '2026-11-16', firstMonth: true });
    expect(computeMonthlyBill({ ...base, openedOn: '2026-11-16', totalMinutes: 150, firstMonthPolicy: 'waived' })).toMatchObject({ minimumFen: 0, monthlyChargeFen: 1_000 });
    expect(computeMonthlyBill({ ...base, openedOn: '2026-11-16', totalMinutes: 0, firstMonthPolicy: 'full' })!.monthlyChargeFen).toBe(10_000);
    // December 2026 opened on the 15th: 17/31 × 10,000 = 5,483.87 → 5,484
    expect(computeMonthlyBill({ ...base, month: '2026-12', openedOn: '2026-12-15', totalMinutes: 0 })!.minimumFen).toBe(5_484);
  });
  it('no bill before the opening month', () => expect(computeMonthlyBill({ ...base, openedOn: '2026-12-01', totalMinutes: 0 })).toBeNull());
  it('month bounds and due dates', () => {
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(billDueOn('2026-12', 15)).toBe('2027-01-15');
    expect(() => monthBounds('2026-13')).toThrow(RangeError);
  });
});

describe('late fees (3‰ a day of the overdue amount, half up once)', () => {
  it('hand-computed: 10,500 fen overdue for 5 days = 157.5 → 158 fen', () => {
    expect(accruedLateFeeFen([10_500, 10_500, 10_500, 10_500, 10_500])).toBe(158);
  });
  it('rounds once: ten days of 100 fen make 3 fen', () => {
    expect(accruedLateFeeFen(Array(10).fill(100))).toBe(3);
    expect(lateFeeToPost(Array(10).fill(100), 1)).toBe(2);
    expect(lateFeeToPost([100], 5)).toBe(0);
  });
  it('overdue principal by day: charges after their due date less credits, late fees excluded', () => {
    const e = (amountFen: number, effectiveOn: string, dueOn: string, category: LedgerCategory = 'principal') => ({ amountFen, effectiveOn, dueOn, category });
    const entries = [
      e(5_000, '2026-11-01', '2026-11-01'), // prepayment
      e(-10_500, '2026-11-30', '2026-12-15'), // November bill
      e(-158, '2026-12-20', '2026-12-20', 'late_fee'),
      e(2_000, '2026-12-18', '2026-12-18'), // partial payment
    ];
    expect(overdueOn(entries, '2026-12-15')).toBe(0);
    expect(overdueOn(entries, '2026-12-16')).toBe(5_500);
    expect(overdueOn(entries, '2026-12-18')).toBe(3_500);
    expect(ledgerBalance(entries)).toBe(-3_658);
    expect(ledgerBalance(entries, '2026-12-01')).toBe(-5_500);
    expect(dailyOverdue(entries, '2026-12-15', '2026-12-19').map((d) => d.overdueFen)).toEqual([5_500, 5_500, 3_500, 3_500]);
  });
});

describe('renewals (400 agreement 第四条(二)8 and the office floor)', () => {
  it('refuses below the first renewal, in zh-CN naming both amounts', () => {
    const r = checkRenewalWithPolicy(50_000, 60_000, { monthlyMinimumFen: 10_000, floorMonthlyMinimums: 0 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('600.00');
  });
  it('office floor: three monthly minimums, off by default', () => {
    expect(checkRenewalWithPolicy(20_000, null, { monthlyMinimumFen: 10_000, floorMonthlyMinimums: 0 }).ok).toBe(true);
    const r = checkRenewalWithPolicy(20_000, null, { monthlyMinimumFen: 10_000, floorMonthlyMinimums: 3 });
    expect(!r.ok && r.reason).toContain('300.00');
    expect(checkRenewalWithPolicy(30_000, null, { monthlyMinimumFen: 10_000, floorMonthlyMinimums: 3 }).ok).toBe(true);
  });
});

describe('collections decisions', () => {
  const facts = (o: Partial<CollectionsFacts>): CollectionsFacts => ({ today: '2026-12-16', state: 'active', stateSince: '2026-01-01', balanceFen: -5_500, overdueFen: 5_500, overdueSince: '2026-12-16', suspendedAutomatically: false, exemptUntil: null, hasLedger: true, ...o });
  // the office's default rules (30 days from suspension to termination)
  const s = resolveBillingSettings({}, DEFAULT_OFFICE_SETTINGS);
  it('suspends on the first overdue day by default, not before', () => {
    expect(decideCollections(facts({}), s)?.action).toBe('suspend');
    expect(decideCollections(facts({ overdueFen: 0, overdueSince: null }), s)).toBeNull();
    expect(decideCollections(facts({}), { ...s, suspendAfterOverdueDays: 3 })).toBeNull();
    expect(decideCollections(facts({}), { ...s, suspendWhen: 'never' })).toBeNull();
  });
  it('balance-exhausted policy suspends at zero balance', () => {
    expect(decideCollections(facts({ overdueFen: 0, overdueSince: null, balanceFen: 0 }), { ...s, suspendWhen: 'balance_exhausted' })?.action).toBe('suspend');
  });
  it('terminates 30 days after suspension if still unpaid; resumes when cleared', () => {
    expect(decideCollections(facts({ state: 'suspended', stateSince: '2026-12-16', today: '2027-01-14' }), s)).toBeNull();
    expect(decideCollections(facts({ state: 'suspended', stateSince: '2026-12-16', today: '2027-01-15' }), s)?.action).toBe('terminate');
    expect(decideCollections(facts({ state: 'suspended', balanceFen: 0, overdueFen: 0, suspendedAutomatically: true }), s)?.action).toBe('resume');
    expect(decideCollections(facts({ state: 'suspended', balanceFen: 0, overdueFen: 0, suspendedAutomatically: false }), s)).toBeNull();
  });
  it("terminates on the office's days from suspension to termination; one left in the billing settings is not used", () => {
    const suspended = facts({ state: 'suspended', stateSince: '2026-12-16', today: '2027-01-15' });
    const longer = resolveBillingSettings({}, resolveOfficeSettings({ suspensionToTerminationDays: 45 }));
    expect(decideCollections(suspended, longer)).toBeNull();
    expect(decideCollections(facts({ state: 'suspended', stateSince: '2026-12-16', today: '2027-01-30' }), longer)).toMatchObject({ action: 'terminate', reason: expect.stringContaining('暂停 45 日后') });
    const stale = resolveBillingSettings({ ...DEFAULT_BILLING_SETTINGS, suspensionToTerminationDays: 1, coolingDays: 5 } as never, resolveOfficeSettings({ suspensionToTerminationDays: 45, coolingDays: 60 }));
    expect(stale).toMatchObject({ suspensionToTerminationDays: 45, coolingDays: 60 });
    expect(decideCollections(suspended, stale)).toBeNull();
  });
  it('a reversed action exempts the account for the grace days', () => {
    expect(decideCollections(facts({ exemptUntil: '2026-12-20' }), s)).toBeNull();
  });
});

describe('carrier file mapping', () => {
  const mapping = carrierMappingSchema.parse({ columns: { carrierRecordId: '流水号', hotline: '400号码', caller: '主叫', forwardedTo: '被叫', startAt: '开始时间', durationSeconds: '时长', feeFen: '话费' } });
  it('maps rows, converts Beijing wall-clock time to UTC and reads yuan as fen', () => {
    const r = mapCallRows(
      [
        ['流水号', '400号码', '主叫', '被叫', '开始时间', '时长', '话费'],
        ['R1', '400-800-1234', '13800000000', '037167891234', '2026-11-30 23:59:30', '62', '0.50'],
        [],
        ['R1', '4008001234', '13800000000', '037167891234', '2026-11-30 23:59:30', '62', '0.50'],
      ],
      mapping,
      'Asia/Shanghai',
    );
    expect(r.errors).toEqual([]);
    expect(r.duplicatesInFile).toBe(1);
    expect(r.calls[0]).toMatchObject({ hotline: '4008001234', durationSeconds: 62, carrierFeeFen: 50, localDay: '2026-11-30' });
    expect(new Date(r.calls[0]!.startMs).toISOString()).toBe('2026-11-30T15:59:30.000Z');
  });
  it('names the row and the field of every problem', () => {
    const r = mapCallRows(
      [
        ['流水号', '400号码', '主叫', '被叫', '开始时间', '时长', '话费'],
        ['R1', '5008001234', '1', '2', '2026-11-31 10:00:00', '-3', 'x'],
      ],
      mapping,
      'Asia/Shanghai',
    );
    expect(r.calls).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([
      '第 2 行：400 号码：“5008001234”不是 400 开头的 10 位号码。',
      '第 2 行：开始时间：“2026-11-31 10:00:00”不是有效的时间。',
      '第 2 行：通话时长（秒）：“-3”不是非负整数秒。',
      '第 2 行：话费：“x”不是有效的金额。',
    ]);
  });
  it('reports a mapped column missing from the header', () => {
    const r = mapCallRows([['流水号']], mapping, 'Asia/Shanghai');
    expect(r.errors[0]!.message).toContain('400号码');
  });
  it('parses the carrier time formats', () => {
    expect(parseCarrierTime('20261101080000', 'Asia/Shanghai')).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(parseCarrierTime('2026/11/01 08:00', 'Asia/Shanghai')).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(parseCarrierTime('2026-11-01T08:00:00+08:00', 'UTC')).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(parseCarrierTime('2026-02-30 08:00:00', 'Asia/Shanghai')).toBeNull();
    expect(officeDayOfMs(Date.parse('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
  });
});

describe('statement document', () => {
  it('states the amount due in uppercase RMB and the due date', () => {
    const doc = buildStatementDocument({
      officeName: '北京营业厅', billNo: 'B-1', customerName: '某某科技有限公司', accountNo: 'A-1', hotline: '4008001234', month: '2026-11',
      periodFrom: '2026-11-01', periodTo: '2026-11-30', openedOn: '2026-01-10', issuedOn: '2026-12-01', dueOn: '2026-12-15',
      totalMinutes: 300, includedUsed: 100, chargedMinutes: 200, tariffFenPerMinute: 20, usageFen: 4_000, minimumFen: 10_000,
      lines: [{ label: '月最低消费', amountFen: 10_000 }, { label: '彩铃', amountFen: 500 }], movements: [],
      openingBalanceFen: 0, closingBalanceFen: -10_500, calls: [], callsNotListed: 0,
    });
    const text = doc.blocks.map((b) => (b.kind === 'clause' ? runsText(b.runs) : '')).join('\n');
    expect(text).toContain('壹佰零伍元整');
    expect(text).toContain('2026-12-15');
  });
});
