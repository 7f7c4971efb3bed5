/**
 * The number picker's (选号) filters as pure data, and the predicate that decides whether one number
 * matches. The Dexie side (numbersPicker.ts) narrows with an index first and then applies this
 * predicate, so the two can never disagree about what a filter means.
 */

import { NUMBER_PATTERNS } from '../../../shared';

/** Carrier segments a buyer chooses from (DESIGN.md §5). */
export const SEGMENTS = ['4000', '4001', '4006', '4007', '4008', '4009'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Patterns of shared numberPatterns() that the picker offers: the whole vocabulary. */
export const PICKER_PATTERNS = NUMBER_PATTERNS;

export interface PickerFilter {
  segment?: string;
  grade?: string;
  pattern?: string;
  /** No digit 4 after the leading 400. */
  without4?: boolean;
  /** Digits the number must end with, e.g. "88" or "168". */
  tail?: string;
  /** Price band in fen, inclusive; a number's price is its grade's price. */
  minPriceFen?: number;
  maxPriceFen?: number;
}

/** The fields of a stored number that the filters read. */
export interface FilterableNumber {
  digits: string;
  /** null for an ordinary number (no grade rule matched). */
  grade: string | null;
  patterns: string[];
  priceFen: number;
}

/** How the picker names "no grade" in its grade filter. */
export const ORDINARY_GRADE = 'ordinary';

/** Keeps only meaningful filter values: empty strings and NaN bounds mean "any". */
export function normaliseFilter(f: PickerFilter): PickerFilter {
  const out: PickerFilter = {};
  if (f.segment) out.segment = f.segment;
  if (f.grade) out.grade = f.grade;
  if (f.pattern) out.pattern = f.pattern;
  if (f.without4) out.without4 = true;
  const tail = (f.tail ?? '').replace(/\D/g, '');
  if (tail) out.tail = tail.slice(-7);
  if (typeof f.minPriceFen === 'number' && Number.isFinite(f.minPriceFen)) out.minPriceFen = f.minPriceFen;
  if (typeof f.maxPriceFen === 'number' && Number.isFinite(f.maxPriceFen)) out.maxPriceFen = f.maxPriceFen;
  return out;
}

/** A predicate for one number. */
export function numberMatches(n: FilterableNumber, f: PickerFilter): boolean {
  if (f.segment && !n.digits.startsWith(f.segment)) return false;
  if (f.grade && (n.grade ?? ORDINARY_GRADE) !== f.grade) return false;
  if (f.pattern && !n.patterns.includes(f.pattern)) return false;
  if (f.without4 && n.digits.slice(3).includes('4')) return false;
  if (f.tail && !n.digits.endsWith(f.tail)) return false;
  if (f.minPriceFen !== undefined && n.priceFen < f.minPriceFen) return false;
  if (f.maxPriceFen !== undefined && n.priceFen > f.maxPriceFen) return false;
  return true;
}

/** Digits reversed, so "ends with 168" becomes the index prefix query "starts with 861". */
export function reverseDigits(digits: string): string {
  return [...digits].reverse().join('');
}
