import type { Collection } from 'dexie';
import { db } from './db';
import type { NumberRow, NumberStatus } from './rows';
import { normaliseFilter, numberMatches, ORDINARY_GRADE, type PickerFilter } from './numbersFilter';
import { gradeFields, listGradeRules, type StoredGradeRule } from './gradeRules';
import { numberPatterns, type NumberPattern } from '../../../shared';
import { LEASE_KEY_PREFIX, offerRestriction } from './leases';
import { CURRENT_USER_KEY } from './session';

/**
 * The picker's query engine. The primary key IS the 10 digits, and everything a buyer filters on —
 * segment, tail, patterns, and grade and price under the office's grade table — is a pure function
 * of the digits. So a query works on keys and reads rows only for keys that already pass.
 *
 * What things cost in Chromium's IndexedDB (bench/numbers-idb.ts, 200k numbers, loaded 2-core
 * machine): primary keys ~2.5 µs each; index entries ~30 µs each (Chromium checks every index
 * entry against the record's version, one random read each); a record by key ~0.1–0.4 ms, but
 * ~0.08 ms when a range of neighbouring records is read at once. Hence two routes:
 *
 * - **index keys** (route 'selective'): some filter has an index whose range is small (a vanity
 *   pattern or grade, a tail of 3+ digits, a narrow price band, a rare status). Read that range's
 *   keys (at most KEYS_LIMIT: past it walking primary keys is cheaper), test each key in JS, and
 *   read the rows of the page. The total is exact when the index itself vouches for everything the
 *   key test cannot see (status, stored grade/price); otherwise it is counted by reading the rows
 *   when few (SELECTIVE_LIMIT), else unknown (null).
 * - **key scan** (route 'scan'): nothing is selective (a segment, "without 4", a wide price band,
 *   a two-digit tail). Walk the primary keys in growing chunks from the page's cursor, test each key,
 *   and read rows of passing keys until the page is full — a dense run of passing keys as one range
 *   read. The cost follows the page, not the pool; the total is not known (null).
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
  /** Never offered: numbers in a colleague's live lease (set by queryNumbers for the picker). */
  exclude?: ReadonlySet<string>;
}

export interface PickerPage {
  rows: NumberRow[];
  /** Exact number of matches, or null when the query was answered by a bounded scan. */
  total: number | null;
  /** Pass as `after` for the next page; null when there is none. */
  nextAfter: string | null;
  route: 'selective' | 'scan';
}

/**
 * How far an index range is read before the key scan is judged cheaper. Measured (bench/numbers-idb.ts,
 * 200k numbers): a primary key scanned and tested costs ~0.35 of an index entry read. A page of a
 * filter that a fraction `s` of numbers pass needs ~(page+1)/s scanned keys, so an index range is
 * worth reading while it has fewer than SCAN_TO_INDEX_COST × (page+1) / s entries; past that the
 * query scans. Reading a range that turns out too large costs at most what the scan costs, so a
 * wrong guess is never worse than twice the better route. `s` is estimated on synthetic numbers
 * (estimateSelectivity), so no count of the pool is needed. Bounds: KEYS_MIN is always worth
 * reading (a vanity pattern), KEYS_LIMIT never (a price band of thousands of numbers: 4.9k entries
 * took 170 ms by index, a page of the scan ~30 ms).
 */
const SCAN_TO_INDEX_COST = 0.35;
const KEYS_MIN = 200;
export const KEYS_LIMIT = 6000;
/** Most rows read only to count an exact total when the index cannot vouch for the status. */
export const SELECTIVE_LIMIT = 200;
/** Keys per chunk on the key scan (growing), and a cap so a very rare combination cannot run away. */
const KEY_CHUNK_MIN = 256;
const KEY_CHUNK_MAX = 8192;
const KEY_CAP = 120_000;
/** Passing keys at least this dense among the scanned keys are read as one range of rows. */
const RANGE_READ_DENSITY = 0.25;

const FIRST_KEY = '4000000000';
const LAST_KEY = '4009999999';

