import { formatFen, parseYuanToFen } from '../../../../shared';

/** Fen → the yuan text a form field shows ('' for 0 when `blankZero`). */
export function yuanText(fen: number | undefined, blankZero = false): string {
  if (fen === undefined || (blankZero && fen === 0)) return '';
  return formatFen(fen).replace(/,/g, '');
}

/** A yuan field → fen, or the zh-CN reason it is not an amount. Empty counts as 0 when allowed. */
export function yuanToFen(text: string, label: string, emptyIsZero = false): { fen: number } | { error: string } {
  if (emptyIsZero && text.trim() === '') return { fen: 0 };
  const r = parseYuanToFen(text, label);
  return r.ok ? { fen: r.fen } : { error: r.reason };
}
