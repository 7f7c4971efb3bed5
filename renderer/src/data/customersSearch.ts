import { maskIdNumber } from '../../../shared';
import { db } from './db';
import type { CustomerRow } from './rows';

/**
 * Customer search by company name (prefix or contains), USCC, handler mobile or hotline number,
 * answered from indexes so it stays fast with 100k customers.
 *
 * "Contains" on Chinese names: IndexedDB has no full-text index, so each customer stores the
 * bigrams (2-character pieces) of its normalised name in a multi-entry index. A query looks up
 * one of its own bigrams and filters those candidates by the whole query. Bigrams that nearly
 * every company has (有限, 公司 …) are left out of the index, or one lookup would return everything.
 */

const STOP_BIGRAMS = new Set([
  '有限', '限公', '公司', '责任', '任公', '股份', '份有', '集团', '科技', '技有', '技术', '术有',
  '贸易', '易有', '服务', '务有', '发展', '展有', '实业', '业有', '信息', '息技', '网络', '络科',
  '限责',
]);

/** Lower case, no whitespace or punctuation: how names are compared. */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return [...out];
}

/** The tokens stored in `customers.searchTokens` for a company name. */
export function companyNameTokens(companyName: string): string[] {
  return bigrams(normaliseName(companyName)).filter((b) => !STOP_BIGRAMS.has(b));
}

/** What a list shows of a customer: the ID number only masked, never whole. */
export interface CustomerListItem {
  id: string;
  name: string;
  uscc: string;
  usccOverridden: boolean;
  realNameStatus: CustomerRow['realNameStatus'];
  legalRepresentative: string;
  handlerName: string;
  handlerIdMasked: string;
  handlerMobile: string;
  landline: string;
  updatedAt: string;
  version: number;
}

export function toListItem(c: CustomerRow): CustomerListItem {
  return {
    id: c.id,
    name: c.name,
    uscc: c.uscc,
    usccOverridden: !!c.usccOverrideReason,
    realNameStatus: c.realNameStatus,
    legalRepresentative: c.legalRepresentative,
    handlerName: c.handlerName,
    handlerIdMasked: maskIdNumber(c.handlerIdNumber),
    handlerMobile: c.handlerMobile,
    landline: c.landline,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

/** A bigram with more customers than this is too common to narrow a search by itself. */
const BIGRAM_KEY_CAP = 1000;

/** How many customers a search without a usable bigram looks through. */
const CONTAINS_SCAN_CAP = 2000;

const live = (c: CustomerRow | undefined): c is CustomerRow => !!c && !c.deletedAt;

/** Customers holding a hotline number: reserved/assigned in the pool, or through a service account. */
async function byHotline(digits: string): Promise<CustomerRow[]> {
  const d = db();
  const ids = new Set<string>();
  const number = await d.numbers.get(digits);
  if (number?.customerId) ids.add(number.customerId);
  for (const a of await d.accounts.where('numberDigits').equals(digits).toArray()) {
    if (!a.deletedAt) ids.add(a.customerId);
  }
  return (await d.customers.bulkGet([...ids])).filter(live);
}

/**
 * "Contains" through the bigram index. A bigram such as a city name (重庆) may belong to thousands
 * of customers, and loading them all to filter is what makes a search slow. So each bigram of the
 * query is looked up as keys only (no records read), stopping at BIGRAM_KEY_CAP; the bigrams that
 * stayed under the cap are intersected, and only that handful of customers is read and checked.
 */
async function byNameContains(q: string, limit: number): Promise<CustomerRow[]> {
  const d = db();
  const name = normaliseName(q);
  if (name.length === 0) return [];
  const matches = (c: CustomerRow) => normaliseName(c.name).includes(name);
  const tokens = bigrams(name).filter((b) => !STOP_BIGRAMS.has(b));
  if (tokens.length > 0) {
    const keySets = await Promise.all(
      tokens.map((t) => d.customers.where('searchTokens').equals(t).limit(BIGRAM_KEY_CAP + 1).primaryKeys()),
    );
    const selective = keySets.filter((keys) => keys.length <= BIGRAM_KEY_CAP).sort((a, b) => a.length - b.length);
    if (selective.length > 0) {
      let candidates = new Set(selective[0]);
      for (const keys of selective.slice(1)) {
        const next = new Set(keys);
        candidates = new Set([...candidates].filter((k) => next.has(k)));
      }
      const rows = await d.customers.bulkGet([...candidates]);
      return rows.filter((c): c is CustomerRow => !!c && matches(c)).slice(0, limit);
    }
    // Every bigram is very common (e.g. only a city and a trade): read the first until enough match.
    return d.customers.where('searchTokens').equals(tokens[0]!).filter(matches).limit(limit).toArray();
  }
  // One character, or only stop bigrams ("有限公司"): no index can answer "contains", so look
  // through a bounded slice of the name index — a one-character search in a store of 100k
  // customers must not scan them all; typing one more character narrows it through the index.
  const slice = await d.customers.orderBy('name').limit(CONTAINS_SCAN_CAP).toArray();
  return slice.filter(matches).slice(0, limit);
}

/**
 * Up to `limit` customers matching `query`, best first: exact USCC / mobile / hotline matches,
 * then name prefix, then name contains. An empty query lists the most recently changed.
 */
export async function searchCustomers(query: string, limit = 50): Promise<CustomerListItem[]> {
  const d = db();
  const q = query.trim();
  if (q.length === 0) {
    const recent = await d.customers.orderBy('updatedAt').reverse().filter((c) => !c.deletedAt).limit(limit).toArray();
    return recent.map(toListItem);
  }

  const lookups: Promise<CustomerRow[]>[] = [];
  const compact = q.replace(/[\s-]/g, '');
  const upper = compact.toUpperCase();
  if (/^400\d{7}$/.test(compact)) lookups.push(byHotline(compact));
  if (/^[0-9A-Z]+$/.test(upper) && upper.length >= 2) {
    lookups.push(d.customers.where('uscc').startsWith(upper).limit(limit).toArray());
  }
  const mobile = compact.replace(/^\+86/, '');
  if (/^\d{3,11}$/.test(mobile)) {
    lookups.push(d.customers.where('handlerMobile').startsWith(mobile).limit(limit).toArray());
  }
  lookups.push(d.customers.where('name').startsWith(q).limit(limit).toArray());
  lookups.push(byNameContains(q, limit));

  const seen = new Set<string>();
  const out: CustomerListItem[] = [];
  for (const rows of await Promise.all(lookups)) {
    for (const c of rows) {
      if (!live(c) || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(toListItem(c));
      if (out.length >= limit) return out;
    }
  }
  return out;
}
