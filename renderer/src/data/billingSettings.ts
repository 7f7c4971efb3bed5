import { db } from './db';
import { nowIso } from './clock';
import { ValidationError, type ErrorText } from './errors';
import { writeWithOutbox } from './outbox';
import { requirePermission } from './session';
import { metaRecordKey, type MetaRecord } from './syncStateApply';
import { officeSettings } from './numbers';
import { billingSettingsPatchSchema, msgOfIssue, resolveBillingSettings, type BillingSettings, type BillingSettingsPatch } from '../../../shared';

/**
 * The office's billing settings on this device (shared/billing BillingSettings), defaults filled in.
 * The server keeps the office's values and publishes them as the `billingSettings` record (id
 * 'office'), which the pull stores in meta. A manager's change is the sync command
 * `billingSettings.update`: the changed keys are kept under 'billingSettings' in the settings table
 * in the same transaction as the outbox row, and shown over the server's record while that command
 * is pending; once the server has answered, its record is the truth (a refused change falls away).
 * A device without any server record (never synced) keeps using its own saved values.
 * The renewal policy floor (N monthly minimums, 0 = off) is one of them; the first-renewal floor
 * is the contract and always applies. The time zone, the days from suspension to termination and
 * the cooling period are the office's (officeSettings(), changed with the office profile and its
 * business rules), like on the server; one of them in an older record or saved key is ignored.
 */
const KEY = 'billingSettings';
const COMMAND = 'billingSettings.update';
export const BILLING_SETTINGS_RECORD_ID = 'office';

function partial(v: unknown): BillingSettingsPatch {
  const parsed = billingSettingsPatchSchema.safeParse(v && typeof v === 'object' ? v : {});
  return parsed.success ? parsed.data : {};
}

export async function billingSettings(): Promise<BillingSettings> {
  const d = db();
  const server = (await d.meta.get(metaRecordKey('billingSettings', BILLING_SETTINGS_RECORD_ID)))?.value as MetaRecord | undefined;
  const local = partial((await d.settings.get(KEY))?.value);
  const office = await officeSettings();
  if (!server) return resolveBillingSettings(local, office);
  const pending = await d.outbox.where('status').equals('pending').filter((r) => r.name === COMMAND).count();
  return resolveBillingSettings({ ...partial(server.data), ...(pending > 0 ? local : {}) }, office);
}

/**
 * Saves changed settings (managers and admins) offline: a bad value is refused with its field
 * named, nothing saved; otherwise the local values and the `billingSettings.update` command are
 * written in one transaction and the settings as they now read are returned.
 */
export async function saveBillingSettings(patch: BillingSettingsPatch): Promise<BillingSettings> {
  await requirePermission('settings.edit');
  const parsed = billingSettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const fields: Record<string, ErrorText> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= msgOfIssue(issue);
    throw new ValidationError(fields);
  }
  if (Object.keys(parsed.data).length === 0) return billingSettings();
  const d = db();
  await writeWithOutbox([d.settings], async (ctx) => {
    // the keys still pending are kept with the new ones: each is shown until the server answers
    const pending = await d.outbox.where('status').equals('pending').filter((r) => r.name === COMMAND).count();
    const before = pending > 0 || !(await d.meta.get(metaRecordKey('billingSettings', BILLING_SETTINGS_RECORD_ID))) ? partial((await d.settings.get(KEY))?.value) : {};
    await d.settings.put({ key: KEY, value: { ...before, ...parsed.data }, updatedAt: nowIso() });
    await ctx.enqueue({ name: COMMAND, args: { patch: parsed.data } });
  });
  return billingSettings();
}
