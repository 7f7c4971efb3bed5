import { formatFen, msgOfCheck, parseYuanToFen } from '../../../../shared';
import { messageText } from '../../i18n/errors';

/** Fen → the yuan text a form field shows ('' for 0 when `blankZero`). */
export function yuanText(fen: number | undefined, blankZero = false): string {
  if (fen === undefined || (blankZero && fen === 0)) return '';
  return formatFen(fen).replace(/,/g, '');
}

/**
 * A yuan field → fen, or why it is not an amount, in the UI's language (`label` is the field's
 * label as the form shows it). Empty counts as 0 when allowed.
 */
export function yuanToFen(text: string, label: string, emptyIsZero = false): { fen: number } | { error: string } {
  if (emptyIsZero && text.trim() === '') return { fen: 0 };
  const r = parseYuanToFen(text, label);
  return r.ok ? { fen: r.fen } : { error: messageText(msgOfCheck(r)) };
}