interface Candidate {
  name: string;
  /** Up to `limit` primary keys of the range (more than `limit` back means "too large"). */
  keys: (limit: number) => Promise<string[]>;
  /**
   * What membership of the range guarantees about the stored row beyond its digits. When it covers
   * every stored field the query tests, the keys that pass the key test ARE the matches (exact total).
   */
  covers: { status: boolean; grade: boolean; price: boolean };
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
  const none = { status: false, grade: false, price: false };
  if (q.pattern && q.pattern !== 'no4') out.push({ name: 'pattern', covers: none, keys: (n) => keysOf(t.where('patterns').equals(q.pattern!), n) });
  // 'ordinary' (no rule matched) is stored as a null grade, which no index holds
  if (q.status && q.grade && q.grade !== ORDINARY_GRADE && !isBulkGrade(rules.find((r) => r.id === q.grade))) {
    out.push({ name: 'grade', covers: { status: true, grade: true, price: false }, keys: (n) => keysOf(t.where('[status+grade]').equals([q.status!, q.grade!]), n) });
  }
  // A tail of 3+ digits: 10 or 1 of the 4-digit tails (~0.1% of a pool). Two digits are ~1%: a scan's job.
  if (q.tail && q.tail.length >= 3) {
    const free = Math.max(0, 4 - q.tail.length);
    const tails = Array.from({ length: 10 ** free }, (_, i) => (free ? String(i).padStart(free, '0') : '') + q.tail!.slice(-4 + free));
    out.push({ name: 'tail', covers: none, keys: async (n) => (await Promise.all(tails.map((x) => keysOf(t.where('tail').equals(x), n)))).flat() });
  }
  const lo = q.minPriceFen ?? 0;
  const hi = q.maxPriceFen ?? Number.MAX_SAFE_INTEGER;
  const bandHoldsBulk = bulk.some((r) => r.priceFen >= lo && r.priceFen <= hi);
  if (q.status && (q.minPriceFen !== undefined || q.maxPriceFen !== undefined) && !bandHoldsBulk) {
    out.push({
      name: 'price',
      covers: { status: true, grade: false, price: true },
      keys: (n) => keysOf(t.where('[status+priceFen]').between([q.status!, lo], [q.status!, hi], true, true), n),
    });
  }
  // The pool list asks for a status that may be rare (reserved, cooling); 'available' never is.
  if (q.status && q.status !== 'available') {
    const covers = { status: true, grade: false, price: false };
    out.push(
      q.segment
        ? { name: 'segment', covers, keys: (n) => keysOf(t.where('[status+segment]').equals([q.status!, q.segment!]), n) }
        : { name: 'status', covers, keys: (n) => keysOf(t.where('status').equals(q.status!), n) },
    );
  }
  return out;
}

/** Whether the candidate's range plus the key test decide the query without reading a row. */
function decides(c: Candidate, q: PickerQuery): boolean {
  const hasPrice = q.minPriceFen !== undefined || q.maxPriceFen !== undefined;
  return (!q.status || c.covers.status) && (!q.grade || c.covers.grade) && (!hasPrice || c.covers.price);
}

function matches(n: NumberRow, q: PickerQuery): boolean {
  if (q.status && n.status !== q.status) return false;
  if (q.exclude?.has(n.digits)) return false;
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
  opts: { pageSize?: number; after?: string | null; selectiveLimit?: number; keysLimit?: number } = {},
): Promise<PickerPage> {
  const q = normaliseQuery(query);
  const pageSize = opts.pageSize ?? 50;
  const after = opts.after ?? null;
  const exactLimit = opts.selectiveLimit ?? SELECTIVE_LIMIT;
  const keysLimit = opts.keysLimit ?? KEYS_LIMIT;
  const d = db();
  // meta and users too: the leases are read in the same transaction, so a live query over this
  // function keeps observing the numbers it read (reads before it would lose Dexie's zone)
  return d.transaction('r', [d.numbers, d.gradeRules, d.meta, d.users], async () => {
    // A field agent's offer is its live leases only; nobody else is offered a colleague's live
    // lease (leases.ts). Plain Dexie reads here: nested async helpers inside the transaction lose
    // its zone in the browser ("Transaction committed too early").
    if (q.status === 'available') {
      const current = await d.meta.get(CURRENT_USER_KEY);
      const user = typeof current?.value === 'string' ? await d.users.get(current.value) : undefined;
      const leaseRows = await d.meta.where('key').startsWith(LEASE_KEY_PREFIX).toArray();
      const r = offerRestriction(user && user.active && !user.deletedAt ? user : null, leaseRows);
      if (r.only) return leasedPage(q, [...r.only], await listGradeRules(), pageSize, after);
      if (r.exclude.size) q.exclude = r.exclude;
    }
    const rules = await listGradeRules();
    const cands = opts.selectiveLimit === 0 ? [] : candidates(q, rules);
    const share = estimateShare(q, rules);
    const worth = cands.length === 0 ? 0 : indexBudget(share, pageSize, keysLimit);
    const keySets = await Promise.all(cands.map((c) => c.keys(worth + 1)));
    let best: { cand: Candidate; keys: string[] } | null = null;
    keySets.forEach((keys, i) => {
      if (keys.length <= worth && (!best || keys.length < best.keys.length)) best = { cand: cands[i]!, keys };
    });
    if (!best) return keyScan(q, keyPredicate(q, rules), pageSize, after, share);
    const { cand, keys } = best as { cand: Candidate; keys: string[] };

    // The index vouches for the stored grade/price it covers: the key test need not recompute them.
    const test = keyPredicate(q, rules, cand.covers);
    const passing = [...new Set(keys.filter(test))].sort();
    const from = after === null ? 0 : passing.findIndex((k) => k > after);
    const rest = from < 0 ? [] : passing.slice(from);
    if (decides(cand, q)) {
      // every passing key is a match: the total is exact without reading more than the page
      const { found } = await readPassing(rest, q, pageSize, 1);
      const rows = found.slice(0, pageSize);
      return { rows, total: passing.length, nextAfter: found.length > pageSize ? rows[rows.length - 1]!.digits : null, route: 'selective' };
    }
    if (passing.length <= exactLimit) {
      const rows = (await d.numbers.bulkGet(passing)).filter((n): n is NumberRow => !!n && matches(n, q));
      const start = after === null ? 0 : rows.findIndex((n) => n.digits > after);
      const page = start < 0 ? [] : rows.slice(start, start + pageSize);
      const last = page[page.length - 1];
      const hasMore = start >= 0 && start + pageSize < rows.length;
      return { rows: page, total: rows.length, nextAfter: hasMore && last ? last.digits : null, route: 'selective' };
    }
    const { found } = await readPassing(rest, q, pageSize, 1.25);
    const rows = found.slice(0, pageSize);
    return { rows, total: null, nextAfter: found.length > pageSize ? rows[rows.length - 1]!.digits : null, route: 'selective' };
  });
}

