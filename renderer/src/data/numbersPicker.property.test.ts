import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { newNumberRow } from './numbers';
import { ensureDefaultGradeRules, listGradeRules, type StoredGradeRule } from './gradeRules';
import { queryNumbers, type PickerQuery } from './numbersPicker';
import { numberMatches, ORDINARY_GRADE, PICKER_PATTERNS, SEGMENTS } from './numbersFilter';
import { ensureDefaultUsers } from './session';
import type { NumberRow, NumberStatus } from './rows';

// Property: whatever route the picker takes (index keys or key scan, exact total or not, any index
// budget), every page together is exactly what the plain filter (numberMatches over all rows, the
// picker's meaning before it was optimised) selects, in digit order — on random pools and queries.

const STATUSES: NumberStatus[] = ['available', 'available', 'available', 'reserved', 'active', 'cooling'];
const VANITY_TAILS = ['8888', '1234', '4321', '6688', '5858', '0999', '1168', '2168', '7777', '3456', '9876', '1212', '5566'];
let rules: StoredGradeRule[] = [];

beforeAll(async () => {
  setDatabase(new HotlineDb('picker-property-test'));
  setClock('2026-11-22T02:00:00.000Z');
  await ensureDefaultUsers();
  await ensureDefaultGradeRules();
  rules = await listGradeRules();
}, 60_000);

/** mulberry32: a pool from a seed, so a failing case shrinks to a seed and a size. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makePool(seed: number, size: number): NumberRow[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const digits = new Set<string>();
  // a carrier block (consecutive numbers) as offices get them, plus scattered and vanity numbers
  const block = Math.floor(r() * 990_000);
  const blockSegment = pick(SEGMENTS);
  while (digits.size < size) {
    const u = r();
    if (u < 0.3) digits.add(blockSegment + String(block + digits.size).padStart(6, '0'));
    else if (u < 0.5) digits.add(pick(SEGMENTS) + String(Math.floor(r() * 100)).padStart(2, '0') + pick(VANITY_TAILS));
    else digits.add(pick(SEGMENTS) + String(Math.floor(r() * 1_000_000)).padStart(6, '0'));
  }
  const at = '2026-11-22T02:00:00.000Z';
  return [...digits].map((d) => ({ ...newNumberRow(d, 'telecom', rules, at), status: pick(STATUSES) }));
}

// each filter is set in about one query of four, so most queries have matches
const opt = <T,>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });
const priceFen = fc.constantFrom(0, 30_000, 100_000, 150_000, 200_000, 300_000, 800_000, 99_999, 250_000);
const queryArb = fc.record({
  status: fc.constantFrom<NumberStatus | undefined>(undefined, 'available', 'available', 'reserved', 'active'),
  segment: opt(fc.constantFrom(...SEGMENTS)),
  grade: opt(fc.constantFrom('四连号', '顺子号', 'AABB 号', 'ABAB 号', '三连号', '无四号', '普通号', ORDINARY_GRADE)),
  pattern: opt(fc.constantFrom(...PICKER_PATTERNS)),
  without4: fc.constantFrom(false, false, false, true),
  tail: opt(fc.integer({ min: 1, max: 4 }).chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`)))),
  minPriceFen: opt(priceFen),
  maxPriceFen: opt(priceFen),
  contains: opt(fc.stringMatching(/^\d{1,3}$/)),
});
const optsArb = fc.record({
  pageSize: fc.integer({ min: 8, max: 60 }),
  keysLimit: fc.constantFrom<number | undefined>(undefined, 0, 5, 60, 400),
  selectiveLimit: fc.constantFrom<number | undefined>(undefined, 0, 3, 40),
});

function gradeId(name: string | undefined): string | undefined {
  if (name === undefined || name === ORDINARY_GRADE) return name;
  return rules.find((r) => r.name === name)!.id;
}

describe('queryNumbers on random pools', () => {
  it('pages exactly the numbers the plain filter selects, in digit order, on every route', async () => {
    const seen = { routes: new Set<string>(), exactTotals: 0, cases: 0, nonEmpty: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 150, max: 900 }), fc.array(fc.tuple(queryArb, optsArb), { minLength: 6, maxLength: 6 }), async (seed, size, cases) => {
        const pool = makePool(seed, size);
        await db().numbers.clear();
        await db().numbers.bulkPut(pool);
        const sorted = [...pool].sort((a, b) => (a.digits < b.digits ? -1 : 1));
        for (const [raw, opts] of cases) {
          const q: PickerQuery = { ...raw, grade: gradeId(raw.grade) };
          const want = sorted
            .filter((n) => (!q.status || n.status === q.status) && (!q.contains || n.digits.includes(q.contains)) && numberMatches(n, q))
            .map((n) => n.digits);
          const got: string[] = [];
          let after: string | null = null;
          for (let i = 0; i < 200; i++) {
            const page = await queryNumbers(q, { ...opts, after });
            seen.routes.add(page.route);
            if (page.total !== null && want.length > 0) seen.exactTotals++;
            expect(page.rows.length).toBeLessThanOrEqual(opts.pageSize);
            if (page.total !== null) expect(page.total).toBe(want.length);
            got.push(...page.rows.map((n) => n.digits));
            if (!page.nextAfter) break;
            after = page.nextAfter;
          }
          expect(got).toEqual(want);
          seen.cases++;
          if (want.length > 0) seen.nonEmpty++;
        }
      }),
      { numRuns: 30 },
    );
    // the random queries did reach both routes, exact totals, and many non-empty answers
    expect(seen.routes).toEqual(new Set(['selective', 'scan']));
    expect(seen.exactTotals).toBeGreaterThan(0);
    expect(seen.nonEmpty / seen.cases).toBeGreaterThan(0.25);
  }, 240_000);
});
