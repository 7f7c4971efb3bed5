import type { Collection } from 'dexie';
import { db } from './db';
import type { NumberRow, NumberStatus } from './rows';
import { normaliseFilter, numberMatches, type PickerFilter } from './numbersFilter';
import { gradeFields, listGradeRules, type StoredGradeRule } from './gradeRules';
import { numberPatterns, type NumberPattern } from '../../../shared';

/**
 * The picker's query engine. Measured in Chromium on 200k numbers (bench/numbers-idb.ts): IndexedDB
 * counts an index range natively in a few ms and reads primary keys cheaply, but reading whole rows
 * costs ~15 ms per 1,000, so a query may read only a few hundred rows. Two routes follow:
 *
 * - **selective**: some filter has an index whose range is small (a vanity pattern, a vanity grade,
 *   a tail of 2+ digits, a narrow price band, a rare status). Count each candidate natively, read
 *   the smallest range whole, filter the rest in JS: the total is exact.
 * - **key scan**: nothing is selective (e.g. "4008, without 4", "AAA and without 4"). The primary
 *   key IS the 10 digits, and everything a buyer filters on — segment, tail, patterns, and grade
 *   and price under the office's grade table — is a pure function of the digits. So walk the
 *   primary keys in chunks from the page's cursor, test each key in JS, and read only the rows of
 *   the keys that pass (checking them again, with their stored status, grade and price). The cost
 *   follows the page, not the pool; the total is not known (null).
 *
 * Both routes return numbers in digit order and page by keyset (`after` = last digits of the
 * previous page), so a page is the same whichever route served it.
 */

export interface PickerQuery extends PickerFilter {
  /** 'available' for the picker; another status or undefined (any) for the pool list. */
  status?: NumberStatus;
  /** Digits the number contains anywhere (the pool list's search box). */
  contains?: string;
}

export interface PickerPage {
  rows: NumberRow[];
  /** Exact number of matches, or null when the query was answered by a bounded scan. */
  total: number | null;
  /** Pass as `after` for the next page; null when there is none. */
  nextAfter: string | null;
  route: 'selective' | 'scan';
}

/** Largest index range read whole (rows cost ~15 ms per 1,000 in Chromium). */
export const SELECTIVE_LIMIT = 800;
/** Keys read per chunk on the key-scan route, and a cap so a very rare combination cannot run away. */
const KEY_CHUNK = 5000;
const KEY_CAP = 120_000;

const FIRST_KEY = '4000000000';
const LAST_KEY = '4009999999';

interface Candidate {
  name: string;
  collection?: () => Collection<NumberRow, string>;
  /** Native counts and getAll per key, where Dexie's anyOf would walk a cursor step by step. */
  count?: () => Promise<number>;
  fetch?: () => Promise<NumberRow[]>;
}

/** Index ranges that could serve this query; each is a superset of the matches. */
function candidates(q: PickerQuery): Candidate[] {
  const t = db().numbers;
  const out: Candidate[] = [];
  if (q.pattern) out.push({ name: 'pattern', collection: () => t.where('patterns').equals(q.pattern!) });
  if (q.status && q.grade) out.push({ name: 'grade', collection: () => t.where('[status+grade]').equals([q.status!, q.grade!]) });
  if (q.tail && q.tail.length >= 4) out.push({ name: 'tail', collection: () => t.where('tail').equals(q.tail!.slice(-4)) });
  else if (q.tail && q.tail.length >= 2) {
    // every 4-digit tail ending with the given digits: 100 keys for two digits, 10 for three
    const free = 4 - q.tail.length;
    const tails = Array.from({ length: 10 ** free }, (_, i) => String(i).padStart(free, '0') + q.tail);
    out.push({
      name: 'tail',
      count: async () => (await Promise.all(tails.map((x) => t.where('tail').equals(x).count()))).reduce((a, b) => a + b, 0),
      fetch: async () => (await Promise.all(tails.map((x) => t.where('tail').equals(x).toArray()))).flat(),
    });
  }
  if (q.status && (q.minPriceFen !== undefined || q.maxPriceFen !== undefined)) {
    const lo = q.minPriceFen ?? 0;
    const hi = q.maxPriceFen ?? Number.MAX_SAFE_INTEGER;
    out.push({ name: 'price', collection: () => t.where('[status+priceFen]').between([q.status!, lo], [q.status!, hi], true, true) });
  }
  if (q.status && q.segment) out.push({ name: 'segment', collection: () => t.where('[status+segment]').equals([q.status!, q.segment!]) });
  else if (q.status) out.push({ name: 'status', collection: () => t.where('status').equals(q.status!) });
  return out;
}

