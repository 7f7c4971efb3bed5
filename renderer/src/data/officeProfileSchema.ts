import { z } from 'zod';
import { normalizeMobile, parseHotline, parseLandline } from '../../../shared';
import zhCN from '../i18n/locales/zh-CN/officeProfile.json';

/**
 * The office profile: who the office is, printed on every contract it signs.
 * Messages name the field; they come from the `officeProfile` i18n namespace so the settings
 * form shows them in the user's language. Without a translator they are zh-CN.
 */

export const OFFICE_PROFILE_FIELDS = [
  'name',
  'address',
  'legalRepresentative',
  'phone',
  'bankName',
  'bankAccount',
  'contractPrefix',
  'timeZone',
] as const;
export type OfficeProfileField = (typeof OFFICE_PROFILE_FIELDS)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Looks up a message key of the officeProfile namespace, e.g. `errors.name.required`. */
export type Translate = (key: string) => string;

export const zhCNTranslate: Translate = (key) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zhCN);
  return typeof found === 'string' ? found : key;
};

const CONTRACT_PREFIX = /^[A-Z0-9]{2,6}$/;
const BANK_ACCOUNT = /^\d{8,30}$/;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The office's phone: a mobile, a landline with area code or its own 400 number (domain rules). */
function isPhone(value: string): boolean {
  return normalizeMobile(value) !== null || parseLandline(value) !== null || parseHotline(value).ok;
}

export function makeOfficeProfileSchema(t: Translate = zhCNTranslate) {
  const required = (field: OfficeProfileField) => z.string({ error: t(`errors.${field}.required`) });
  const text = (field: OfficeProfileField, max: number) =>
    required(field)
      .trim()
      .min(1, { error: t(`errors.${field}.required`) })
      .max(max, { error: t(`errors.${field}.tooLong`) });

  return z.object({
    name: text('name', 100),
    address: text('address', 200),
    legalRepresentative: text('legalRepresentative', 50),
    phone: required('phone')
      .trim()
      .min(1, { error: t('errors.phone.required') })
      .refine(isPhone, { error: t('errors.phone.invalid') }),
    bankName: text('bankName', 100),
    bankAccount: required('bankAccount')
      .transform((s) => s.replace(/\s+/g, ''))
      .pipe(
        z
          .string()
          .min(1, { error: t('errors.bankAccount.required') })
          .regex(BANK_ACCOUNT, { error: t('errors.bankAccount.invalid') }),
      ),
    // Typed lowercase is accepted and stored uppercase; anything else must already fit.
    contractPrefix: required('contractPrefix')
      .trim()
      .toUpperCase()
      .min(1, { error: t('errors.contractPrefix.required') })
      .regex(CONTRACT_PREFIX, { error: t('errors.contractPrefix.invalid') }),
    timeZone: required('timeZone')
      .trim()
      .min(1, { error: t('errors.timeZone.required') })
      .refine(isValidTimeZone, { error: t('errors.timeZone.invalid') }),
  });
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
