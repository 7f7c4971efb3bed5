import type { Check } from '../check';
import { failWith, pass } from '../check';

// GB 32100-2015 统一社会信用代码: 18 characters over 31 symbols (no I, O, S, V, Z).
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Trims and upper-cases a code the way the validators read it. */
export function normalizeUscc(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character GB 32100-2015 requires for the first 17 characters, or null if they contain a foreign symbol. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Length and character set only. The UI lets a clerk override a checksum failure with a reason
 * (some pilot-era codes fail the checksum), but never a code of the wrong shape.
 */
export function validateUsccStructure(code: string): Check {
  const normalized = normalizeUscc(code);
  if (normalized.length === 0) return failWith('uscc.empty');
  if (normalized.length !== 18) {
    return failWith('uscc.length', { length: normalized.length });
  }
  for (let i = 0; i < normalized.length; i++) {
    const ch = normalized.charAt(i);
    if (!USCC_CHARSET.includes(ch)) {
      return failWith('uscc.char', { position: i + 1, char: ch });
    }
  }
  return pass();
}

/** GB 32100-2015: 18 characters over 0-9A-HJ-NPQRTUWXY and the weighted check character. Never throws. */
export function validateUscc(code: string): Check {
  const structure = validateUsccStructure(code);
  if (!structure.ok) return structure;
  const normalized = normalizeUscc(code);
  const expected = usccCheckCharacter(normalized.slice(0, 17));
  if (expected !== normalized.charAt(17)) {
    return failWith('uscc.checksum');
  }
  return pass();
}
