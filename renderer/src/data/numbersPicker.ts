import type { Collection } from 'dexie';
import { db } from './db';
import type { NumberRow, NumberStatus } from './rows';
import { normaliseFilter, numberMatches, type PickerFilter } from './numbersFilter';

/**
 * The picker's query engine. Measured in Chromium on 200k numbers (bench/numbers-idb.ts): IndexedDB
 * counts an index range natively in a few ms, but reading rows costs ~15 ms per 1,000, so a query
 * may read only a few thousand rows. Two routes follow from that:
 *
 * - **selective**: some filter has an index whose range is small (a vanity pattern, a vanity grade,
 *   a tail of 2+ digits, a narrow price band, a rare status). Count each candidate natively, read
 *   the smallest range whole, filter the rest in JS: the total is exact.
 * - **scan**: nothing is selective (e.g. "4008, without 4"). Walk the primary key (the digits, so
 *   the segment is a key range) in chunks from the page's cursor and stop once a page is full:
 *   the cost is proportional to the page, not the pool, and the total is not known (null).
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

/** Largest index range read whole. ~1,500 rows ≈ 25 ms in Chromium. */
export const SELECTIVE_LIMIT = 1500;
/** Rows read per chunk on the scan route, and a cap so a very rare combination cannot run away. */
const SCAN_CHUNK = 400;
const SCAN_CAP = 30_000;

const FIRST_KEY = '4000000000';
const LAST_KEY = '4009999999';

interface Candidate {
  name: string;
  collection: () => Collection<NumberRow, string>;
  /** A native count where Dexie's own would walk a cursor (anyOf). */
  count?: () => Promise<number>;
}

/** Index ranges that could serve this query; each is a superset of the matches. */
function candidates(q: PickerQuery): Candidate[] {
  const t = db().numbers;
  const out: Candidate[] = [];
  if (q.pattern) out.push({ name: 'pattern', collection: () => t.where('patterns').equals(q.pattern!) });
  if (q.without4) out.push({ name: 'no4', collection: () => t.where('patterns').equals('no4') });
  if (q.status && q.grade) out.push({ name: 'grade', collection: () => t.where('[status+grade]').equals([q.status!, q.grade!]) });
  if (q.tail && q.tail.length >= 4) out.push({ name: 'tail', collection: () => t.where('tail').equals(q.tail!.slice(-4)) });
  else if (q.tail && q.tail.length >= 2) {
    // every 4-digit tail ending with the given digits: 100 keys for two digits, 10 for three
    const free = 4 - q.tail.length;
    const tails = Array.from({ length: 10 ** free }, (_, i) => String(i).padStart(free, '0') + q.tail);
    out.push({
      name: 'tail',
      collection: () => t.where('tail').anyOf(tails),
      count: async () => (await Promise.all(tails.map((x) => t.where('tail').equals(x).count()))).reduce((a, b) => a + b, 0),
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
  return d.transaction('r', d.numbers, async () => {
    const cands = candidates(q);
    const counts = await Promise.all(cands.map((c) => (c.count ? c.count() : c.collection().count())));
    let best = -1;
    counts.forEach((n, i) => {
      if (n <= (opts.selectiveLimit ?? SELECTIVE_LIMIT) && (best < 0 || n < counts[best]!)) best = i;
    });
    if (best >= 0) {
      const rows = (await cands[best]!.collection().toArray()).filter((n) => matches(n, q));
      rows.sort((a, b) => (a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0));
      const start = after === null ? 0 : rows.findIndex((n) => n.digits > after);
      const page = start < 0 ? [] : rows.slice(start, start + pageSize);
      const last = page[page.length - 1];
      const hasMore = start >= 0 && start + pageSize < rows.length;
      return { rows: page, total: rows.length, nextAfter: hasMore && last ? last.digits : null, route: 'selective' };
    }
    return scan(q, pageSize, after);
  });
}

async function scan(q: PickerQuery, pageSize: number, after: string | null): Promise<PickerPage> {
  const t = db().numbers;
  const lo = q.segment ? `${q.segment}000000` : FIRST_KEY;
  const hi = q.segment ? `${q.segment}999999` : LAST_KEY;
  const found: NumberRow[] = [];
  let cursor = after !== null && after >= lo ? after : null;
  let read = 0;
  // one more than a page tells whether a next page exists
  while (found.length <= pageSize && read < SCAN_CAP) {
    const chunk = await (cursor === null ? t.where(':id').between(lo, hi, true, true) : t.where(':id').between(cursor, hi, false, true))
      .limit(SCAN_CHUNK)
      .toArray();
    read += chunk.length;
    for (const n of chunk) if (matches(n, q)) found.push(n);
    if (chunk.length < SCAN_CHUNK) {
      const rows = found.slice(0, pageSize);
      const hasMore = found.length > pageSize;
      return { rows, total: null, nextAfter: hasMore ? rows[rows.length - 1]!.digits : null, route: 'scan' };
    }
    cursor = chunk[chunk.length - 1]!.digits;
  }
  const rows = found.slice(0, pageSize);
  const hasMore = found.length > pageSize || read >= SCAN_CAP;
  const last = rows[rows.length - 1]?.digits ?? cursor;
  return { rows, total: null, nextAfter: hasMore ? last : null, route: 'scan' };
}
