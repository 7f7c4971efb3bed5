import type { Queryable } from '../db/index';
import { DEFAULT_BILLING_SETTINGS, billingSettingsPatchSchema, resolveBillingSettings, type BillingSettings, type BillingSettingsPatch, type EditableBillingSettings } from '../../../shared/billing/index';
import { resolveOfficeSettings, type OfficeSettings } from '../../../shared/domain/index';
import { putRecords } from './records';

/** The id of the office's one `billingSettings` record (devices read the office's values from it). */
export const BILLING_SETTINGS_RECORD_ID = 'office';

/**
 * The office's billing settings: what it stored over the defaults (an unreadable key falls back to
 * its default), with the office's own rules from office_settings (office.update): the time zone,
 * kept in step with the profile, the days from suspension to termination and the cooling period.
 * A `timeZone`, `suspensionToTerminationDays` or `coolingDays` stored with the billing settings
 * before is ignored.
 */
export async function loadBillingSettings(q: Queryable, officeId: string): Promise<BillingSettings> {
  const r = await q.query<{ billing: unknown; office: Partial<OfficeSettings> | null }>(
    `SELECT (SELECT settings FROM billing_settings WHERE office_id = $1) AS billing,
            (SELECT settings FROM office_settings WHERE office_id = $1) AS office`,
    [officeId],
  );
  const row = r.rows[0];
  const parsed = billingSettingsPatchSchema.safeParse(row?.billing ?? {});
  return resolveBillingSettings(parsed.success ? parsed.data : {}, resolveOfficeSettings(row?.office ?? undefined));
}

/**
 * Saves changed keys over the office's values and publishes them as the office's
 * `billingSettings` record, so every device gets them on its next pull; the record carries none
 * of the office's rules (devices take the office's). Answers the settings as billing now reads
 * them. Call it in a transaction (the record write bumps the office's change counter, held to commit).
 */
export async function saveBillingSettings(q: Queryable, officeId: string, patch: BillingSettingsPatch, userId: string): Promise<BillingSettings> {
  const r = await q.query<{ settings: unknown }>('SELECT settings FROM billing_settings WHERE office_id = $1 FOR UPDATE', [officeId]);
  const before = billingSettingsPatchSchema.safeParse(r.rows[0]?.settings ?? {});
  // parsed again so that an office rule in the patch (an older device's) or in the row (stored before) is dropped
  const changed = billingSettingsPatchSchema.parse(patch);
  const stored: EditableBillingSettings = { ...DEFAULT_BILLING_SETTINGS, ...(before.success ? before.data : {}), ...changed };
  await q.query(
    `INSERT INTO billing_settings (office_id, settings, updated_by) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (office_id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [officeId, JSON.stringify(stored), userId],
  );
  await putRecords(q, officeId, [{ entity: 'billingSettings', id: BILLING_SETTINGS_RECORD_ID, data: { ...stored } }]);
  return loadBillingSettings(q, officeId);
}

/** Today's office date from the database clock (the one clock every server process shares). */
export async function officeToday(q: Queryable, timeZone: string): Promise<string> {
  const r = await q.query<{ d: string }>("SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS d", [timeZone]);
  return r.rows[0]!.d;
}