function matches(n: NumberRow, q: PickerQuery): boolean {
  if (q.status && n.status !== q.status) return false;
  if (q.contains && !n.digits.includes(q.contains)) return false;
  return numberMatches(n, q);
}

/** The query with empty values removed and the digits-only search cleaned. */
export function normaliseQuery(q: PickerQuery): PickerQuery {
  const out: PickerQuery = normaliseFilter(q);
  if (q.status) out.status = q.status;
  const contains = (q.contains ?? '').replace(/\D/g, '');
  if (contains) out.contains = contains;
  return out;
}

/** One page of numbers matching the query, in digit order. */
export async function queryNumbers(
  query: PickerQuery,
  opts: { pageSize?: number; after?: string | null; selectiveLimit?: number } = {},
): Promise<PickerPage> {
  const q = normaliseQuery(query);
  const pageSize = opts.pageSize ?? 50;
  const after = opts.after ?? null;
  const d = db();
  return d.transaction('r', d.numbers, d.gradeRules, async () => {
    const cands = candidates(q);
    const counts = await Promise.all(cands.map((c) => (c.count ? c.count() : c.collection!().count())));
    let best = -1;
    counts.forEach((n, i) => {
      if (n <= (opts.selectiveLimit ?? SELECTIVE_LIMIT) && (best < 0 || n < counts[best]!)) best = i;
    });
    if (best >= 0) {
      const c = cands[best]!;
      const rows = (await (c.fetch ? c.fetch() : c.collection!().toArray())).filter((n) => matches(n, q));
      rows.sort((a, b) => (a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0));
      const start = after === null ? 0 : rows.findIndex((n) => n.digits > after);
      const page = start < 0 ? [] : rows.slice(start, start + pageSize);
      const last = page[page.length - 1];
      const hasMore = start >= 0 && start + pageSize < rows.length;
      return { rows: page, total: rows.length, nextAfter: hasMore && last ? last.digits : null, route: 'selective' };
    }
    return keyScan(q, await listGradeRules(), pageSize, after);
  });
}

/** A test on the digits alone (see the module comment), so rows are read only for keys that pass. */
function keyPredicate(q: PickerQuery, rules: readonly StoredGradeRule[]): (digits: string) => boolean {
  const needGrade = q.grade !== undefined || q.minPriceFen !== undefined || q.maxPriceFen !== undefined;
  return (digits) => {
    if (q.contains && !digits.includes(q.contains)) return false;
    if (q.tail && !digits.endsWith(q.tail)) return false;
    if (q.without4 && digits.slice(3).includes('4')) return false;
    if (q.pattern && !numberPatterns(digits).includes(q.pattern as NumberPattern)) return false;
    if (needGrade) {
      const g = gradeFields(digits, rules);
      return numberMatches({ digits, grade: g.grade, priceFen: g.priceFen, patterns: [] }, { ...q, pattern: undefined });
    }
    return true;
  };
}

async function keyScan(q: PickerQuery, rules: readonly StoredGradeRule[], pageSize: number, after: string | null): Promise<PickerPage> {
  const t = db().numbers;
  const lo = q.segment ? `${q.segment}000000` : FIRST_KEY;
  const hi = q.segment ? `${q.segment}999999` : LAST_KEY;
  const test = keyPredicate(q, rules);
  const found: NumberRow[] = [];
  let cursor = after !== null && after >= lo ? after : null;
  let read = 0;
  let exhausted = false;
  // one more than a page tells whether a next page exists
  while (found.length <= pageSize && read < KEY_CAP && !exhausted) {
    const keys = (await (cursor === null ? t.where(':id').between(lo, hi, true, true) : t.where(':id').between(cursor, hi, false, true))
      .limit(KEY_CHUNK)
      .primaryKeys()) as string[];
    read += keys.length;
    exhausted = keys.length < KEY_CHUNK;
    if (keys.length) cursor = keys[keys.length - 1]!;
    const passing = keys.filter(test);
    // read the rows of passing keys a little at a time: most of them usually are what we want
    for (let i = 0; i < passing.length && found.length <= pageSize; ) {
      const want = Math.max(16, Math.ceil((pageSize + 1 - found.length) * 1.25));
      const slice = passing.slice(i, i + want);
      i += slice.length;
      for (const n of await t.bulkGet(slice)) if (n && matches(n, q)) found.push(n);
    }
  }
  const rows = found.slice(0, pageSize);
  const hasMore = found.length > pageSize || (!exhausted && read >= KEY_CAP);
  const last = rows[rows.length - 1]?.digits ?? cursor;
  return { rows, total: null, nextAfter: hasMore ? last : null, route: 'scan' };
}
