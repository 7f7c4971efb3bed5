import type { Check } from '../check';
import { fail, pass } from '../check';

export type LandlineParts = { areaCode: string; subscriber: string };

// Three-digit area codes are exactly 010 and 020–029; every other area code is 0 + three digits
// whose first is 3–9. That makes an unseparated number unambiguous.
function splitArea(s: string): LandlineParts | null {
  const separated = /^(0\d{2,3})[- ](\d+)$/.exec(s);
  if (separated) return { areaCode: separated[1] ?? '', subscriber: separated[2] ?? '' };
  if (!/^0\d+$/.test(s)) return null;
  const areaLength = /^0(10|2\d)/.test(s) ? 3 : 4;
  return { areaCode: s.slice(0, areaLength), subscriber: s.slice(areaLength) };
}

function checkParts(parts: LandlineParts): Check {
  const { areaCode, subscriber } = parts;
  const short = /^0(10|2\d)$/.test(areaCode);
  if (!short && !/^0[3-9]\d{2}$/.test(areaCode)) {
    return fail(`固定电话区号“${areaCode}”无效：区号为 010、02X 或 0 加三位数字（第一位 3–9）。`);
  }
  if (/^[01]/.test(subscriber)) return fail('固定电话号码（区号后面的部分）不能以 0 或 1 开头。');
  if (short && subscriber.length !== 8) {
    return fail(`区号 ${areaCode} 的固定电话号码应为 8 位，现在是 ${subscriber.length} 位。`);
  }
  if (!short && (subscriber.length < 7 || subscriber.length > 8)) {
    return fail(`区号 ${areaCode} 的固定电话号码应为 7 或 8 位，现在是 ${subscriber.length} 位。`);
  }
  return pass();
}

/** Area code and subscriber number of a valid landline, or null. Never throws. */
export function parseLandline(s: string): LandlineParts | null {
  const parts = splitArea(s.trim());
  return parts && checkParts(parts).ok ? parts : null;
}

/** A valid landline written as 'area-subscriber' (0371-67891234), or null. Never throws. */
export function normalizeLandline(s: string): string | null {
  const parts = parseLandline(s);
  return parts ? `${parts.areaCode}-${parts.subscriber}` : null;
}

/**
 * Area code + subscriber number separated by '-', a space or nothing. 010 and 02X take 8 digits,
 * other area codes 7 or 8; the subscriber number never starts with 0 or 1. Never throws.
 */
export function validateLandline(s: string): Check {
  const trimmed = s.trim();
  if (trimmed.length === 0) return fail('固定电话号码不能为空。');
  const parts = splitArea(trimmed);
  if (!parts) {
    return fail('固定电话应写成“区号-号码”，例如 0371-67891234 或 010-62345678，区号以 0 开头。');
  }
  return checkParts(parts);
}
