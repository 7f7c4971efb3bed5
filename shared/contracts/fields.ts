// Building blocks shared by the templates: zod pieces for the input, and the formatting of field
// values (amounts, dates, check marks) into what the contract prints.
import { z } from 'zod';
import {
  formatContractDate,
  parseHotline,
  rmbUppercase,
  validateLandline,
  validateMobile,
  validateResidentId,
  validateUscc,
} from '../domain/index';
import type { ContractRun } from './model';
import type { FieldValue } from './template';

// ---------------------------------------------------------------- input pieces

/** Optional free text; an empty string counts as "not given" and prints a blank line. */
export const text = (max = 200) => z.string().trim().max(max, `不能超过 ${max} 个字`).optional();

/** A check from shared/domain turned into a zod refinement, keeping its zh-CN reason. */
function checked(check: (s: string) => { ok: true } | { ok: false; reason: string }) {
  return (s: string, ctx: z.RefinementCtx) => {
    if (s === '') return;
    const r = check(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  };
}

export const hotlineNumber = z.string().trim().superRefine(checked(parseHotline)).optional();
export const usccField = z.string().trim().superRefine(checked(validateUscc)).optional();
export const residentIdField = z.string().trim().superRefine(checked((s) => validateResidentId(s))).optional();
export const mobileField = z.string().trim().superRefine(checked(validateMobile)).optional();
export const landlineField = z.string().trim().superRefine(checked(validateLandline)).optional();
/** A phone that may be either a mobile or a landline (联系方式). */
export const phoneField = z
  .string()
  .trim()
  .superRefine(
    checked((s) => {
      if (validateMobile(s).ok || validateLandline(s).ok) return { ok: true };
      return { ok: false, reason: '请填写有效的手机号码或固定电话（如 13812345678 或 0371-65551234）' };
    }),
  )
  .optional();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const isoDate = z
  .string()
  .trim()
  .refine((s) => {
    const m = ISO_DATE.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  }, '日期应为存在的日期，写作 YYYY-MM-DD（如 2026-11-22）')
  .optional();

/** Money in integer fen (分), never a float: 600714 = 6,007.14 元. */
export const fen = z
  .number({ error: '金额应为以“分”为单位的整数' })
  .int('金额应为以“分”为单位的整数（如 600714 表示 6,007.14 元）')
  .nonnegative('金额不能为负数')
  .max(99_999_999_999_999, '金额过大')
  .optional();

export const contractNumberField = z.string().trim().max(40).optional();

/** A party of a contract as printed: name, address, legal representative, contact. */
export const party = z
  .object({
    name: text(100),
    address: text(200),
    legalRepresentative: text(50),
    /** 联系方式: free text (a phone, two phones, a name and a phone). */
    contact: text(60),
  })
  .strict();

/** The office profile (the reseller): its name is required, it is on every contract. */
export const officeProfile = z
  .object({
    name: z.string().trim().min(1, '请填写代理商（本单位）名称').max(100),
    address: text(200),
    legalRepresentative: text(50),
    contact: text(60),
  })
  .strict();

// ---------------------------------------------------------------- printing values

/** Figures of an amount in yuan with thousands separators: 600714 → "6,007.14". Integer arithmetic. */
export function yuanFigures(fenAmount: number): string {
  const digits = String(fenAmount).padStart(3, '0');
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
}

export function amountFigures(fenAmount: number | undefined): FieldValue {
  return fenAmount === undefined ? undefined : yuanFigures(fenAmount);
}

export function amountUppercase(fenAmount: number | undefined): FieldValue {
  return fenAmount === undefined ? undefined : rmbUppercase(fenAmount);
}

/** A date as 2026年11月22日, or, with no date, blanks for year, month and day to write by hand. */
export function dateRuns(field: string, iso: string | undefined): readonly ContractRun[] {
  if (iso) return [{ kind: 'field', field, text: formatContractDate(iso) }];
  return [
    { kind: 'blank', field, width: 6 },
    { kind: 'text', text: '年' },
    { kind: 'blank', field, width: 4 },
    { kind: 'text', text: '月' },
    { kind: 'blank', field, width: 4 },
    { kind: 'text', text: '日' },
  ];
}

/** "☑银行转账/☐银行托收/…": the seed's choice list with the chosen option marked. */
export function checkMarks<T extends string>(options: readonly (readonly [T, string])[], chosen: T | undefined, sep = '/'): string {
  return options.map(([value, label]) => `${value === chosen ? '☑' : '☐'}${label}`).join(sep);
}

/** The hotline number as printed (400-812-3456), or nothing. */
export function hotlineDisplay(s: string | undefined): FieldValue {
  if (!s) return undefined;
  const p = parseHotline(s);
  return p.ok ? p.display : s;
}

const CARRIER_NAMES = { unicom: '中国联通', mobile: '中国移动', telecom: '中国电信' } as const;
export function hotlineCarrier(s: string | undefined): FieldValue {
  if (!s) return undefined;
  const p = parseHotline(s);
  return p.ok ? CARRIER_NAMES[p.carrier] : undefined;
}

export function joinList(items: readonly string[] | undefined, sep = '、'): FieldValue {
  const xs = (items ?? []).map((x) => x.trim()).filter(Boolean);
  return xs.length ? xs.join(sep) : undefined;
}
