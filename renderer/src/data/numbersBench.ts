import { db } from './db';
import { nowIso, nowMs } from './clock';
import { listGradeRules, ensureDefaultGradeRules } from './gradeRules';
import { newNumberRow } from './numbers';
import { queryNumbers, type PickerQuery } from './numbersPicker';
import { companyNameTokens, searchCustomers } from './customersSearch';
import type { CustomerRow, NumberRow } from './rows';
import { parseHotline } from '../../../shared';

/**
 * Bench/test-only hooks (bench/numbers-idb.ts): bulk seeding at office scale straight into the
 * tables — 100k customers through the repository would take minutes and measure validation, not
 * search — and timed calls of the very functions the UI uses (searchCustomers, queryNumbers).
 * Installed on window only when window.__HOTLINE_TEST_HOOKS__ was set before the app started
 * (see numbersStartup.ts); the production app never exposes them.
 */

export interface TimedQuery {
  label: string;
  ms: number;
  rows: number;
  route?: string;
}

export interface BenchHooks {
  clear(): Promise<void>;
  seedCustomers(n: number): Promise<void>;
  seedNumbers(n: number): Promise<void>;
  counts(): Promise<{ customers: number; numbers: number }>;
  timeCustomerSearches(): Promise<TimedQuery[]>;
  timePickerFilters(): Promise<TimedQuery[]>;
}

declare global {
  interface Window {
    __hotlineBench?: BenchHooks;
  }
}

