import { DEFAULT_OFFICE_SETTINGS, officeSettingsSchema, type OfficeSettings } from '../../../../shared';

/**
 * The office's rule settings edited on the settings screen: the periods the number and account
 * lifecycles run on. Each comes from a contract clause or an office rule (shown as helper text);
 * the bounds are the shared schema's, so the form refuses exactly what saveOfficeSettings would.
 * timeZone (the profile's), firstMonthBilling and renewalFloor (the billing settings') are edited
 * where they take effect, not here.
 */

export const RULE_FIELDS = ['reservationDays', 'coolingDays', 'suspensionToTerminationDays', 'overdueDaysToTermination', 'attachmentMaxBytes'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleValues = Record<RuleField, string>;

/** How a field is shown: days as they are, the attachment limit in whole MB. */
export const RULE_UNITS: Record<RuleField, 'days' | 'mb'> = {
  reservationDays: 'days',
  coolingDays: 'days',
  suspensionToTerminationDays: 'days',
  overdueDaysToTermination: 'days',
  attachmentMaxBytes: 'mb',
};

const MB = 1024 * 1024;
/** A scan larger than this is no scan: the UI stops at 100 MB (the schema has no upper bound). */
const MAX_ATTACHMENT_MB = 100;

/** Smallest and largest value a field accepts, in its display unit. */
export function ruleBounds(field: RuleField): { min: number; max: number } {
  if (RULE_UNITS[field] === 'mb') return { min: 1, max: MAX_ATTACHMENT_MB };
  const schema = officeSettingsSchema.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

function display(field: RuleField, value: number): string {
  if (RULE_UNITS[field] !== 'mb') return String(value);
  const mb = value / MB;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(2);
}

export function toRuleValues(settings: OfficeSettings): RuleValues {
  return Object.fromEntries(RULE_FIELDS.map((f) => [f, display(f, settings[f])])) as RuleValues;
}

/** The default of a field in its display unit (for the helper text). */
export const ruleDefault = (field: RuleField): string => display(field, DEFAULT_OFFICE_SETTINGS[field]);

/** A field's problem as a message key of the settings namespace (rendered at display time, so it follows the language). */
export interface RuleError {
  key: 'rules.errors.required' | 'rules.errors.integer' | 'rules.errors.min' | 'rules.errors.max';
  min: number;
  max: number;
}

/**
 * Checks every field and returns the changed ones as a settings patch (stored unit), or the
 * problem of each bad field. Nothing is returned to save unless every field is good.
 */
export function checkRuleValues(values: RuleValues, current: OfficeSettings): { ok: true; patch: Partial<OfficeSettings> } | { ok: false; errors: Partial<Record<RuleField, RuleError>> } {
  const errors: Partial<Record<RuleField, RuleError>> = {};
  const patch: Partial<Record<RuleField, number>> = {};
  for (const field of RULE_FIELDS) {
    const { min, max } = ruleBounds(field);
    const text = values[field].trim();
    if (text === display(field, current[field])) continue; // unchanged (also a stored value of no whole MB)
    const fail = (key: RuleError['key']) => (errors[field] = { key, min, max });
    if (text === '') fail('rules.errors.required');
    else if (!/^-?\d+$/.test(text)) fail('rules.errors.integer');
    else if (Number(text) < min) fail('rules.errors.min');
    else if (Number(text) > max) fail('rules.errors.max');
    else patch[field] = RULE_UNITS[field] === 'mb' ? Number(text) * MB : Number(text);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, patch };
}
