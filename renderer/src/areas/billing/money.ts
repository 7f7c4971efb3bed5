import { formatFen } from '../../../../shared';

/** Integer fen → '6,007.14' (yuan) for the screen; '—' when unknown. */
export function yuan(fen: number | null | undefined): string {
  return typeof fen === 'number' && Number.isSafeInteger(fen) ? formatFen(fen) : '—';
}

/** 4008123456 → 400-812-3456 */
export function hotline(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}` : digits;
}
