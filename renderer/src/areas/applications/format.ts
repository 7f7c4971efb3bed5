import { formatFen, formatHotline } from '../../../../shared';
import { errorFields, errorText } from '../../i18n/errors';

/** 4008123456 → 400-812-3456; anything else as it is. */
export function hotline(digits: string | null | undefined): string {
  return digits && /^\d{10}$/.test(digits) ? formatHotline(digits) : (digits ?? '—');
}

/** Integer fen → "3,600.00" (yuan). */
export function yuan(fen: number | null | undefined): string {
  return typeof fen === 'number' ? formatFen(fen) : '—';
}

/** The message to show for a failed action, and the per-field messages of a ValidationError, in the UI's language. */
export function errorInfo(e: unknown): { message: string; fields: Record<string, string> } {
  return { message: errorText(e), fields: errorFields(e) };
}

/** An office date (YYYY-MM-DD) for the date inputs, from the injectable clock's instant. */
export function officeDate(iso: string, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
