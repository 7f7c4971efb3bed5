export type ParsedFen = { ok: true; fen: number } | { ok: false; reason: string };

/**
 * A yuan amount typed by a person ('6007.14', '6,007.1', '¥100', ' 12 ') → integer fen, by string
 * surgery rather than parseFloat × 100 (which turns 0.29 into 28.999…). Refuses negatives, more
 * than two decimals and anything that is not a plain amount. Never throws.
 */
export function parseYuanToFen(s: string, field = '金额'): ParsedFen {
  const trimmed = s.trim().replace(/^[¥￥]\s*/, '');
  if (trimmed.length === 0) return { ok: false, reason: `${field}不能为空。` };
  if (trimmed.startsWith('-')) return { ok: false, reason: `${field}不能为负数。` };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!m) return { ok: false, reason: `${field}“${s.trim()}”不是有效的金额，请填写如 6007.14 的数字。` };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: `${field}最多保留两位小数（到分）。` };
  const yuanDigits = (m[1] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const fenDigits = `${yuanDigits}${decimals.padEnd(2, '0')}`;
  const fen = Number(fenDigits);
  if (!Number.isSafeInteger(fen)) return { ok: false, reason: `${field}过大。` };
  return { ok: true, fen };
}