/** A small deterministic PRNG (mulberry32) so every run seeds the same office. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['郑州', '北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '西安', '南京', '洛阳', '开封', '天津', '重庆', '长沙', '济南', '青岛', '厦门', '福州', '合肥'];
const NAME_CHARS = '星辰华美宏达恒信天润万通鑫源金瑞博远盛世嘉禾永安新锐中科联创海纳东方明德腾飞佳和同心益民泰康汇丰广厦';
const TRADES = ['通信科技', '贸易', '电子商务', '物流', '餐饮管理', '教育咨询', '医疗器械', '建材', '家居', '汽车服务', '旅游', '物业管理'];
const SEGMENTS = ['4000', '4001', '4006', '4007', '4008', '4009'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function customerRow(i: number, r: () => number, at: string): CustomerRow {
  const brand = pick(r, [...NAME_CHARS]) + pick(r, [...NAME_CHARS]);
  const name = `${pick(r, CITIES)}${brand}${pick(r, TRADES)}有限公司`;
  const uscc = `91${String(410000 + (i % 90000)).padStart(6, '0')}MA${String(i).padStart(8, '0')}`;
  return {
    id: crypto.randomUUID(),
    version: 1,
    createdAt: at,
    updatedAt: new Date(Date.parse(at) - i * 1000).toISOString(),
    name,
    uscc,
    usccOverrideReason: null,
    usccOverrideBy: null,
    usccOverrideAt: null,
    legalRepresentative: '王建国',
    address: `${pick(r, CITIES)}市某区某路 ${i % 999} 号`,
    landline: `0371-6${String(i % 10_000_000).padStart(7, '0')}`,
    handlerName: '李娜',
    handlerIdNumber: '410502199003071232',
    handlerMobile: `13${String(100_000_000 + i).slice(-9)}`,
    email: null,
    attachments: [],
    realNameStatus: 'pending',
    verifiedAt: null,
    verifiedBy: null,
    notes: '',
    searchTokens: companyNameTokens(name),
    createdBy: 'bench',
    updatedBy: 'bench',
  } as CustomerRow;
}

async function time(label: string, f: () => Promise<{ rows: number; route?: string }>): Promise<TimedQuery> {
  const t0 = performance.now();
  const r = await f();
  return { label, ms: performance.now() - t0, ...r };
}

export function createBenchHooks(): BenchHooks {
  const sampleCustomers: CustomerRow[] = [];
  const sampleNumbers: string[] = [];
  return {
    async clear() {
      const d = db();
      await Promise.all([d.customers.clear(), d.numbers.clear(), d.numberEvents.clear(), d.outbox.clear()]);
    },
    async seedCustomers(n) {
      const r = rng(42);
      const at = nowIso();
      for (let start = 0; start < n; start += 5000) {
        const rows = Array.from({ length: Math.min(5000, n - start) }, (_, k) => customerRow(start + k, r, at));
        if (start % 20_000 === 0) sampleCustomers.push(rows[0]!);
        await db().customers.bulkPut(rows);
      }
    },
    async seedNumbers(n) {
      await ensureDefaultGradeRules();
      const rules = await listGradeRules();
      const r = rng(7);
      const at = nowIso();
      const seen = new Set<string>();
      const until = new Date(nowMs() + 10 * 86_400_000).toISOString();
      while (seen.size < n) {
        const rows: NumberRow[] = [];
        while (rows.length < 5000 && seen.size < n) {
          const digits = pick(r, SEGMENTS) + String(Math.floor(r() * 1_000_000)).padStart(6, '0');
          if (seen.has(digits)) continue;
          seen.add(digits);
          const parsed = parseHotline(digits);
          if (!parsed.ok) continue;
          const row = newNumberRow(digits, parsed.carrier, rules, at);
          const u = r();
          if (u < 0.05) Object.assign(row, { status: 'reserved', reservedUntil: until });
          else if (u < 0.15) row.status = 'active';
          rows.push(row);
        }
        if (sampleNumbers.length < 20) sampleNumbers.push(rows[0]!.digits);
        await db().numbers.bulkPut(rows);
      }
    },
    async counts() {
      return { customers: await db().customers.count(), numbers: await db().numbers.count() };
    },
    async timeCustomerSearches() {
      const c = sampleCustomers.length ? sampleCustomers : await db().customers.limit(10).toArray();
      const queries: string[] = [];
      for (const x of c.slice(0, 5)) {
        queries.push(x.name, x.name.slice(2, 4), x.uscc, x.handlerMobile, x.handlerMobile.slice(0, 7));
      }
      queries.push('郑州', '星辰', '通信科技', '物流有限公司', '91410', '138', '', '华美', '杭州博远', '4008123456');
      const out: TimedQuery[] = [];
      for (let rep = 0; rep < 5; rep++) {
        for (const q of queries) out.push(await time(`search "${q}"`, async () => ({ rows: (await searchCustomers(q, 50)).length })));
      }
      return out;
    },
    async timePickerFilters() {
      const rules = await listGradeRules();
      const grade = (name: string) => rules.find((x) => x.name === name)?.id ?? '';
      const filters: [string, PickerQuery][] = [
        ['all available', {}],
        ['segment 4008', { segment: '4008' }],
        ['segment 4008 + without 4', { segment: '4008', without4: true }],
        ['pattern AAAA', { pattern: 'AAAA' }],
        ['pattern ABCD + segment 4009', { pattern: 'ABCD', segment: '4009' }],
        ['pattern AAA + without 4', { pattern: 'AAA', without4: true }],
        ['grade 四连号', { grade: grade('四连号') }],
        ['grade 顺子号', { grade: grade('顺子号') }],
        ['grade 三连号 + segment 4001', { grade: grade('三连号'), segment: '4001' }],
        ['grade 无四号', { grade: grade('无四号') }],
        ['grade 普通号 + segment 4006', { grade: grade('普通号'), segment: '4006' }],
        ['tail 8888', { tail: '8888' }],
        ['tail 168', { tail: '168' }],
        ['tail 88', { tail: '88' }],
        ['tail 8 + segment 4007', { tail: '8', segment: '4007' }],
        ['price 1000–3000 元', { minPriceFen: 100_000, maxPriceFen: 300_000 }],
        ['price ≤ 500 元 + segment 4000', { maxPriceFen: 50_000, segment: '4000' }],
        ['segment 4006 + tail 66 + without 4', { segment: '4006', tail: '66', without4: true }],
        ['without 4 + price ≥ 300 元', { without4: true, minPriceFen: 30_000 }],
      ];
      const out: TimedQuery[] = [];
      for (let rep = 0; rep < 5; rep++) {
        for (const [label, f] of filters) {
          out.push(await time(label, async () => {
            const p = await queryNumbers({ ...f, status: 'available' }, { pageSize: 50 });
            return { rows: p.rows.length, route: p.route };
          }));
          // the next page of the same filter, as a buyer paging through (only the second call is timed)
          const first = await queryNumbers({ ...f, status: 'available' }, { pageSize: 50 });
          if (first.nextAfter) {
            const after = first.nextAfter;
            out.push(await time(`${label} (page 2)`, async () => {
              const p = await queryNumbers({ ...f, status: 'available' }, { pageSize: 50, after });
              return { rows: p.rows.length, route: p.route };
            }));
          }
        }
      }
      return out;
    },
  };
}

export function installBenchHooks(): void {
  window.__hotlineBench = createBenchHooks();
}
