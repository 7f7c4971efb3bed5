import { z } from 'zod';
import { failWith, pass, type Check } from '../check';
import { isIsoDate } from '../calendar/isoDate';
import { normalizeMobile, validateMobile } from '../validation/mobile';
import { normalizeLandline, validateLandline } from '../validation/landline';
import { zodMessage as m } from '../messages/zodMessage';

/**
 * A string field checked by a domain validator. The zh-CN message names the field: the
 * validator's reason, prefixed with the field label when the reason does not already start with it.
 */
export function checkedString(label: string, validate: (s: string) => Check, normalize?: (s: string) => string) {
  const base = z.string({ error: m('field.notText', { label }) });
  // overwrite keeps the schema a plain string (no transform), so it still converts to JSON Schema.
  return (normalize ? base.overwrite(normalize) : base).check((ctx) => {
    const result = validate(ctx.value);
    if (!result.ok) {
      const named = result.reason.startsWith(label);
      ctx.issues.push({
        code: 'custom',
        message: named ? result.reason : `${label}：${result.reason}`,
        input: ctx.value,
        // The catalog code lets a UI translate the message (localizeIssue).
        ...(result.code ? { params: { ...result.params, code: result.code, ...(named ? {} : { prefixLabel: label }) } } : {}),
      });
    }
  });
}

export const uuid = (label: string) => z.uuid({ error: m('field.uuid', { label }) });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: m('field.notText', { label }) })
    .trim()
    .min(1, { error: m('field.required', { label }) })
    .max(max, { error: m('field.tooLong', { label, max }) });

/** Free text that may be left out (defaults to ''). */
export const optionalText = (label: string, max = 2000) =>
  z.string({ error: m('field.notText', { label }) }).trim().max(max, { error: m('field.tooLong', { label, max }) }).default('');

/** Integer fen ≥ 0. Money is never a float. */
export const fen = (label: string) =>
  z
    .number({ error: m('field.fen', { label }) })
    .int({ error: m('field.fen', { label }) })
    .nonnegative({ error: m('field.negative', { label }) });

/** Integer fen that may be negative (balances in arrears). */
export const signedFen = (label: string) =>
  z.number({ error: m('field.fen', { label }) }).int({ error: m('field.fen', { label }) });

export const count = (label: string) =>
  z
    .number({ error: m('field.integer', { label }) })
    .int({ error: m('field.integer', { label }) })
    .nonnegative({ error: m('field.negative', { label }) });

/** A calendar date 'YYYY-MM-DD' (office date). */
export const isoDate = (label: string) =>
  z.string({ error: m('field.date', { label }) }).refine(isIsoDate, { error: m('field.dateInvalid', { label }) });

/** An instant as a UTC ISO string ('2026-11-22T01:02:03.000Z'). */
export const utcTimestamp = (label: string) =>
  z.iso.datetime({ error: m('field.utc', { label }) });

/** Lower-case hex SHA-256, the content address of an attachment. */
export const sha256 = (label: string) =>
  z.string({ error: m('field.notText', { label }) }).regex(/^[0-9a-f]{64}$/, { error: m('field.sha256', { label }) });

/** Fields every stored entity has. */
export const entityFields = {
  id: uuid('编号'),
  officeId: z.string({ error: m('field.notText', { label: '营业厅编号' }) }).min(1, { error: m('field.required', { label: '营业厅编号' }) }),
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
    (s) => (validateMobile(s).ok || validateLandline(s).ok ? pass() : failWith('field.phone', { label })),
    (s) => normalizeMobile(s) ?? normalizeLandline(s) ?? s,
  );
