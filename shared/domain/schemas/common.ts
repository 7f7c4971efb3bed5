import { z } from 'zod';
import type { Check } from '../check';
import { isIsoDate } from '../calendar/isoDate';
import { normalizeMobile, validateMobile } from '../validation/mobile';
import { normalizeLandline, validateLandline } from '../validation/landline';

/**
 * A string field checked by a domain validator. The zh-CN message names the field: the
 * validator's reason, prefixed with the field label when the reason does not already start with it.
 */
export function checkedString(label: string, validate: (s: string) => Check, normalize?: (s: string) => string) {
  const base = z.string({ error: `${label}必须是文字。` });
  // overwrite keeps the schema a plain string (no transform), so it still converts to JSON Schema.
  return (normalize ? base.overwrite(normalize) : base).check((ctx) => {
    const result = validate(ctx.value);
    if (!result.ok) {
      ctx.issues.push({
        code: 'custom',
        message: result.reason.startsWith(label) ? result.reason : `${label}：${result.reason}`,
        input: ctx.value,
      });
    }
  });
}

export const uuid = (label: string) => z.uuid({ error: `${label}必须是有效的 UUID。` });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label}必须是文字。` })
    .trim()
    .min(1, { error: `${label}不能为空。` })
    .max(max, { error: `${label}不能超过 ${max} 个字。` });

/** Free text that may be left out (defaults to ''). */
export const optionalText = (label: string, max = 2000) =>
  z.string({ error: `${label}必须是文字。` }).trim().max(max, { error: `${label}不能超过 ${max} 个字。` }).default('');

/** Integer fen ≥ 0. Money is never a float. */
export const fen = (label: string) =>
  z
    .number({ error: `${label}必须是以分为单位的整数。` })
    .int({ error: `${label}必须是以分为单位的整数。` })
    .nonnegative({ error: `${label}不能为负数。` });

/** Integer fen that may be negative (balances in arrears). */
export const signedFen = (label: string) =>
  z.number({ error: `${label}必须是以分为单位的整数。` }).int({ error: `${label}必须是以分为单位的整数。` });

export const count = (label: string) =>
  z
    .number({ error: `${label}必须是整数。` })
    .int({ error: `${label}必须是整数。` })
    .nonnegative({ error: `${label}不能为负数。` });

/** A calendar date 'YYYY-MM-DD' (office date). */
export const isoDate = (label: string) =>
  z.string({ error: `${label}必须是日期。` }).refine(isIsoDate, { error: `${label}必须是有效日期（YYYY-MM-DD）。` });

/** An instant as a UTC ISO string ('2026-11-22T01:02:03.000Z'). */
export const utcTimestamp = (label: string) =>
  z.iso.datetime({ error: `${label}必须是 UTC 时间（ISO 格式，以 Z 结尾）。` });

/** Lower-case hex SHA-256, the content address of an attachment. */
export const sha256 = (label: string) =>
  z.string({ error: `${label}必须是文字。` }).regex(/^[0-9a-f]{64}$/, { error: `${label}必须是 64 位十六进制 SHA-256。` });

/** Fields every stored entity has. */
export const entityFields = {
  id: uuid('编号'),
  officeId: z.string({ error: '营业厅编号必须是文字。' }).min(1, { error: '营业厅编号不能为空。' }),
  createdAt: utcTimestamp('创建时间'),
  updatedAt: utcTimestamp('更新时间'),
};

export const ENTITY_FIELD_KEYS = { id: true, officeId: true, createdAt: true, updatedAt: true } as const;

/** A mainland mobile, stored as its bare 11 digits whatever the clerk typed (+86, spaces, hyphens). */
export const mobileField = (label: string) => checkedString(label, validateMobile, (s) => normalizeMobile(s) ?? s);

/** A landline, stored as 'area-subscriber' (0371-67891234). */
export const landlineField = (label: string) => checkedString(label, validateLandline, (s) => normalizeLandline(s) ?? s);

/** Either a mobile or a landline (destination numbers, contact phones). */
export const phoneField = (label: string) =>
  checkedString(
    label,
    (s) => (validateMobile(s).ok || validateLandline(s).ok ? { ok: true } : { ok: false, reason: `${label}既不是有效的手机号码，也不是有效的固定电话（区号-号码）。` }),
    (s) => normalizeMobile(s) ?? normalizeLandline(s) ?? s,
  );