/**
 * The page of a field agent's offer: the digits of its live leases (at most a few hundred), tested
 * like any other keys, read in one bulk get (inside queryNumbers' transaction). The total is exact.
 */
async function leasedPage(q: PickerQuery, digits: readonly string[], rules: readonly StoredGradeRule[], pageSize: number, after: string | null): Promise<PickerPage> {
  const test = keyPredicate(q, rules);
  const keys = [...new Set(digits)].filter(test).sort();
  const rows = (await db().numbers.bulkGet(keys)).filter((n): n is NumberRow => !!n && matches(n, q));
  const from = after === null ? 0 : rows.findIndex((n) => n.digits > after);
  const page = from < 0 ? [] : rows.slice(from, from + pageSize);
  const hasMore = from >= 0 && from + pageSize < rows.length;
  return { rows: page, total: rows.length, nextAfter: hasMore ? page[page.length - 1]!.digits : null, route: 'selective' };
}

/**
 * Reads rows of passing keys in order, a little at a time, until one more than a page matches.
 * Each row costs a request of its own (~0.2 ms of the page's thread alone), so `spare` says how many
 * extra to read per row still needed: 1 when every passing key is a match, a bit more when the key
 * test could not see the status.
 */
async function readPassing(keys: readonly string[], q: PickerQuery, pageSize: number, spare: number): Promise<{ found: NumberRow[] }> {
  const t = db().numbers;
  const found: NumberRow[] = [];
  for (let i = 0; i < keys.length && found.length <= pageSize; ) {
    const want = Math.max(spare > 1 ? 16 : 1, Math.ceil((pageSize + 1 - found.length) * spare));
    const slice = keys.slice(i, i + want);
    i += slice.length;
    for (const n of await t.bulkGet(slice)) if (n && matches(n, q)) found.push(n);
  }
  return { found };
}

/**
 * The scan's reads: the rows of passing keys among `chunk` (every primary key of a stretch, in
 * order). Where passing keys are dense (e.g. "all available"), the stretch from the first to the
 * last key needed is read as one range — neighbouring records come far cheaper than one by one.
 */
async function readChunk(chunk: readonly string[], test: (digits: string) => boolean, q: PickerQuery, pageSize: number, found: NumberRow[]): Promise<void> {
  const t = db().numbers;
  const at: number[] = [];
  chunk.forEach((k, i) => {
    if (test(k)) at.push(i);
  });
  for (let p = 0; p < at.length && found.length <= pageSize; ) {
    const want = Math.max(16, Math.ceil((pageSize + 1 - found.length) * 1.25));
    const take = at.slice(p, p + want);
    p += take.length;
    const first = take[0]!;
    const last = take[take.length - 1]!;
    if (take.length / (last - first + 1) >= RANGE_READ_DENSITY) {
      const rows = await t.where(':id').between(chunk[first]!, chunk[last]!, true, true).toArray();
      for (const n of rows) if (test(n.digits) && matches(n, q)) found.push(n);
    } else {
      for (const n of await t.bulkGet(take.map((i) => chunk[i]!))) if (n && matches(n, q)) found.push(n);
    }
  }
}

