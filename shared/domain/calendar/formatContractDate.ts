import { requireIsoDate } from './isoDate';

/** '2026-11-22' → '2026年11月22日' (no leading zeros, as contracts are written). Throws RangeError for a malformed date. */
export function formatContractDate(date: string): string {
  const { year, month, day } = requireIsoDate(date);
  return `${year}年${month}月${day}日`;
}
