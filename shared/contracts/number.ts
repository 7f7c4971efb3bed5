// Contract numbers: office prefix + year + sequence, e.g. ZZQF-2026-000123.
//
// Uniqueness across offices and offline devices (see docs/contracts.md):
// - The prefix is unique per office (an office setting the server refuses to duplicate), so two
//   offices never collide.
// - Final numbers ZZQF-2026-000123 are issued only by the server, from a per-office, per-year
//   counter incremented in the same transaction that records the contract, so two devices of one
//   office never get the same sequence.
// - A device that is offline gives a draft a *provisional* number that embeds the device's tag:
//   ZZQF-2026-P7K2Q-0003 (P + device tag + the device's own counter). It is unique without the
//   server, and its shape can never be mistaken for a final number.
// - When the draft syncs before it is printed for signing, the server replaces the provisional
//   number by a final one. Once a contract is printed for signing, its number (final or
//   provisional) is frozen in the signed snapshot and never changes: the server keeps a printed
//   provisional number as the contract's permanent number instead of renumbering it.

export const CONTRACT_SEQUENCE_DIGITS = 6;
export const PROVISIONAL_SEQUENCE_DIGITS = 4;

const PREFIX = /^[A-Z][A-Z0-9]{1,7}$/;
const DEVICE_TAG = /^[0-9A-Z]{2,8}$/;
const FINAL = /^([A-Z][A-Z0-9]{1,7})-(\d{4})-(\d{6,})$/;
const PROVISIONAL = /^([A-Z][A-Z0-9]{1,7})-(\d{4})-P([0-9A-Z]{2,8})-(\d{4,})$/;

export type ParsedContractNumber =
  | { ok: true; provisional: false; prefix: string; year: number; sequence: number }
  | { ok: true; provisional: true; prefix: string; year: number; deviceTag: string; sequence: number }
  | { ok: false; reason: string };

function checkPrefixYear(prefix: string, year: number): void {
  if (!PREFIX.test(prefix)) {
    throw new RangeError(`合同编号前缀“${prefix}”无效：应为 2–8 位大写字母或数字，以字母开头`);
  }
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new RangeError(`合同编号年份 ${year} 无效`);
  }
}

function checkSequence(sequence: number, digits: number): void {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence >= 10 ** digits) {
    throw new RangeError(`合同编号序号 ${sequence} 无效：应为 1 至 ${10 ** digits - 1} 的整数`);
  }
}

/**
 * The final (server-issued) contract number for a sequence of an office's year:
 * `nextContractNumber('ZZQF', 2026, 123)` → `ZZQF-2026-000123`. `sequence` is the number being
 * issued (the server's counter after its increment), 1-based.
 */
export function nextContractNumber(prefix: string, year: number, sequence: number): string {
  checkPrefixYear(prefix, year);
  checkSequence(sequence, CONTRACT_SEQUENCE_DIGITS);
  return `${prefix}-${year}-${String(sequence).padStart(CONTRACT_SEQUENCE_DIGITS, '0')}`;
}

/**
 * A device-local provisional number for a draft made offline: `ZZQF-2026-P7K2Q-0003`.
 * `deviceTag` is the device's short registered tag (2–8 of 0-9A-Z), `sequence` the device's own
 * counter for that year.
 */
export function provisionalContractNumber(prefix: string, year: number, deviceTag: string, sequence: number): string {
  checkPrefixYear(prefix, year);
  if (!DEVICE_TAG.test(deviceTag)) throw new RangeError(`设备标识“${deviceTag}”无效：应为 2–8 位大写字母或数字`);
  checkSequence(sequence, PROVISIONAL_SEQUENCE_DIGITS);
  return `${prefix}-${year}-P${deviceTag}-${String(sequence).padStart(PROVISIONAL_SEQUENCE_DIGITS, '0')}`;
}

/** Reads a final or provisional contract number back into its parts. */
export function parseContractNumber(input: string): ParsedContractNumber {
  const s = input.trim().toUpperCase();
  const f = FINAL.exec(s);
  if (f) {
    return { ok: true, provisional: false, prefix: f[1]!, year: Number(f[2]), sequence: Number(f[3]) };
  }
  const p = PROVISIONAL.exec(s);
  if (p) {
    return { ok: true, provisional: true, prefix: p[1]!, year: Number(p[2]), deviceTag: p[3]!, sequence: Number(p[4]) };
  }
  return { ok: false, reason: `合同编号“${input}”格式不对，应如 ZZQF-2026-000123（临时编号如 ZZQF-2026-P7K2Q-0003）` };
}

export function isProvisionalContractNumber(s: string): boolean {
  const p = parseContractNumber(s);
  return p.ok && p.provisional;
}
