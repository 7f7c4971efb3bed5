// 人民币大写 (amount in capital numerals) by the People's Bank of China rules for writing
// amounts on bills (《支付结算办法》附件 “正确填写票据和结算凭证的基本规定”).
//
// Hand-written on purpose: the npm packages we looked at (nzh, number-to-chinese-words and the
// many copy-pasted snippets) get the PBoC rules wrong in the places a bank clerk checks:
//  - they write 零 for every zero, or reset the zero flag at each 万/亿 group, producing
//    壹拾万零柒仟 or 壹亿零万零壹元 where one 零 (or none) is correct;
//  - they drop 壹 before a leading 拾 (拾万元 instead of 壹拾万元 — the rules forbid omitting it);
//  - they put 整 after 角 or even after 分 (the rules: 整 after 元 when there are no 角 and 分;
//    never after 分), or omit 零 between 元 and 分 when 角 is zero (壹元伍分 instead of 壹元零伍分);
//  - they go through floats (0.29 * 100) and lose a fen.
//
// Conventions chosen where the rules allow either form (kept consistent with the contract examples):
//  - a run of zeros inside the number is one 零; zeros at the end of a group are not written;
//  - a group (万 or units) that starts with a zero after a higher non-zero group gets one 零
//    (壹亿零壹拾万元整, 壹万零伍拾元整), but a group whose thousands digit is non-zero gets none
//    (壹拾万柒仟元…);
//  - when the 元 digit is 0 and 角 is not, 零 is written after 元 (壹拾万柒仟元零伍角叁分);
//  - when 角 is 0 and 分 is not, 零 is written after 元 (壹佰元零伍分), as the rules require;
//  - no 整 after 角 (the rules allow omitting it), never after 分; 0 is 零元整.

import { assertFen } from './fen';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['仟', '佰', '拾', ''] as const;
const GROUP_UNITS = ['亿', '万', ''] as const;

/** One upper bound: below one trillion (10^12) yuan. */
export const RMB_UPPERCASE_LIMIT_FEN = 100_000_000_000_000;

function digit(n: number): string {
  return DIGITS.charAt(n);
}

/** 1–9999 without leading zeros; internal zero runs become one 零, trailing zeros vanish. */
function groupToUpper(group: number): string {
  const ds = String(group).padStart(4, '0');
  let out = '';
  let started = false;
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(ds.charAt(i));
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += digit(d) + SMALL_UNITS[i];
    started = true;
  }
  return out;
}

/** 1 ≤ yuan < 10^12. */
function yuanToUpper(yuan: number): string {
  const groups = [Math.floor(yuan / 100_000_000), Math.floor(yuan / 10_000) % 10_000, yuan % 10_000];
  let out = '';
  let started = false;
  let pendingZero = false;
  groups.forEach((group, i) => {
    if (group === 0) {
      if (started) pendingZero = true;
      return;
    }
    if (started && (pendingZero || group < 1000)) out += '零';
    out += groupToUpper(group) + GROUP_UNITS[i];
    started = true;
    pendingZero = false;
  });
  return out;
}

/**
 * Integer fen → 人民币大写 without the 人民币 prefix: 600714 → 陆仟零柒元壹角肆分,
 * 10700053 → 壹拾万柒仟元零伍角叁分, 10000000 → 壹拾万元整, 0 → 零元整.
 * Throws RangeError unless 0 ≤ fen < 10^14 (one trillion yuan) and fen is an integer.
 */
export function rmbUppercase(fen: number): string {
  assertFen(fen, 'fen', { nonNegative: true });
  if (fen >= RMB_UPPERCASE_LIMIT_FEN) throw new RangeError(`fen must be below one trillion yuan, got ${fen}`);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = yuan > 0 ? `${yuanToUpper(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += `${digit(jiao)}角`;
  } else if (yuan > 0) {
    out += '零';
  }
  if (fenDigit > 0) out += `${digit(fenDigit)}分`;
  return out;
}
