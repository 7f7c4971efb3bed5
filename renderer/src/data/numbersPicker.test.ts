import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { newNumberRow } from './numbers';
import { ensureDefaultGradeRules, listGradeRules } from './gradeRules';
import { queryNumbers, type PickerQuery } from './numbersPicker';
import { numberMatches } from './numbersFilter';
import { ensureDefaultUsers } from './session';
import type { NumberRow } from './rows';

const SEGMENTS = ['4000', '4001', '4006', '4007', '4008', '4009'];
let all: NumberRow[] = [];

beforeAll(async () => {
  setDatabase(new HotlineDb('picker-test'));
  setClock('2026-11-22T02:00:00.000Z');
  await ensureDefaultUsers();
  await ensureDefaultGradeRules();
  const rules = await listGradeRules();
  const at = '2026-11-22T02:00:00.000Z';
  // 4,800 numbers: a spread of ordinary ones plus every vanity pattern, a few already reserved
  const digits = new Set<string>();
  for (let i = 0; i < 4200; i++) digits.add(SEGMENTS[i % 6]! + String((i * 7919) % 1_000_000).padStart(6, '0'));
  for (const s of SEGMENTS) for (const tail of ['8888', '1234', '4321', '6688', '5858', '0999', '1168', '2168', '7777']) for (const mid of ['12', '56']) digits.add(`${s}${mid}${tail}`);
  all = [...digits].sort().map((d, i) => ({ ...newNumberRow(d, 'telecom', rules, at), status: i % 17 === 0 ? 'reserved' : 'available' }));
  await db().numbers.bulkPut(all);
}, 60_000);

async function everyPage(q: PickerQuery, pageSize = 37, selectiveLimit?: number): Promise<{ digits: string[]; totals: (number | null)[]; routes: string[] }> {
  const digits: string[] = [];
  const totals: (number | null)[] = [];
  const routes: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 500; i++) {
    const page = await queryNumbers(q, { pageSize, after, ...(selectiveLimit === undefined ? {} : { selectiveLimit }) });
    digits.push(...page.rows.map((r) => r.digits));
    totals.push(page.total);
    routes.push(page.route);
    if (!page.nextAfter) break;
    after = page.nextAfter;
  }
  return { digits, totals, routes };
}

function expected(q: PickerQuery): string[] {
  return all
    .filter((n) => (!q.status || n.status === q.status) && (!q.contains || n.digits.includes(q.contains)) && numberMatches(n, q))
    .map((n) => n.digits);
}

describe('queryNumbers', () => {
  const grade = async (name: string) => (await listGradeRules()).find((r) => r.name === name)!.id;

  it.each<[string, PickerQuery]>([
    ['a vanity pattern', { status: 'available', pattern: 'AAAA' }],
    ['segment + pattern', { status: 'available', segment: '4008', pattern: 'ABCD' }],
    ['tail digits', { status: 'available', tail: '168' }],
    ['two tail digits', { status: 'available', tail: '88' }],
    ['a price band', { status: 'available', minPriceFen: 100_000, maxPriceFen: 300_000 }],
    ['segment only (no index is selective)', { status: 'available', segment: '4009' }],
    ['without 4 in a segment', { status: 'available', segment: '4001', without4: true }],
    ['one tail digit, any segment', { status: 'available', tail: '7' }],
    ['reserved numbers (the pool list)', { status: 'reserved' }],
    ['contains digits, any status', { contains: '999' }],
  ])('%s: every page together is exactly the matching numbers, in order', async (_label, q) => {
    const { digits, totals } = await everyPage(q);
    const want = expected(q);
    expect(want.length).toBeGreaterThan(0);
    expect(digits).toEqual(want);
    for (const t of totals) if (t !== null) expect(t).toBe(want.length);
  });

  it('the scan route pages the same numbers as the selective one', async () => {
    const q: PickerQuery = { status: 'available', segment: '4007', without4: true };
    const scanned = await everyPage(q, 23, 0);
    expect(new Set(scanned.routes)).toEqual(new Set(['scan']));
    expect(scanned.digits).toEqual(expected(q));
  });

  it.each<[string, PickerQuery]>([
    ['a pattern and without 4', { status: 'available', pattern: 'AAA', without4: true }],
    ['a price band', { status: 'available', minPriceFen: 100_000, maxPriceFen: 300_000 }],
    ['tail digits in a segment', { status: 'available', segment: '4006', tail: '88' }],
    ['digits anywhere, reserved only', { status: 'reserved', contains: '12' }],
  ])('the key scan (forced) finds the same as the predicate: %s', async (_label, q) => {
    const scanned = await everyPage(q, 7, 0);
    expect(new Set(scanned.routes)).toEqual(new Set(['scan']));
    expect(scanned.digits).toEqual(expected(q));
    expect(scanned.digits.length).toBeGreaterThan(0);
  });

  it('a small index range with more matches than an exact total may read pages only its own rows', async () => {
    const q: PickerQuery = { status: 'available', pattern: 'AAA' };
    const paged = await everyPage(q, 9, 3);
    expect(new Set(paged.routes)).toEqual(new Set(['selective']));
    expect(new Set(paged.totals)).toEqual(new Set([null]));
    expect(paged.digits).toEqual(expected(q));
  });

  it('the key scan judges grades by the office table', async () => {
    const q: PickerQuery = { status: 'available', grade: await grade('顺子号') };
    const scanned = await everyPage(q, 10, 0);
    expect(scanned.digits).toEqual(expected(q));
    expect(scanned.digits.length).toBeGreaterThan(0);
  });

  it('answers a vanity grade from its index with an exact total', async () => {
    const q: PickerQuery = { status: 'available', grade: await grade('四连号') };
    const page = await queryNumbers(q, { pageSize: 5 });
    expect(page.route).toBe('selective');
    expect(page.total).toBe(expected(q).length);
    expect(page.rows.every((r) => r.patterns.includes('AAAA'))).toBe(true);
  });

  it('pages a non-selective filter by scanning, without a total', async () => {
    const page = await queryNumbers({ status: 'available', segment: '4008', without4: true }, { pageSize: 20, selectiveLimit: 100 });
    expect(page.route).toBe('scan');
    expect(page.total).toBeNull();
    expect(page.rows).toHaveLength(20);
    expect(page.rows.every((r) => r.digits.startsWith('4008') && !r.digits.slice(3).includes('4'))).toBe(true);
  });

  it('finds nothing for an impossible combination, on either route', async () => {
    expect((await queryNumbers({ status: 'available', pattern: 'AAAA', tail: '1234' })).rows).toEqual([]);
    const scanned = await queryNumbers({ status: 'available', segment: '4006', tail: '4', without4: true }, { selectiveLimit: 0 });
    expect(scanned).toMatchObject({ rows: [], route: 'scan', nextAfter: null });
  });
});
