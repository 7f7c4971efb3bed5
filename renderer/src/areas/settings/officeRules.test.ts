import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_SETTINGS } from '../../../../shared';
import { checkOfficeSettingsPatch } from '../../../../shared/domain/settings/officeProfile';
import { checkRuleValues, ruleBounds, toRuleValues } from './officeRules';

const current = { ...DEFAULT_OFFICE_SETTINGS };

describe('the office rules form', () => {
  it('shows the stored settings in display units (the attachment limit in MB)', () => {
    expect(toRuleValues(current)).toEqual({ reservationDays: '15', coolingDays: '90', suspensionToTerminationDays: '30', overdueDaysToTermination: '90', attachmentMaxBytes: '10' });
    expect(toRuleValues({ ...current, attachmentMaxBytes: 1_500_000 }).attachmentMaxBytes).toBe('1.43');
  });

  it('returns only the changed fields, in stored units, and the shared check accepts them', () => {
    const r = checkRuleValues({ ...toRuleValues(current), coolingDays: ' 60 ', attachmentMaxBytes: '20' }, current);
    expect(r).toEqual({ ok: true, patch: { coolingDays: 60, attachmentMaxBytes: 20 * 1024 * 1024 } });
    if (r.ok) expect(checkOfficeSettingsPatch(r.patch).ok).toBe(true);
    expect(checkRuleValues(toRuleValues(current), current)).toEqual({ ok: true, patch: {} });
    // a stored limit of no whole MB left alone is not sent back rounded
    const odd = { ...current, attachmentMaxBytes: 1_500_000 };
    expect(checkRuleValues(toRuleValues(odd), odd)).toEqual({ ok: true, patch: {} });
  });

  it('names every bad field with its problem and the schema\'s bounds; nothing to save', () => {
    expect(ruleBounds('reservationDays')).toEqual({ min: 0, max: 365 });
    expect(ruleBounds('coolingDays')).toEqual({ min: 0, max: 3650 });
    const r = checkRuleValues({ reservationDays: '', coolingDays: '3651', suspensionToTerminationDays: '-1', overdueDaysToTermination: '7.5', attachmentMaxBytes: '0' }, current);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v.key]))).toEqual({
        reservationDays: 'rules.errors.required',
        coolingDays: 'rules.errors.max',
        suspensionToTerminationDays: 'rules.errors.min',
        overdueDaysToTermination: 'rules.errors.integer',
        attachmentMaxBytes: 'rules.errors.min',
      });
      expect(r.errors.coolingDays).toMatchObject({ max: 3650 });
    }
  });
});
