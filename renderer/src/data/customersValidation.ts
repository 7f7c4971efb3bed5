import {
  customerDraftSchema, formatMsg, msg, msgOfIssue, validateUscc, validateUsccStructure, type CustomerDraft, type Lang, type Msg,
} from '../../../shared';

/**
 * The registration data of the 400 agreement 第二条/第三条, validated with the domain core's
 * `customerDraftSchema` (the same schema the server and imports use). The form calls
 * `checkCustomerInput` as the clerk types; the repository calls it again before saving, so the
 * two never disagree. Messages are the domain's sentences, which name the field: zh-CN unless the
 * form passes the UI language (the repository keeps zh-CN).
 */

/** The fields a clerk types, in form order. */
export const CUSTOMER_FIELDS = [
  'name',
  'uscc',
  'legalRepresentative',
  'address',
  'handlerName',
  'handlerIdNumber',
  'handlerMobile',
  'landline',
  'email',
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export type CustomerInput = Record<Exclude<CustomerField, 'email'>, string> & { email?: string | null };

/** What is stored: trimmed, USCC and ID upper case, mobile as bare digits, landline as 区号-号码. */
export type CustomerValues = Pick<CustomerDraft, CustomerField>;

export interface CustomerCheck {
  /**
   * The normalised values, or null when a field has an error other than the USCC check character.
   * Saving also needs `usccChecksumFailed` false, or a manager's override.
   */
  values: CustomerValues | null;
  errors: Partial<Record<CustomerField, string>>;
  /** The same messages as data (code + params), for a repository's ValidationError. */
  texts: Partial<Record<CustomerField, Msg | string>>;
  /** The USCC has the right shape but a wrong check character: a manager may let it through with a reason. */
  usccChecksumFailed: boolean;
}

function draftOf(input: Partial<CustomerInput>, overrideReason: string | null) {
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : null;
  return {
    name: input.name ?? '',
    uscc: input.uscc ?? '',
    legalRepresentative: input.legalRepresentative ?? '',
    address: input.address ?? '',
    handlerName: input.handlerName ?? '',
    handlerIdNumber: input.handlerIdNumber ?? '',
    handlerMobile: input.handlerMobile ?? '',
    landline: input.landline ?? '',
    email: email ? email : null,
    usccOverrideReason: overrideReason,
  };
}

function pick(d: CustomerDraft): CustomerValues {
  return {
    name: d.name,
    uscc: d.uscc,
    legalRepresentative: d.legalRepresentative,
    address: d.address,
    handlerName: d.handlerName,
    handlerIdNumber: d.handlerIdNumber,
    handlerMobile: d.handlerMobile,
    landline: d.landline,
    email: d.email,
  };
}

/** Checks every field and reports each problem under its own field. */
export function checkCustomerInput(input: Partial<CustomerInput>, lang: Lang | string = 'zh-CN'): CustomerCheck {
  const texts: Partial<Record<CustomerField, Msg | string>> = {};
  const uscc = (input.uscc ?? '').trim().toUpperCase();
  const usccChecksumFailed = validateUsccStructure(uscc).ok && !validateUscc(uscc).ok;

  // Parse as if overridden, so a checksum failure does not hide the other fields' values;
  // the checksum is reported below in its own words.
  const parsed = customerDraftSchema.safeParse(draftOf(input, usccChecksumFailed ? 'pending override' : null));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CustomerField;
      if ((CUSTOMER_FIELDS as readonly string[]).includes(field)) texts[field] ??= msgOfIssue(issue);
    }
  }
  // The 400 agreement 第二条 asks for the legal representative; the shared draft leaves it optional.
  if (!texts.legalRepresentative && (input.legalRepresentative ?? '').trim() === '') {
    texts.legalRepresentative = msg('field.required', { label: '法定代表人' });
  }
  if (usccChecksumFailed && !texts.uscc) {
    // The only failure left with a well-formed code is its check character.
    texts.uscc = msg('uscc.checksumOverride');
  }
  const errors: Partial<Record<CustomerField, string>> = {};
  for (const f of CUSTOMER_FIELDS) {
    const text = texts[f];
    if (text !== undefined) errors[f] = formatMsg(text, lang);
  }

  const blocking = Object.keys(errors).some((f) => !(f === 'uscc' && usccChecksumFailed));
  const values = !blocking && parsed.success ? pick(parsed.data) : null;
  return { values, errors, texts, usccChecksumFailed };
}
