// Reads back what rmbUppercase writes (and the usual variants: 正 for 整, extra 零), so a
// property test can round-trip every amount and an import can read an amount in capitals.

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNIT_VALUES: Readonly<Record<string, number>> = { 拾: 10, 佰: 100, 仟: 1000 };

function parseIntegerPart(s: string): number | null {
  let total = 0;
  let section = 0;
  let pending = 0;
  for (const ch of s) {
    const d = DIGIT_VALUES[ch];
    if (d !== undefined) {
      pending = d;
      continue;
    }
    const unit = SMALL_UNIT_VALUES[ch];
    if (unit !== undefined) {
      if (pending === 0) return null; // PBoC: 壹拾, never a bare 拾
      section += pending * unit;
      pending = 0;
    } else if (ch === '亿') {
      total = (total + section + pending) * 100_000_000;
      section = 0;
      pending = 0;
    } else if (ch === '万') {
      total += (section + pending) * 10_000;
      section = 0;
      pending = 0;
    } else {
      return null;
    }
  }
  return total + section + pending;
}

/** 人民币大写 (with or without the 人民币 prefix) → integer fen, or null if it cannot be read. */
export function parseRmbUppercase(text: string): number | null {
  let s = text.trim().replace(/^人民币/, '');
  if (s.length === 0) return null;
  s = s.replace(/[整正]$/, '');
  let yuan = 0;
  const yuanAt = s.indexOf('元');
  if (yuanAt >= 0) {
    const parsed = parseIntegerPart(s.slice(0, yuanAt));
    if (parsed === null) return null;
    yuan = parsed;
    s = s.slice(yuanAt + 1);
  }
  s = s.replace(/^零/, '');
  let jiao = 0;
  let fen = 0;
  const jiaoMatch = /^([壹贰叁肆伍陆柒捌玖])角/.exec(s);
  if (jiaoMatch) {
    jiao = DIGIT_VALUES[jiaoMatch[1] ?? ''] ?? 0;
    s = s.slice(2);
  }
  const fenMatch = /^([壹贰叁肆伍陆柒捌玖])分/.exec(s);
  if (fenMatch) {
    fen = DIGIT_VALUES[fenMatch[1] ?? ''] ?? 0;
    s = s.slice(2);
  }
  if (s.length > 0) return null;
  return yuan * 100 + jiao * 10 + fen;
}
