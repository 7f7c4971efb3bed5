import { assertFen } from './fen';

/**
 * Integer fen → yuan with thousands separators and two decimals: 600714 → '6,007.14'.
 * String arithmetic on the integer, so no float ever rounds. Throws RangeError for a non-integer.
 */
export function formatFen(fen: number): string {
  assertFen(fen, 'fen');
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${digits.slice(-2)}`;
}

/** formatFen with the ¥ sign, for screens: '¥6,007.14'. */
export function formatYuan(fen: number): string {
  const s = formatFen(fen);
  return s.startsWith('-') ? `-¥${s.slice(1)}` : `¥${s}`;
}