/**
 * A test on the digits alone (see the module comment), so rows are read only for keys that pass.
 * `covered`: stored fields the chosen index already guarantees; they are not recomputed.
 */
function keyPredicate(q: PickerQuery, rules: readonly StoredGradeRule[], covered: { grade: boolean; price: boolean } = { grade: false, price: false }): (digits: string) => boolean {
  const gradeQ = covered.grade ? undefined : q.grade;
  const minQ = covered.price ? undefined : q.minPriceFen;
  const maxQ = covered.price ? undefined : q.maxPriceFen;
  const needGrade = gradeQ !== undefined || minQ !== undefined || maxQ !== undefined;
  const stored: PickerFilter = { grade: gradeQ, minPriceFen: minQ, maxPriceFen: maxQ };
  return (digits) => {
    if (q.exclude?.has(digits)) return false;
    if (q.contains && !digits.includes(q.contains)) return false;
    if (q.segment && !digits.startsWith(q.segment)) return false;
    if (q.tail && !digits.endsWith(q.tail)) return false;
    if (q.without4 && digits.slice(3).includes('4')) return false;
    if (q.pattern && !numberPatterns(digits).includes(q.pattern as NumberPattern)) return false;
    if (needGrade) {
      const g = gradeFields(digits, rules);
      return numberMatches({ digits, grade: g.grade, priceFen: g.priceFen, patterns: [] }, stored);
    }
    return true;
  };
}

/** A small deterministic PRNG (mulberry32): the estimate of one query is the same on every call. */
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

const SAMPLE_SIZE = 1024;
const SAMPLE_SEGMENTS = ['4000', '4001', '4006', '4007', '4008', '4009'];
const shares = new Map<string, number>();

/**
 * The share of numbers passing the key test, estimated on synthetic numbers — uniform digits in the
 * query's segment(s) — so no count of the pool is needed. Pure arithmetic (~1 ms), remembered per
 * query and grade table, so page 2 costs nothing. A query no sample passed counts as half a sample.
 */
function estimateShare(q: PickerQuery, rules: readonly StoredGradeRule[]): number {
  const key = JSON.stringify([q, rules.map((r) => [r.id, r.version, r.priceFen, r.patterns, r.match])]);
  const known = shares.get(key);
  if (known !== undefined) return known;
  const test = keyPredicate(q, rules);
  const next = prng(0x400);
  let pass = 0;
  for (let i = 0; i < SAMPLE_SIZE; i++) {
    const segment = q.segment ?? SAMPLE_SEGMENTS[Math.floor(next() * SAMPLE_SEGMENTS.length)]!;
    if (test(segment + String(Math.floor(next() * 1_000_000)).padStart(6, '0'))) pass++;
  }
  const share = Math.max(pass, 0.5) / SAMPLE_SIZE;
  if (shares.size > 200) shares.clear();
  shares.set(key, share);
  return share;
}

/** Most index entries worth reading for this query (see SCAN_TO_INDEX_COST). */
function indexBudget(share: number, pageSize: number, keysLimit: number): number {
  return Math.round(Math.min(keysLimit, Math.max(Math.min(KEYS_MIN, keysLimit), (SCAN_TO_INDEX_COST * (pageSize + 1)) / share)));
}

async function keyScan(q: PickerQuery, test: (digits: string) => boolean, pageSize: number, after: string | null, share: number): Promise<PickerPage> {
  const t = db().numbers;
  const lo = q.segment ? `${q.segment}000000` : FIRST_KEY;
  const hi = q.segment ? `${q.segment}999999` : LAST_KEY;
  const found: NumberRow[] = [];
  let cursor = after !== null && after >= lo ? after : null;
  let read = 0;
  let exhausted = false;
  // the first chunk sized to fill the page at the estimated share (fewer round trips for a rare filter)
  let chunk = Math.round(Math.min(KEY_CHUNK_MAX, Math.max(KEY_CHUNK_MIN, ((pageSize + 1) / share) * 1.2)));
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
    await readChunk(keys, test, q, pageSize, found);
  }
  const rows = found.slice(0, pageSize);
  const hasMore = found.length > pageSize || (!exhausted && read >= KEY_CAP);
  const last = rows[rows.length - 1]?.digits ?? cursor;
  return { rows, total: null, nextAfter: hasMore ? last : null, route: 'scan' };
}
