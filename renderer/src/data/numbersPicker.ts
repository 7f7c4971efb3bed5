import type { Collection } from 'dexie';
import { db } from './db';
import type { NumberRow, NumberStatus } from './rows';
import { normaliseFilter, numberMatches, type PickerFilter } from './numbersFilter';
import { gradeFields, listGradeRules, type StoredGradeRule } from './gradeRules';
import { numberPatterns, type NumberPattern } from '../../../shared';

/**
 * The picker's query engine. Measured in Chromium on 200k numbers (bench/numbers-idb.ts): IndexedDB
 * reads primary keys cheaply but whole rows at ~15 ms per 1,000, and it counts a range by walking
 * it. The primary key IS the 10 digits, and everything a buyer filters on — segment, tail,
 * patterns, and grade and price under the office's grade table — is a pure function of the digits.
 * So a query works on keys and reads rows only for keys that already pass:
 *
 * - **index keys** (route 'selective'): some filter has an index whose range is small (a vanity
 *   pattern or grade, a tail of 2+ digits, a price band, a rare status). Read that range's keys
 *   (at most KEYS_LIMIT), test each key in JS, and read the rows of the passing keys — all of
 *   them when few (the total is exact), else just enough for the page.
 * - **key scan** (route 'scan'): nothing is selective (e.g. "4008, without 4"). Walk the primary
 *   keys in growing chunks from the page's cursor, test each key, read rows of passing keys until
 *   the page is full. The cost follows the page, not the pool; the total is not known (null).
 *
 * Rows are always checked again with their stored status, grade and price, so a key test can
 * only save reads, never admit a wrong number. Both routes return numbers in digit order and page
 * by keyset (`after` = last digits of the previous page).
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

/** Most index keys read to judge a candidate range small (keys cost far less than rows). */
export const KEYS_LIMIT = 6000;
/** Most rows read to give an exact total; beyond it a page reads only its own rows. */
export const SELECTIVE_LIMIT = 800;
/** Keys per chunk on the key scan (growing), and a cap so a very rare combination cannot run away. */
const KEY_CHUNK_MIN = 256;
const KEY_CHUNK_MAX = 8192;
const KEY_CAP = 120_000;

const FIRST_KEY = '4000000000';
const LAST_KEY = '4009999999';

interface Candidate {
  name: string;
  /** Up to `limit` primary keys of the range (more than `limit` back means "too large"). */
  keys: (limit: number) => Promise<string[]>;
}

/**
 * A grade that most of a pool has — the catch-all rule, or one built only on "no 4" (about half of
 * all numbers) — is never a small range: probing its index would only cost time.
 */
function isBulkGrade(rule: StoredGradeRule | undefined): boolean {
  return !!rule && rule.patterns.every((p) => p === 'no4');
}

