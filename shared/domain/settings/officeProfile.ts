import { z } from 'zod';
import { normalizeMobile } from '../validation/mobile';
import { parseLandline } from '../validation/landline';
import { parseHotline } from '../hotline/parseHotline';
import { OFFICE_SETTING_LABELS, officeSettingsSchema, type OfficeSettings } from './officeSettings';

/**
 * The office profile (who the office is, printed on every contract it signs): one pure schema for
 * the renderer's settings form and the server's `office.update`, so a profile the form accepts is
 * the profile the server accepts. Messages come from a translator of message keys
 * (`errors.<field>.<kind>`): the renderer passes its i18n namespace `officeProfile`, the server
 * names the field itself (officeProfileIssue).
 */

export const OFFICE_PROFILE_FIELDS = ['name', 'address', 'legalRepresentative', 'phone', 'bankName', 'bankAccount', 'contractPrefix', 'timeZone'] as const;
export type OfficeProfileField = (typeof OFFICE_PROFILE_FIELDS)[number];

/** Looks up a message key such as `errors.name.required`. */
export type Translate = (key: string) => string;

const CONTRACT_PREFIX = /^[A-Z0-9]{2,6}$/;
const BANK_ACCOUNT = /^\d{8,30}$/;

/** An IANA zone the runtime knows (Intl is in every supported runtime). */
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

export function makeOfficeProfileSchema(t: Translate) {
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

export type OfficeProfile = z.infer<ReturnType<typeof makeOfficeProfileSchema>>;

/** Field names for a message that has no translator (the server's refusal names the field). */
export const OFFICE_PROFILE_FIELD_LABELS: Readonly<Record<OfficeProfileField, { zh: string; en: string }>> = {
  name: { zh: '营业厅名称', en: 'office name' },
  address: { zh: '地址', en: 'address' },
  legalRepresentative: { zh: '法定代表人', en: 'legal representative' },
  phone: { zh: '电话', en: 'phone' },
  bankName: { zh: '开户银行', en: 'bank' },
  bankAccount: { zh: '银行账号', en: 'bank account' },
  contractPrefix: { zh: '合同编号前缀', en: 'contract number prefix' },
  timeZone: { zh: '时区', en: 'time zone' },
};

const KIND_TEXT: Record<string, { zh: string; en: string }> = {
  required: { zh: '必填', en: 'required' },
  tooLong: { zh: '过长', en: 'too long' },
  invalid: { zh: '格式无效', en: 'invalid' },
};

/**
 * Checks a profile without a translator: the parsed profile, or the first bad field with a zh-CN
 * and an English sentence naming it (used where no i18n bundle exists, e.g. the server).
 */
export function checkOfficeProfile(input: unknown): { ok: true; value: OfficeProfile } | { ok: false; field: string; zh: string; en: string } {
  const r = makeOfficeProfileSchema((key) => key).safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  const field = String(issue.path[0] ?? 'profile');
  const label = OFFICE_PROFILE_FIELD_LABELS[field as OfficeProfileField] ?? { zh: field, en: field };
  const kind = KIND_TEXT[String(issue.message).split('.').pop() ?? ''] ?? KIND_TEXT.invalid!;
  return { ok: false, field, zh: `${label.zh}：${kind.zh}`, en: `${label.en}: ${kind.en}` };
}

/**
 * Checks changed office settings (only what the office changes is stored): every key must be an
 * OfficeSettings key with a valid value, and the time zone one the runtime knows.
 */
export function checkOfficeSettingsPatch(input: unknown): { ok: true; value: Partial<OfficeSettings> } | { ok: false; field: string; zh: string; en: string } {
  const r = officeSettingsSchema.partial().strict().safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue.path[0] ?? 'settings');
    const label = OFFICE_SETTING_LABELS[field as keyof OfficeSettings];
    return label
      ? { ok: false, field, zh: issue.message, en: `office setting ${field} is invalid` }
      : { ok: false, field, zh: `未知的营业厅设置项 ${field}`, en: `unknown office setting ${field}` };
  }
  if (r.data.timeZone !== undefined && !isValidTimeZone(r.data.timeZone)) {
    return { ok: false, field: 'timeZone', zh: `时区：未知的时区 ${r.data.timeZone}`, en: `unknown time zone ${r.data.timeZone}` };
  }
  return { ok: true, value: r.data };
}
