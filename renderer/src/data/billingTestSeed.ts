import { ensureDefaultUsers, setCurrentUser } from './session';
import { listUsers } from './users';
import { createCustomer } from './customers';
import { createPackage } from './packages';
import { importNumbers, reserveNumber } from './numbers';
import { activateApplication, approveApplication, createApplication, receiveCompletion, sendToCarrier, signContract, submitApplication } from './applications';
import { emptyApplicationInput } from './applicationsValidation';
import type { Role } from './rows';

/**
 * Test fixture for the billing repositories: one active account on 4008123456, opened 2026-11-02,
 * package 标准套餐 (monthly minimum 300.00, 0.15 元/min, no included minutes, 12 months) with the
 * feature 彩铃 at 10.00 a month chosen. Call with the clock at 2026-11-02.
 */
export async function actAs(role: Role): Promise<void> {
  const user = (await listUsers()).find((u) => u.role === role);
  await setCurrentUser(user!.id);
}

export async function seedBillingAccount(opts: { includedMinutes?: number } = {}): Promise<{ accountId: string; customerId: string; packageId: string }> {
  await ensureDefaultUsers();
  await actAs('manager');
  const packageId = (
    await createPackage({
      name: '标准套餐',
      prepaymentFen: 360_000,
      monthlyMinimumFen: 30_000,
      tariffFenPerMinute: 15,
      includedMinutes: opts.includedMinutes ?? 0,
      termMonths: 12,
      featureFees: [{ name: '彩铃', monthlyFen: 1_000 }],
    })
  ).id;
  await importNumbers([{ rowNumber: 1, value: '4008123456' }], 'pool.csv');
  const customerId = (
    await createCustomer({
      name: '郑州星辰通信科技有限公司',
      uscc: '91350100M000100Y43',
      legalRepresentative: '王建国',
      address: '河南省郑州市金水区花园路 1 号',
      handlerName: '李娜',
      handlerIdNumber: '410502199003071232',
      handlerMobile: '13800138000',
      landline: '0371-65123456',
    })
  ).id;
  await reserveNumber('4008123456', customerId);
  const app = await createApplication({
    ...emptyApplicationInput(customerId),
    numberDigits: '4008123456',
    packageId,
    features: ['彩铃'],
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
  await actAs('clerk');
  return { accountId, customerId, packageId };
}
