// The acceptance checks import these names from shared/index.ts with these signatures. If another
// area exported a clashing name, `export *` would silently drop it: this test catches that.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as shared from '../index';
import type { Check } from '../index';

describe('public domain API from shared/index.ts', () => {
  it('exports every function of issue 3', () => {
    const names = [
      'validateUscc', 'validateResidentId', 'validateMobile', 'validateLandline', 'parseHotline', 'numberPatterns',
      'gradeNumber', 'rmbUppercase', 'formatContractDate', 'isWorkingDay', 'addWorkingDays', 'registerCalendarYear',
      'deemedAcceptanceDate', 'billableMinutes', 'monthlyCharge', 'lateFee', 'checkRenewal', 'disputeDeadline',
      'CalendarDataMissingError', 'transitionNumber', 'transitionServiceAccount', 'maskIdNumber', 'formatFen',
      'parseYuanToFen', 'can',
    ] as const;
    for (const name of names) expect([name, typeof shared[name]]).toEqual([name, 'function']);
    expect(shared.DEFAULT_GRADE_RULES.length).toBeGreaterThan(0);
    expect(typeof shared.customerSchema.parse).toBe('function');
  });

  it('keeps the signatures', () => {
    expectTypeOf(shared.validateUscc).toEqualTypeOf<(code: string) => Check>();
    expectTypeOf(shared.validateResidentId).toEqualTypeOf<(id: string, today?: string) => Check>();
    expectTypeOf(shared.validateMobile).toEqualTypeOf<(s: string) => Check>();
    expectTypeOf(shared.validateLandline).toEqualTypeOf<(s: string) => Check>();
    expectTypeOf(shared.parseHotline).returns.toEqualTypeOf<
      | { ok: true; digits: string; display: string; carrier: 'unicom' | 'mobile' | 'telecom' }
      | { ok: false; reason: string; code?: string; params?: Record<string, string | number> }
    >();
    expectTypeOf(shared.numberPatterns).returns.toMatchTypeOf<string[]>();
    expectTypeOf(shared.rmbUppercase).toEqualTypeOf<(fen: number) => string>();
    expectTypeOf(shared.formatContractDate).toEqualTypeOf<(date: string) => string>();
    expectTypeOf(shared.isWorkingDay).toEqualTypeOf<(date: string) => boolean>();
    expectTypeOf(shared.addWorkingDays).toEqualTypeOf<(date: string, n: number) => string>();
    expectTypeOf(shared.deemedAcceptanceDate).toEqualTypeOf<(receivedOn: string) => string>();
    expectTypeOf(shared.billableMinutes).toEqualTypeOf<(seconds: number) => number>();
    expectTypeOf(shared.monthlyCharge).toEqualTypeOf<(usageFen: number, minimumFen: number) => number>();
    expectTypeOf(shared.lateFee).toEqualTypeOf<(overdueFen: number, days: number) => number>();
    expectTypeOf(shared.checkRenewal).toEqualTypeOf<(amountFen: number, firstRenewalFen: number | null) => Check>();
    expectTypeOf(shared.disputeDeadline).toEqualTypeOf<(recordDate: string) => string>();
    // code/params (the message catalog's key) are optional, so a plain { ok: false, reason } is still a Check.
    expectTypeOf<Check>().toEqualTypeOf<
      { ok: true } | { ok: false; reason: string; code?: string; params?: Record<string, string | number> }
    >();
    expectTypeOf<{ ok: false; reason: string }>().toExtend<Check>();
  });
});
