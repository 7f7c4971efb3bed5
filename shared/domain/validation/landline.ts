import type { Check } from '../check';
import { failWith, pass } from '../check';

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
    return failWith('landline.areaCode', { areaCode });
  }
  if (/^[01]/.test(subscriber)) return failWith('landline.subscriberStart');
  if (short && subscriber.length !== 8) {
    return failWith('landline.length8', { areaCode, length: subscriber.length });
  }
  if (!short && (subscriber.length < 7 || subscriber.length > 8)) {
    return failWith('landline.length7or8', { areaCode, length: subscriber.length });
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
  if (trimmed.length === 0) return failWith('landline.empty');
  const parts = splitArea(trimmed);
  if (!parts) {
    return failWith('landline.format');
  }
  return checkParts(parts);
}
