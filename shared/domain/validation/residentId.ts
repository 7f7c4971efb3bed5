import type { Check } from '../check';
import { failWith, pass } from '../check';
import { formatIsoDate, parseIsoDate, todayInOffice } from '../calendar/isoDate';

// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence, check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The check character for the first 17 digits (digits only; otherwise null). */
export function residentIdCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

/**
 * GB 11643-1999: 18 characters, the last may be X/x; a real birth date not after `today`
 * (ISO date, default today in Asia/Shanghai); the weighted check character.
 * A 15-digit first-generation number is refused with a reason that says so. Never throws on `id`;
 * throws RangeError only if `today` is given and is not an ISO date.
 */
export function validateResidentId(id: string, today?: string): Check {
  const todayDate = today ?? todayInOffice();
  if (!parseIsoDate(todayDate)) throw new RangeError(`today must be an ISO date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const normalized = id.trim().toUpperCase();
  if (normalized.length === 0) return failWith('residentId.empty');
  if (/^\d{15}$/.test(normalized)) {
    return failWith('residentId.legacy15');
  }
  if (normalized.length !== 18) return failWith('residentId.length', { length: normalized.length });
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return failWith('residentId.chars');
  }
  const birth = normalized.slice(6, 14);
  const birthIso = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  const parts = parseIsoDate(birthIso);
  if (!parts) return failWith('residentId.birthInvalid', { birth });
  if (parts.year < 1900) return failWith('residentId.birthBefore1900', { birth: birthIso });
  if (formatIsoDate(parts) > todayDate) {
    return failWith('residentId.birthFuture', { birth: birthIso });
  }
  if (residentIdCheckCharacter(normalized.slice(0, 17)) !== normalized.charAt(17)) {
    return failWith('residentId.checksum');
  }
  return pass();
}
