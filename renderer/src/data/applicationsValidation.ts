import { formatMessage, localizeIssue, requirementFormSchema, type Lang, type RequirementForm } from '../../../shared';

/**
 * The fields of a 受理单 / 业务需求单 (4008 contract 3.1.5) as a form sends them, and their
 * validation with the shared `requirementFormSchema`. A draft may leave fields empty (a clerk saves
 * what the customer has said so far) but what is filled in must be right; submitting needs all.
 */

export interface ApplicationInput {
  customerId: string;
  /** A number reserved for this customer (new service), or the account's number (change form). */
  numberDigits: string | null;
  packageId: string | null;
  /** Names of the chosen features (package feature fees). */
  features: string[];
  usageScope: string;
  destinationNumbers: string[];
  callCentreLocation: string;
  business: string;
  technicalRequirements: string;
  requestedOpeningDate: string;
  /** Months; 0 or NaN when not yet given. */
  termMonths: number;
  contactName: string;
  contactPhone: string;
}

export type RequirementField = keyof RequirementForm;
export const REQUIREMENT_FIELDS: readonly RequirementField[] = [
  'usageScope',
  'destinationNumbers',
  'callCentreLocation',
  'business',
  'technicalRequirements',
  'requestedOpeningDate',
  'termMonths',
  'contactName',
  'contactPhone',
];

/** Stored shape of the requirement part of a draft: normalised values, empty where not yet given. */
export interface StoredRequirement {
  usageScope: string;
  destinationNumbers: string[];
  callCentreLocation: string;
  business: string;
  technicalRequirements: string;
  requestedOpeningDate: string;
  termMonths: number;
  contactName: string;
  contactPhone: string;
}

export function emptyApplicationInput(customerId = ''): ApplicationInput {
  return {
    customerId,
    numberDigits: null,
    packageId: null,
    features: [],
    usageScope: '',
    destinationNumbers: [],
    callCentreLocation: '',
    business: '',
    technicalRequirements: '',
    requestedOpeningDate: '',
    termMonths: 12,
    contactName: '',
    contactPhone: '',
  };
}

function requirementOf(input: Partial<ApplicationInput>): Record<RequirementField, unknown> {
  return {
    usageScope: input.usageScope ?? '',
    destinationNumbers: (input.destinationNumbers ?? []).map((s) => s.trim()).filter((s) => s.length > 0),
    callCentreLocation: input.callCentreLocation ?? '',
    business: input.business ?? '',
    technicalRequirements: input.technicalRequirements ?? '',
    requestedOpeningDate: input.requestedOpeningDate ?? '',
    termMonths: input.termMonths,
    contactName: input.contactName ?? '',
    contactPhone: input.contactPhone ?? '',
  };
}

function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim().length === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'number') return !Number.isFinite(v) || v === 0;
  return false;
}

export interface RequirementCheck {
  values: StoredRequirement | null;
  /** Field → message naming the field (and the row, for destination numbers), in `lang` (default zh-CN). */
  errors: Record<string, string>;
}

/**
 * Validates the requirement form. `complete` false (a draft): blank fields are allowed, filled ones
 * must be valid. `complete` true (submitting): every required field must be filled.
 */
export function checkRequirement(input: Partial<ApplicationInput>, complete: boolean, lang: Lang | string = 'zh-CN'): RequirementCheck {
  const raw = requirementOf(input);
  const schema = complete ? requirementFormSchema : requirementFormSchema.partial();
  const candidate: Record<string, unknown> = {};
  for (const f of REQUIREMENT_FIELDS) {
    if (complete || !isBlank(raw[f])) candidate[f] = raw[f];
  }
  const r = schema.safeParse(candidate);
  const errors: Record<string, string> = {};
  if (!r.success) {
    for (const issue of r.error.issues) {
      const [field, index] = issue.path;
      const key = typeof index === 'number' ? `${String(field)}.${index}` : String(field ?? 'requirement');
      const message = localizeIssue(issue, lang);
      errors[key] ??=
        typeof index === 'number' ? formatMessage('field.row', { row: index + 1, message }, lang) : message;
    }
    return { values: null, errors };
  }
  const v = r.data as Partial<RequirementForm>;
  return {
    values: {
      usageScope: v.usageScope ?? '',
      destinationNumbers: v.destinationNumbers ?? [],
      callCentreLocation: v.callCentreLocation ?? '',
      business: v.business ?? '',
      technicalRequirements: v.technicalRequirements ?? '',
      requestedOpeningDate: v.requestedOpeningDate ?? '',
      termMonths: v.termMonths ?? 0,
      contactName: v.contactName ?? '',
      contactPhone: v.contactPhone ?? '',
    },
    errors,
  };
}
