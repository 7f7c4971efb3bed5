import {
  addDays,
  deemedAcceptanceDate,
  parseHotline,
  residentIdCheckCharacter,
  usccCheckCharacter,
  type Carrier,
  type ServiceAccountState,
} from '../../../shared';
import { newNumberRow } from './numbers';
import type { StoredGradeRule } from './gradeRules';
import { companyNameTokens } from './customersSearch';
import type { StoredPackage } from './packages';
import type { CustomerRow, NumberEventRow, NumberRow } from './rows';
import type { ApplicationStep, StoredApplication } from './applicationsTypes';
import type { StoredAccount, StoredAccountEvent } from './accountsTypes';
import type { ApplicationFlowStatus } from './applicationsFlow';
import { APPLICATION_FLOW } from './applicationsFlow';
import { termEnd } from './accountsOpen';

/**
 * The demo office (issue 4 item 7), generated deterministically from a seed: the same seed gives the
 * same office on every machine, so a newcomer and a bug report see the same rows. Pure: no store
 * access; demoLoad.ts writes the result in chunks.
 */

export interface DemoSize {
  customers: number;
  numbers: number;
  applications: number;
}

export const DEFAULT_DEMO_SIZE: DemoSize = { customers: 300, numbers: 3000, applications: 180 };
export const DEFAULT_DEMO_SEED = 400_8123;

export interface DemoUsers {
  clerk: { id: string; name: string };
  manager: { id: string; name: string };
}

export interface DemoOffice {
  packages: StoredPackage[];
  customers: CustomerRow[];
  numbers: NumberRow[];
  numberEvents: NumberEventRow[];
  applications: StoredApplication[];
  accounts: StoredAccount[];
  accountEvents: StoredAccountEvent[];
}