/** Index ranges that could serve this query; each holds every match (and maybe more). */
function candidates(q: PickerQuery, rules: readonly StoredGradeRule[]): Candidate[] {
  const bulk = rules.filter(isBulkGrade);
  const t = db().numbers;
  const out: Candidate[] = [];
  const keysOf = (c: Collection<NumberRow, string>, limit: number) => c.limit(limit).primaryKeys() as Promise<string[]>;
  if (q.pattern && q.pattern !== 'no4') out.push({ name: 'pattern', keys: (n) => keysOf(t.where('patterns').equals(q.pattern!), n) });
  if (q.status && q.grade && !isBulkGrade(rules.find((r) => r.id === q.grade))) out.push({ name: 'grade', keys: (n) => keysOf(t.where('[status+grade]').equals([q.status!, q.grade!]), n) });
  if (q.tail && q.tail.length >= 2) {
    // every 4-digit tail ending with the given digits: 1 key for 4+ digits, 10 for three, 100 for two
    const free = Math.max(0, 4 - q.tail.length);
    const tails = Array.from({ length: 10 ** free }, (_, i) => (free ? String(i).padStart(free, '0') : '') + q.tail!.slice(-4 + free));
    out.push({ name: 'tail', keys: async (n) => (await Promise.all(tails.map((x) => keysOf(t.where('tail').equals(x), n)))).flat() });
  }
  const lo = q.minPriceFen ?? 0;
  const hi = q.maxPriceFen ?? Number.MAX_SAFE_INTEGER;
  const bandHoldsBulk = bulk.some((r) => r.priceFen >= lo && r.priceFen <= hi);
  if (q.status && (q.minPriceFen !== undefined || q.maxPriceFen !== undefined) && !bandHoldsBulk) {
    out.push({ name: 'price', keys: (n) => keysOf(t.where('[status+priceFen]').between([q.status!, lo], [q.status!, hi], true, true), n) });
  }
  // The pool list asks for a status that may be rare (reserved, cooling); 'available' never is.
  if (q.status && q.status !== 'available') {
    out.push(
      q.segment
        ? { name: 'segment', keys: (n) => keysOf(t.where('[status+segment]').equals([q.status!, q.segment!]), n) }
        : { name: 'status', keys: (n) => keysOf(t.where('status').equals(q.status!), n) },
    );
  }
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
  const exactLimit = opts.selectiveLimit ?? SELECTIVE_LIMIT;
  const d = db();
  return d.transaction('r', d.numbers, d.gradeRules, async () => {
    const rules = await listGradeRules();
    const test = keyPredicate(q, rules);
    const cands = opts.selectiveLimit === 0 ? [] : candidates(q, rules);
    const keySets = await Promise.all(cands.map((c) => c.keys(KEYS_LIMIT + 1)));
    let best: string[] | null = null;
    for (const keys of keySets) if (keys.length <= KEYS_LIMIT && (!best || keys.length < best.length)) best = keys;
    if (!best) return keyScan(q, test, pageSize, after);

    const passing = [...new Set(best.filter(test))].sort();
    const t = d.numbers;
    if (passing.length <= exactLimit) {
      const rows = (await t.bulkGet(passing)).filter((n): n is NumberRow => !!n && matches(n, q));
      const start = after === null ? 0 : rows.findIndex((n) => n.digits > after);
      const page = start < 0 ? [] : rows.slice(start, start + pageSize);
      const last = page[page.length - 1];
      const hasMore = start >= 0 && start + pageSize < rows.length;
      return { rows: page, total: rows.length, nextAfter: hasMore && last ? last.digits : null, route: 'selective' };
    }
    const from = after === null ? 0 : passing.findIndex((k) => k > after);
    const { found } = await readPassing(from < 0 ? [] : passing.slice(from), q, pageSize);
    const rows = found.slice(0, pageSize);
    return { rows, total: null, nextAfter: found.length > pageSize ? rows[rows.length - 1]!.digits : null, route: 'selective' };
  });
}

/** Reads rows of passing keys in order, a little at a time, until one more than a page matches. */
async function readPassing(keys: readonly string[], q: PickerQuery, pageSize: number, found: NumberRow[] = []): Promise<{ found: NumberRow[] }> {
  const t = db().numbers;
  for (let i = 0; i < keys.length && found.length <= pageSize; ) {
    // most passing keys usually match (the key test misses only the status): read a bit more than needed
    const want = Math.max(16, Math.ceil((pageSize + 1 - found.length) * 1.25));
    const slice = keys.slice(i, i + want);
    i += slice.length;
    for (const n of await t.bulkGet(slice)) if (n && matches(n, q)) found.push(n);
  }
  return { found };
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

async function keyScan(q: PickerQuery, test: (digits: string) => boolean, pageSize: number, after: string | null): Promise<PickerPage> {
  const t = db().numbers;
  const lo = q.segment ? `${q.segment}000000` : FIRST_KEY;
  const hi = q.segment ? `${q.segment}999999` : LAST_KEY;
  const found: NumberRow[] = [];
  let cursor = after !== null && after >= lo ? after : null;
  let read = 0;
  let exhausted = false;
  let chunk = Math.max(KEY_CHUNK_MIN, (pageSize + 1) * 4);
  // one more than a page tells whether a next page exists
  while (found.length <= pageSize && read < KEY_CAP && !exhausted) {
    const keys = (await (cursor === null ? t.where(':id').between(lo, hi, true, true) : t.where(':id').between(cursor, hi, false, true))
      .limit(chunk)
      .primaryKeys()) as string[];
    read += keys.length;
    exhausted = keys.length < chunk;
    // start small (a common filter fills a page from a few hundred keys), grow for rare ones
    chunk = Math.min(chunk * 2, KEY_CHUNK_MAX);
    if (keys.length) cursor = keys[keys.length - 1]!;
    await readPassing(keys.filter(test), q, pageSize, found);
  }
  const rows = found.slice(0, pageSize);
  const hasMore = found.length > pageSize || (!exhausted && read >= KEY_CAP);
  const last = rows[rows.length - 1]?.digits ?? cursor;
  return { rows, total: null, nextAfter: hasMore ? last : null, route: 'scan' };
}
