import { actAs } from './testSupport';
import { seedActiveAccount } from './accountTestSeed';

export { actAs };

/**
 * Test fixture for the billing repositories: the active account of accountTestSeed.ts on
 * 4008123456, opened 2026-11-02, package 标准套餐 (monthly minimum 300.00, 0.15 元/min, no included
 * minutes unless asked, 12 months) with the feature 彩铃 at 10.00 a month chosen; the clerk is the
 * current user. Call with the clock at 2026-11-02.
 */
export async function seedBillingAccount(opts: { includedMinutes?: number } = {}): Promise<{ accountId: string; customerId: string; packageId: string }> {
  const seeded = await seedActiveAccount({ ...opts, featureFees: [{ name: '彩铃', monthlyFen: 1_000 }] });
  await actAs('clerk');
  return seeded;
}