/** mulberry32: a tiny, well-known seeded PRNG; hand-written because a dependency for 6 lines is not worth it. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic UUID-shaped ids (version-4 layout), so the demo's rows have valid ids too. */
function idMaker(rand: () => number): () => string {
  const hex = () => Math.floor(rand() * 16).toString(16);
  return () => {
    const h = Array.from({ length: 32 }, hex);
    h[12] = '4';
    h[16] = '89ab'[Math.floor(rand() * 4)]!;
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

const CITIES = [
  { name: '郑州', province: '河南省', region: '410105', area: '0371' },
  { name: '洛阳', province: '河南省', region: '410305', area: '0379' },
  { name: '北京', province: '北京市', region: '110105', area: '010' },
  { name: '上海', province: '上海市', region: '310115', area: '021' },
  { name: '广州', province: '广东省', region: '440106', area: '020' },
  { name: '深圳', province: '广东省', region: '440305', area: '0755' },
  { name: '杭州', province: '浙江省', region: '330106', area: '0571' },
  { name: '武汉', province: '湖北省', region: '420106', area: '027' },
  { name: '成都', province: '四川省', region: '510107', area: '028' },
  { name: '西安', province: '陕西省', region: '610113', area: '029' },
] as const;
const WORDS = ['星辰', '宏达', '华信', '恒通', '金穗', '瑞丰', '博远', '新锐', '安泰', '汇智', '天成', '嘉禾', '中科', '鼎盛', '蓝海', '云帆', '启明', '伟业', '联众', '诚品'];
const TRADES = ['通信科技', '电子商务', '物流', '医疗器械', '教育咨询', '家居', '汽车服务', '旅游', '食品', '软件', '装饰工程', '保险代理'];
const ROADS = ['花园路', '人民路', '建设路', '中山路', '解放路', '文化路', '长江路', '黄河路', '科技大道', '金水路'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建国', '海燕', '志强'];
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SEGMENTS: readonly { segment: string; carrier: Carrier }[] = [
  { segment: '4000', carrier: 'unicom' },
  { segment: '4001', carrier: 'mobile' },
  { segment: '4006', carrier: 'unicom' },
  { segment: '4007', carrier: 'mobile' },
  { segment: '4008', carrier: 'telecom' },
  { segment: '4009', carrier: 'telecom' },
];

const FEATURES = [
  { name: '呼叫转移（绑定号码）', monthlyFen: 0 },
  { name: '分时分区路由', monthlyFen: 3_000 },
  { name: 'IVR 语音导航', monthlyFen: 5_000 },
  { name: '彩铃', monthlyFen: 1_000 },
  { name: '通话录音', monthlyFen: 2_000 },
  { name: '黑名单', monthlyFen: 500 },
];

const PACKAGES = [
  { name: '入门套餐', prepaymentFen: 120_000, monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 0, termMonths: 12, features: 2 },
  { name: '标准套餐', prepaymentFen: 360_000, monthlyMinimumFen: 30_000, tariffFenPerMinute: 15, includedMinutes: 500, termMonths: 12, features: 4 },
  { name: '商务套餐', prepaymentFen: 960_000, monthlyMinimumFen: 80_000, tariffFenPerMinute: 12, includedMinutes: 2000, termMonths: 24, features: 6 },
  { name: '旗舰套餐', prepaymentFen: 2_400_000, monthlyMinimumFen: 200_000, tariffFenPerMinute: 10, includedMinutes: 8000, termMonths: 36, features: 6 },
];

/**
 * Statuses of the demo's applications, in proportion: every step of the flow, rejected and
 * cancelled forms, and among the opened ones active, suspended, terminated and closed accounts.
 */
type DemoOutcome = ApplicationFlowStatus | `account:${ServiceAccountState}`;
const OUTCOMES: readonly [DemoOutcome, number][] = [
  ['draft', 10],
  ['submitted', 10],
  ['approved', 6],
  ['contract_signed', 6],
  ['sent_to_carrier', 6],
  ['completion_received', 6],
  ['rejected', 5],
  ['cancelled', 4],
  ['account:active', 35],
  ['account:suspended', 6],
  ['account:terminated', 4],
  ['account:closed', 2],
];

interface Ctx {
  rand: () => number;
  id: () => string;
  pick: <T>(xs: readonly T[]) => T;
  int: (lo: number, hi: number) => number;
}

function person(c: Ctx): string {
  return c.pick(SURNAMES) + c.pick(GIVEN);
}

function mobile(c: Ctx): string {
  return `1${c.pick(['3', '5', '7', '8', '9'])}${String(c.int(0, 999_999_999)).padStart(9, '0')}`;
}

function landline(c: Ctx, area: string): string {
  const len = area.length === 3 ? 8 : c.pick([7, 8]);
  return `${area}-${c.int(2, 9)}${String(c.int(0, 10 ** (len - 1) - 1)).padStart(len - 1, '0')}`;
}

function uscc(c: Ctx, region: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += c.pick(USCC_CHARSET.split(''));
  const first17 = `91${region}${org}`;
  return first17 + usccCheckCharacter(first17)!;
}

function residentId(c: Ctx, region: string): string {
  const birth = `${c.int(1965, 2000)}${String(c.int(1, 12)).padStart(2, '0')}${String(c.int(1, 28)).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(c.int(0, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17)!;
}

/** An instant on `date` (office date) at a working hour, as UTC ISO (Shanghai is UTC+8). */
function at(date: string, c: Ctx): string {
  return `${date}T${String(c.int(1, 9)).padStart(2, '0')}:${String(c.int(0, 59)).padStart(2, '0')}:00.000Z`;
}

function safeDeemed(date: string): string | null {
  try {
    return deemedAcceptanceDate(date);
  } catch {
    return null; // no calendar data for that year: shown as "unknown", never guessed
  }
}

/** A vanity tail now and then, so the picker's filters find something. */
function numberSuffix(c: Ctx): string {
  const r = c.rand();
  const d = () => String(c.int(0, 9));
  if (r < 0.03) {
    const a = d();
    return `${c.int(1, 9)}${d()}${a}${a}${a}${a}`; // ..AAAA
  }
  if (r < 0.06) {
    const start = c.int(0, 6);
    return `${d()}${d()}${start}${start + 1}${start + 2}${start + 3}`; // ..ABCD
  }
  if (r < 0.1) {
    const a = d();
    const b = d();
    return `${d()}${d()}${a}${a}${b}${b}`; // ..AABB
  }
  return String(c.int(0, 999_999)).padStart(6, '0');
}

export interface DemoInput {
  seed: number;
  /** The office date today and the current instant (injectable clock). */
  today: string;
  now: string;
  users: DemoUsers;
  gradeTable: readonly StoredGradeRule[];
  size?: DemoSize;
}

/** The whole demo office as rows, ready to store. */
export function generateDemoOffice(input: DemoInput): DemoOffice {
  const rand = seededRandom(input.seed);
  const c: Ctx = {
    rand,
    id: idMaker(rand),
    pick: (xs) => xs[Math.floor(rand() * xs.length)]!,
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
  };
  const size = input.size ?? DEFAULT_DEMO_SIZE;
  const { clerk, manager } = input.users;
  const created = at(addDays(input.today, -120), c);

  const packages: StoredPackage[] = PACKAGES.map((p) => ({
    id: c.id(),
    version: 1,
    createdAt: created,
    updatedAt: created,
    name: p.name,
    carrier: null,
    prepaymentFen: p.prepaymentFen,
    monthlyMinimumFen: p.monthlyMinimumFen,
    tariffFenPerMinute: p.tariffFenPerMinute,
    includedMinutes: p.includedMinutes,
    termMonths: p.termMonths,
    featureFees: FEATURES.slice(0, p.features),
    active: true,
    notes: '',
    status: 'active',
  }));

  const customers: CustomerRow[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < size.customers; i++) {
    const city = c.pick(CITIES);
    let name = '';
    do name = `${city.name}${c.pick(WORDS)}${c.pick(TRADES)}有限公司`;
    while (usedNames.has(name) && usedNames.size < WORDS.length * TRADES.length * CITIES.length);
    if (usedNames.has(name)) name = `${name.replace('有限公司', '')}第${i}分公司`;
    usedNames.add(name);
    const verified = c.rand() < 0.85;
    const when = at(addDays(input.today, -c.int(30, 400)), c);
    customers.push({
      id: c.id(),
      version: 1,
      createdAt: when,
      updatedAt: when,
      name,
      uscc: uscc(c, city.region),
      usccOverrideReason: null,
      usccOverrideBy: null,
      usccOverrideAt: null,
      legalRepresentative: person(c),
      address: `${city.province}${city.name}市${c.pick(ROADS)} ${c.int(1, 300)} 号`,
      landline: landline(c, city.area),
      handlerName: person(c),
      handlerIdNumber: residentId(c, city.region),
      handlerMobile: mobile(c),
      email: c.rand() < 0.5 ? `contact${i}@example.com` : null,
      attachments: [],
      realNameStatus: verified ? 'verified' : 'pending',
      verifiedAt: verified ? when : null,
      verifiedBy: verified ? clerk.id : null,
      notes: '演示数据',
      searchTokens: companyNameTokens(name),
      createdBy: clerk.id,
      updatedBy: clerk.id,
    });
  }

  const numbers: NumberRow[] = [];
  const seen = new Set<string>();
  while (numbers.length < size.numbers) {
    const seg = SEGMENTS[numbers.length % SEGMENTS.length]!;
    const digits = seg.segment + numberSuffix(c);
    if (seen.has(digits) || !parseHotline(digits).ok) continue;
    seen.add(digits);
    numbers.push(newNumberRow(digits, seg.carrier, input.gradeTable, created));
  }
  numbers.sort((a, b) => (a.digits < b.digits ? -1 : 1));
  const numberEvents: NumberEventRow[] = numbers.map((n, i) => ({
    id: `${created.replace(/\D/g, '')}-${String(i).padStart(6, '0')}-demo`,
    digits: n.digits,
    at: created,
    userId: manager.id,
    from: null,
    to: 'available',
    reason: '演示营业厅：号码入池',
    customerId: null,
  }));

  const applications: StoredApplication[] = [];
  const accounts: StoredAccount[] = [];
  const accountEvents: StoredAccountEvent[] = [];
  const outcomes: DemoOutcome[] = [];
  const weight = OUTCOMES.reduce((s, [, w]) => s + w, 0);
  for (const [o, w] of OUTCOMES) for (let k = 0; k < Math.max(1, Math.round((w / weight) * size.applications)); k++) outcomes.push(o);
  // each form its own number, spread over the pool (at most every 7th) so the picker keeps plenty
  if (numbers.length < outcomes.length) throw new RangeError('the demo needs at least one number per application');
  const stride = Math.max(1, Math.min(7, Math.floor(numbers.length / outcomes.length)));
  const nowMs = Date.parse(input.now);

  outcomes.forEach((outcome, i) => {
    const customer = customers[i % customers.length]!;
    const number = numbers[i * stride + (stride > 1 ? 1 : 0)]!;
    const pkg = c.pick(packages);
    const features = pkg.featureFees.filter(() => c.rand() < 0.5).map((f) => f.name);
    const accountState = outcome.startsWith('account:') ? (outcome.slice(8) as ServiceAccountState) : null;
    const status: ApplicationFlowStatus = accountState ? 'active' : (outcome as ApplicationFlowStatus);
    const startDay = addDays(input.today, -(accountState ? c.int(60, 360) : c.int(1, 40)));
    const steps: ApplicationStep[] = [];
    const step = (event: ApplicationStep['event'], from: ApplicationFlowStatus | null, to: ApplicationFlowStatus, day: string, who: DemoUsers['clerk'], note = '') =>
      steps.push({ at: at(day, c), userId: who.id, userName: who.name, event, from, to, note });
    step('create', null, 'draft', startDay, clerk);
    const reached = status === 'rejected' || status === 'cancelled' ? c.int(1, 4) : APPLICATION_FLOW.indexOf(status as (typeof APPLICATION_FLOW)[number]);
    const events = ['submit', 'approve', 'signContract', 'sendToCarrier', 'receiveCompletion', 'activate'] as const;
    let day = startDay;
    let contractSignedOn: string | null = null;
    let sentToCarrierOn: string | null = null;
    let completionReceivedOn: string | null = null;
    let deemed: string | null = null;
    for (let k = 0; k < reached; k++) {
      day = addDays(day, accountState ? c.int(1, 6) : 0);
      if (day > input.today) day = input.today;
      const who = events[k] === 'approve' || events[k] === 'signContract' ? manager : clerk;
      if (events[k] === 'signContract') contractSignedOn = day;
      if (events[k] === 'sendToCarrier') sentToCarrierOn = day;
      if (events[k] === 'receiveCompletion') {
        completionReceivedOn = day;
        deemed = safeDeemed(day);
      }
      step(events[k]!, APPLICATION_FLOW[k]!, APPLICATION_FLOW[k + 1]!, day, who);
    }
    const flowReached = APPLICATION_FLOW[reached]!;
    if (status === 'rejected') step('reject', flowReached, 'rejected', day, reached === 1 ? manager : clerk, reached === 1 ? '营业执照复印件不清晰，请重新提供' : '运营商退回：绑定号码未实名');
    if (status === 'cancelled') step('cancel', flowReached, 'cancelled', day, clerk, '客户放弃办理');
    const requirement = {
      usageScope: c.pick(['全国客服热线', '售后服务热线', '订购热线', '投诉建议热线']),
      destinationNumbers: [mobile(c), landline(c, CITIES[i % CITIES.length]!.area)],
      callCentreLocation: `${customer.address.slice(0, 6)}`,
      business: c.pick(['售后服务', '产品咨询', '订单受理', '预约登记']),
      technicalRequirements: c.rand() < 0.3 ? '工作时间 9:00–18:00 转接人工，其余时间语音留言' : '',
      requestedOpeningDate: addDays(startDay, 10),
      termMonths: pkg.termMonths,
      contactName: customer.handlerName,
      contactPhone: customer.handlerMobile,
    };
    const app: StoredApplication = {
      id: c.id(),
      version: steps.length,
      createdAt: steps[0]!.at,
      updatedAt: steps[steps.length - 1]!.at,
      no: `SL${startDay.replace(/-/g, '')}-${String(i + 1).padStart(6, '0')}`,
      kind: 'new',
      status,
      customerId: customer.id,
      numberDigits: number.digits,
      packageId: pkg.id,
      features,
      requirement,
      accountId: null,
      rejectedAt: status === 'rejected' ? flowReached : null,
      rejectionReason: status === 'rejected' ? steps[steps.length - 1]!.note : null,
      contractSignedOn,
      sentToCarrierOn,
      completionReceivedOn,
      openedOn: completionReceivedOn,
      deemedAcceptanceOn: deemed,
      acceptance: status === 'active' ? (c.rand() < 0.7 ? 'signed' : 'deemed') : null,
      steps,
      createdBy: clerk.id,
      updatedBy: steps[steps.length - 1]!.userId,
    };
    applications.push(app);

    // the number follows the form: held while it is open, active with the account, cooling after it
    const event = (to: NumberRow['status'], reason: string, when: string) =>
      numberEvents.push({ id: `${when.replace(/\D/g, '')}-${String(i).padStart(6, '0')}-${to}`, digits: number.digits, at: when, userId: clerk.id, from: number.status, to, reason, customerId: customer.id });
    if (status === 'cancelled') return;
    event('reserved', `为“${customer.name}”预占`, steps[0]!.at);
    number.status = 'reserved';
    number.customerId = customer.id;
    number.reservedUntil = status === 'draft' ? new Date(nowMs + c.int(3, 14) * 86_400_000).toISOString() : null;
    number.updatedAt = steps[0]!.at;
    if (!accountState) return;

    const openedOn = completionReceivedOn ?? day;
    const account: StoredAccount = {
      id: c.id(),
      version: 1,
      createdAt: at(openedOn, c),
      updatedAt: at(openedOn, c),
      no: `ZH${number.digits}-01`,
      status: accountState,
      stateSince: openedOn,
      statusReason: '',
      terminationGround: null,
      customerId: customer.id,
      numberDigits: number.digits,
      packageId: pkg.id,
      features,
      requirement,
      applicationId: app.id,
      completionReceivedOn,
      openedOn,
      acceptance: app.acceptance,
      termEndsOn: termEnd(openedOn, requirement.termMonths),
      contractAmountFen: pkg.prepaymentFen,
      monthlyMinimumFen: pkg.monthlyMinimumFen,
      createdBy: clerk.id,
    };
    app.accountId = account.id;
    const accEvent = (ev: string, from: string | null, to: string, reason: string, when: string, who = manager) =>
      accountEvents.push({ id: `${when.replace(/\D/g, '')}-${String(i).padStart(6, '0')}-${ev}`, accountId: account.id, at: when, userId: who.id, userName: who.name, event: ev, from, to, reason });
    accEvent('open', null, 'active', `受理单 ${app.no} 开通，实际开通日期 ${openedOn}`, account.createdAt, clerk);
    event('active', `受理单 ${app.no} 开通`, account.createdAt);
    number.status = 'active';
    if (accountState === 'suspended' || accountState === 'terminated' || accountState === 'closed') {
      const since = addDays(input.today, -c.int(accountState === 'suspended' ? 1 : 35, 40));
      account.stateSince = since;
      account.statusReason = accountState === 'suspended' ? '欠费未缴' : '暂停后仍未缴费';
      accEvent('suspend', 'active', 'suspended', '欠费未缴', at(since, c));
      event('suspended', `账户 ${account.no} 暂停：欠费未缴`, at(since, c));
      number.status = 'suspended';
      if (accountState !== 'suspended') {
        account.terminationGround = 'unpaid_after_suspension';
        accEvent('terminate', 'suspended', 'terminated', '暂停后仍未缴费（协议第五条）', at(addDays(since, 31), c));
        if (accountState === 'closed') accEvent('close', 'terminated', 'closed', '费用已结清，销户', at(addDays(since, 32), c));
        const endTerm = Date.parse(`${addDays(since, 31)}T02:00:00.000Z`) + 90 * 86_400_000;
        event('reclaimed', `账户 ${account.no} 终止，收回号码`, at(addDays(since, 31), c));
        number.status = 'reclaimed';
        event('cooling', '冷冻期 90 天（合同 7.3）', at(addDays(since, 31), c));
        number.status = 'cooling';
        number.coolingUntil = new Date(endTerm).toISOString();
      }
    }
    accounts.push(account);
  });

  return { packages, customers, numbers, numberEvents, applications, accounts, accountEvents };
}

