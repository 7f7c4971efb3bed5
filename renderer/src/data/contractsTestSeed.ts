import { companyNameTokens } from './customersSearch';
import { db, OFFICE_PROFILE_ID } from './db';
import { nowIso } from './clock';
import { ensureDefaultUsers } from './session';
import type { ApplicationForContract } from './contractsTypes';
import type { CustomerRow, NumberRow } from './rows';

/**
 * Approved 受理单 with their customers, numbers and a package, written straight into the store.
 * For the contracts unit tests and — only when `window.__HOTLINE_TEST_HOOKS__` was set before the
 * app started — the end-to-end tests (`window.__hotlineContractsSeed`), which must not depend on
 * the pace of the customers, numbers and applications screens to reach an approved 受理单.
 * Not used by the application itself.
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 32100-2015 check character appended to 17 characters. */
export function usccWithCheck(base17: string): string {
  const sum = [...base17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return base17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643-1999 check character appended to 17 digits. */
export function residentIdWithCheck(base17: string): string {
  const sum = [...base17].reduce((s, ch, i) => s + Number(ch) * ID_WEIGHTS[i]!, 0);
  return base17 + '10X98765432'[sum % 11];
}

const COMPANIES = [
  ['河南豫信商贸有限公司', '河南省郑州市中原区建设西路126号', '李建国'],
  ['郑州云帆科技有限公司', '河南省郑州市高新区科学大道100号', '王云帆'],
  ['洛阳恒通物流有限公司', '河南省洛阳市洛龙区开元大道218号', '赵恒通'],
  ['开封宋都餐饮管理有限公司', '河南省开封市龙亭区中山路66号', '宋明'],
  ['新乡华康医疗器械有限公司', '河南省新乡市红旗区平原路9号', '刘华康'],
] as const;

export interface SeedOptions {
  count: number;
  /** The office profile to write first (skip when the test already saved one). */
  profile?: boolean;
  /** The first hotline number's digits; the others follow. */
  firstNumber?: string;
}

export interface SeededApplication {
  applicationId: string;
  applicationNo: string;
  customerName: string;
  numberDigits: string;
}

/** Writes `count` approved 受理单 (and what they refer to); returns them in order. */
export async function seedApprovedApplications(opts: SeedOptions): Promise<SeededApplication[]> {
  await ensureDefaultUsers();
  const d = db();
  const at = nowIso();
  const clerk = (await d.users.toArray()).find((u) => u.role === 'clerk')!;
  if (opts.profile !== false && !(await d.officeProfile.get(OFFICE_PROFILE_ID))) {
    await d.officeProfile.put({
      id: OFFICE_PROFILE_ID,
      name: '郑州启凡计算机软件有限公司',
      address: '河南省郑州市金水区花园路88号',
      legalRepresentative: '王启凡',
      phone: '0371-65551234',
      bankName: '中国工商银行郑州花园路支行',
      bankAccount: '1702020109000123456',
      contractPrefix: 'ZZQF',
      timeZone: 'Asia/Shanghai',
      updatedAt: at,
    });
  }
  const packageId = crypto.randomUUID();
  await d.packages.put({
    id: packageId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    name: '商务标准套餐',
    status: 'active',
    active: true,
    carrier: null,
    prepaidFen: 600_714,
    prepaymentFen: 600_714,
    monthlyMinimumFen: 30_000,
    tariffFenPerMinute: 15,
    includedMinutes: 0,
    termMonths: 12,
    featureFees: [{ name: '彩铃', monthlyFen: 1000 }],
    notes: '',
  });
  const first = Number(opts.firstNumber ?? '4008123456');
  const out: SeededApplication[] = [];
  const stamp = Date.now().toString(36).toUpperCase().slice(-4);
  for (let i = 0; i < opts.count; i++) {
    const [baseName, address, legal] = COMPANIES[i % COMPANIES.length]!;
    const name = i < COMPANIES.length ? baseName : `${baseName}（${i + 1}）`;
    const customer: CustomerRow = {
      id: crypto.randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      name,
      uscc: usccWithCheck(`9141010${String(1_000_000_000 + i * 7919 + Number.parseInt(stamp, 36) % 1000).slice(-9)}M`),
      usccOverrideReason: null,
      usccOverrideBy: null,
      usccOverrideAt: null,
      legalRepresentative: legal,
      address,
      landline: `0371-6789${String(1000 + i).slice(-4)}`,
      handlerName: '张敏',
      handlerIdNumber: residentIdWithCheck('41010519850615' + String(100 + i).slice(-3)),
      handlerMobile: `139${String(12_345_678 + i).padStart(8, '0')}`,
      email: null,
      attachments: [],
      realNameStatus: 'verified',
      verifiedAt: at,
      verifiedBy: clerk.id,
      notes: '',
      searchTokens: companyNameTokens(name),
      createdBy: clerk.id,
      updatedBy: clerk.id,
    } as CustomerRow;
    await d.customers.add(customer);
    const digits = String(first + i);
    const number: NumberRow = {
      digits,
      segment: digits.slice(0, 4),
      carrier: 'telecom',
      status: 'reserved',
      grade: null,
      patterns: [],
      tail: digits.slice(-4),
      priceFen: 0,
      customerId: customer.id,
      reservedUntil: null,
      holderId: null,
      coolingUntil: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await d.numbers.put(number);
    const app: ApplicationForContract & Record<string, unknown> = {
      id: crypto.randomUUID(),
      version: 3,
      createdAt: at,
      updatedAt: new Date(Date.parse(at) + i).toISOString(),
      no: `SL20261122-${stamp}${String(i).padStart(2, '0')}`,
      kind: 'new',
      status: 'approved',
      customerId: customer.id,
      numberDigits: digits,
      packageId,
      features: ['彩铃'],
      requirement: {
        usageScope: '全国范围内客户咨询与售后服务',
        destinationNumbers: [customer.landline ?? '0371-67891234'],
        callCentreLocation: `${address}客服中心`,
        business: '产品咨询、订单受理、售后服务',
        technicalRequirements: '',
        requestedOpeningDate: '2026-11-25',
        termMonths: 12,
        contactName: '张敏',
        contactPhone: customer.handlerMobile,
      },
      accountId: null,
      rejectedAt: null,
      rejectionReason: null,
      contractSignedOn: null,
      sentToCarrierOn: null,
      completionReceivedOn: null,
      openedOn: null,
      deemedAcceptanceOn: null,
      acceptance: null,
      steps: [],
      createdBy: clerk.id,
      updatedBy: clerk.id,
    };
    await d.applications.add(app as never);
    out.push({ applicationId: app.id, applicationNo: app.no, customerName: name, numberDigits: digits });
  }
  return out;
}

declare global {
  interface Window {
    __hotlineContractsSeed?: (count: number) => Promise<SeededApplication[]>;
  }
}

export function installContractsSeedHook(): void {
  window.__hotlineContractsSeed = (count) => seedApprovedApplications({ count });
}
