import type { Check } from '../check';
import { failWith, pass } from '../check';

// Digits in groups separated by single spaces or hyphens, e.g. "138 0013 8000", "138-0013-8000".
const GROUPED_DIGITS = /^\d+(?:[ -]\d+)*$/;

/**
 * The bare 11 digits of a mainland mobile number written with an optional leading +86 and
 * spaces or hyphens between groups, or null if it is not one. Never throws.
 */
export function normalizeMobile(s: string): string | null {
  let rest = s.trim();
  if (rest.startsWith('+86')) rest = rest.slice(3).replace(/^[ -]/, '');
  if (!GROUPED_DIGITS.test(rest)) return null;
  const digits = rest.replace(/[ -]/g, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** Mainland mobile: 1[3-9] + 9 digits; spaces/hyphens between groups and a leading +86 are accepted. Never throws. */
export function validateMobile(s: string): Check {
  const trimmed = s.trim();
  if (trimmed.length === 0) return failWith('mobile.empty');
  if (normalizeMobile(s) !== null) return pass();
  let rest = trimmed;
  if (rest.startsWith('+86')) rest = rest.slice(3).replace(/^[ -]/, '');
  if (!GROUPED_DIGITS.test(rest)) {
    return failWith('mobile.chars');
  }
  const digits = rest.replace(/[ -]/g, '');
  if (digits.length !== 11) return failWith('mobile.length', { length: digits.length });
  return failWith('mobile.prefix');
}
