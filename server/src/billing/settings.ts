import type { Queryable } from '../db/index';
import { billingSettingsPatchSchema, resolveBillingSettings, type BillingSettings } from '../../../shared/billing/index';
import { putRecords } from './records';

/** The id of the office's one `billingSettings` record (devices read the office's values from it). */
export const BILLING_SETTINGS_RECORD_ID = 'office';

/** The office's billing settings: what it stored over the defaults (an unreadable key falls back to its default). */
export async function loadBillingSettings(q: Queryable, officeId: string): Promise<BillingSettings> {
  const r = await q.query<{ settings: unknown }>('SELECT settings FROM billing_settings WHERE office_id = $1', [officeId]);
  const parsed = billingSettingsPatchSchema.safeParse(r.rows[0]?.settings ?? {});
  return resolveBillingSettings(parsed.success ? parsed.data : {});
}

/**
 * Saves changed keys over the office's values and publishes the whole result as the office's
 * `billingSettings` record, so every device gets it on its next pull. Call it in a transaction
 * (the record write bumps the office's change counter, held to commit).
 */
export async function saveBillingSettings(q: Queryable, officeId: string, patch: Partial<BillingSettings>, userId: string): Promise<BillingSettings> {
  const r = await q.query<{ settings: unknown }>('SELECT settings FROM billing_settings WHERE office_id = $1 FOR UPDATE', [officeId]);
  const parsed = billingSettingsPatchSchema.safeParse(r.rows[0]?.settings ?? {});
  const next = resolveBillingSettings({ ...(parsed.success ? parsed.data : {}), ...patch });
  await q.query(
    `INSERT INTO billing_settings (office_id, settings, updated_by) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (office_id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [officeId, JSON.stringify(next), userId],
  );
  await putRecords(q, officeId, [{ entity: 'billingSettings', id: BILLING_SETTINGS_RECORD_ID, data: { ...next } }]);
  return next;
}

/** Today's office date from the database clock (the one clock every server process shares). */
export async function officeToday(q: Queryable, timeZone: string): Promise<string> {
  const r = await q.query<{ d: string }>("SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS d", [timeZone]);
  return r.rows[0]!.d;
}
