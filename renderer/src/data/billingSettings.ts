import { db } from './db';
import { nowIso } from './clock';
import { ValidationError } from './errors';
import { requirePermission } from './session';
import { billingSettingsPatchSchema, resolveBillingSettings, type BillingSettings } from '../../../shared';

/**
 * The office's billing settings on this device (shared/billing BillingSettings): what the manager
 * changed, kept under 'billingSettings' in the settings table, defaults filled in. The renewal
 * policy floor (N monthly minimums, 0 = off) is one of them; the first-renewal floor is the
 * contract and always applies.
 */
const KEY = 'billingSettings';

export async function billingSettings(): Promise<BillingSettings> {
  const row = await db().settings.get(KEY);
  const value = row?.value && typeof row.value === 'object' ? (row.value as Partial<BillingSettings>) : undefined;
  return resolveBillingSettings(value);
}

/** Saves changed settings (managers and admins); a bad value is refused with its field named, nothing saved. */
export async function saveBillingSettings(patch: Partial<BillingSettings>): Promise<BillingSettings> {
  await requirePermission('settings.edit');
  const parsed = billingSettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
    throw new ValidationError(fields);
  }
  const d = db();
  return d.transaction('rw', d.settings, async () => {
    const row = await d.settings.get(KEY);
    const current = row?.value && typeof row.value === 'object' ? (row.value as Partial<BillingSettings>) : {};
    const next = { ...current, ...parsed.data };
    await d.settings.put({ key: KEY, value: next, updatedAt: nowIso() });
    return resolveBillingSettings(next);
  });
}
