import { ensureDefaultUsers } from './session';
import { actAs } from './testSupport';
import { createCustomer } from './customers';
import { createPackage } from './packages';
import { importNumbers, reserveNumber } from './numbers';
import { activateApplication, approveApplication, createApplication, receiveCompletion, sendToCarrier, signContract, submitApplication } from './applications';
import { emptyApplicationInput } from './applicationsValidation';

// Test fixture (not shipped to a screen) shared by the account and billing repository tests.

/** A customer whose registration data is valid (the USCC's check character is right). */
export const SEED_CUSTOMER = {
  name: '郑州星辰通信科技有限公司',
  uscc: '91350100M000100Y43',
  legalRepresentative: '王建国',
  address: '河南省郑州市金水区花园路 1 号',
  handlerName: '李娜',
  handlerIdNumber: '410502199003071232',
  handlerMobile: '13800138000',
  landline: '0371-65123456',
};

export interface SeedOptions {
  includedMinutes?: number;
  /** Feature fees of the package; every one is chosen on the application. */
  featureFees?: { name: string; monthlyFen: number }[];
}

/**
 * One active account on 4008123456, opened 2026-11-02 (call with the clock at 2026-11-02): package
 * 标准套餐 (prepayment 3,600.00, monthly minimum 300.00, 0.15 元/min, 12 months), the customer above,
 * a 受理单 taken through every step by the manager, who stays the current user.
 */
export async function seedActiveAccount(opts: SeedOptions = {}): Promise<{ accountId: string; customerId: string; packageId: string }> {
  await ensureDefaultUsers();
  await actAs('manager');
  const featureFees = opts.featureFees ?? [];
  const packageId = (
    await createPackage({
      name: '标准套餐',
      prepaymentFen: 360_000,
      monthlyMinimumFen: 30_000,
      tariffFenPerMinute: 15,
      includedMinutes: opts.includedMinutes ?? 0,
      termMonths: 12,
      featureFees,
    })
  ).id;
  await importNumbers([{ rowNumber: 1, value: '4008123456' }], 'pool.csv');
  const customerId = (await createCustomer(SEED_CUSTOMER)).id;
  await reserveNumber('4008123456', customerId);
  const app = await createApplication({
    ...emptyApplicationInput(customerId),
    numberDigits: '4008123456',
    packageId,
    features: featureFees.map((f) => f.name),
    usageScope: '全国客服热线',
    destinationNumbers: ['13800138000'],
    callCentreLocation: '郑州',
    business: '售后服务',
    requestedOpeningDate: '2026-11-10',
    termMonths: 12,
    contactName: '李娜',
    contactPhone: '13800138000',
  });
  await submitApplication(app.id);
  await approveApplication(app.id);
  await signContract(app.id, '2026-11-02');
  await sendToCarrier(app.id, '2026-11-02');
  await receiveCompletion(app.id, '2026-11-02');
  const accountId = (await activateApplication(app.id, 'signed')).accountId!;
  return { accountId, customerId, packageId };
}
