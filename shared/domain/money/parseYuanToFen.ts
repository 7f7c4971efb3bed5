import type { MessageCode, MessageParams } from '../messages/catalog';
import { formatMessage } from '../messages/format';

export type ParsedFen = { ok: true; fen: number } | { ok: false; reason: string; code?: string; params?: MessageParams };

function refused(code: MessageCode, params: MessageParams): ParsedFen {
  return { ok: false, reason: formatMessage(code, params), code, params };
}

/**
 * A yuan amount typed by a person ('6007.14', '6,007.1', '¥100', ' 12 ') → integer fen, by string
 * surgery rather than parseFloat × 100 (which turns 0.29 into 28.999…). Refuses negatives, more
 * than two decimals and anything that is not a plain amount. Never throws.
 */
export function parseYuanToFen(s: string, field = '金额'): ParsedFen {
  const trimmed = s.trim().replace(/^[¥￥]\s*/, '');
  if (trimmed.length === 0) return refused('money.empty', { label: field });
  if (trimmed.startsWith('-')) return refused('money.negative', { label: field });
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!m) return refused('money.invalid', { label: field, input: s.trim() });
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return refused('money.decimals', { label: field });
  const yuanDigits = (m[1] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const fenDigits = `${yuanDigits}${decimals.padEnd(2, '0')}`;
  const fen = Number(fenDigits);
  if (!Number.isSafeInteger(fen)) return refused('money.tooLarge', { label: field });
  return { ok: true, fen };
}
