import type { BillingAccount } from './accounts';

/** A billing account for unit tests of the call import: number `hotline`, tariff 20 + i fen a minute, opened on `openedOn`. */
export const testAccount = (hotline: string, i: number, openedOn = '2026-01-01'): BillingAccount => ({
  accountId: `acct-${i}`,
  accountNo: `A${i}`,
  hotline,
  state: 'active',
  stateSince: null,
  openedOn,
  termEndsOn: null,
  customerId: null,
  monthlyMinimumFen: 0,
  tariffFenPerMinute: 20 + i,
  includedMinutes: 0,
  features: [],
});
