import type { z } from 'zod';
import zhCN from '../i18n/locales/zh-CN/officeProfile.json';
import {
  OFFICE_PROFILE_FIELDS,
  isValidTimeZone,
  makeOfficeProfileSchema as makeSharedSchema,
  type OfficeProfileField,
  type Translate,
} from '../../../shared/domain/settings/officeProfile';

/**
 * The office profile: who the office is, printed on every contract it signs.
 * Messages name the field; they come from the `officeProfile` i18n namespace so the settings
 * form shows them in the user's language. Without a translator they are zh-CN. The schema itself
 * lives in shared/ (the server's office.update checks profiles with the same one).
 */
export { OFFICE_PROFILE_FIELDS, isValidTimeZone, type OfficeProfileField, type Translate };

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const zhCNTranslate: Translate = (key) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zhCN);
  return typeof found === 'string' ? found : key;
};

export function makeOfficeProfileSchema(t: Translate = zhCNTranslate) {
  return makeSharedSchema(t);
}

export const officeProfileSchema = makeOfficeProfileSchema();
export type OfficeProfile = z.infer<typeof officeProfileSchema>;
/** What the form edits: every field as typed. */
export type OfficeProfileInput = Record<OfficeProfileField, string>;

export type FieldErrors = Partial<Record<OfficeProfileField, string>>;

export type ValidationResult =
  | { ok: true; value: OfficeProfile }
  | { ok: false; errors: FieldErrors };

/** Validates a whole profile and returns the first message per field. */
export function validateOfficeProfile(input: unknown, t: Translate = zhCNTranslate): ValidationResult {
  const result = makeOfficeProfileSchema(t).safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as OfficeProfileField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

export function emptyOfficeProfileInput(): OfficeProfileInput {
  return {
    name: '',
    address: '',
    legalRepresentative: '',
    phone: '',
    bankName: '',
    bankAccount: '',
    contractPrefix: '',
    timeZone: DEFAULT_TIME_ZONE,
  };
}
