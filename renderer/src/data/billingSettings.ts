import { db } from './db';
import { nowIso } from './clock';
import { ValidationError } from './errors';
import { requirePermission } from './session';
import { billingServer, serverErrorText, type BillingServer } from './billingServer';
import { billingSettingsPatchSchema, resolveBillingSettings, type BillingSettings } from '../../../shared';

/**
 * The office's billing settings on this device (shared/billing BillingSettings), kept under
 * 'billingSettings' in the settings table, defaults filled in. The server keeps the office's
 * values (docs/billing.md): with a sync login a change is saved there first and its answer stored
 * here, and the settings page refreshes the copy; a device that never logged in keeps its own.
 * The renewal policy floor (N monthly minimums, 0 = off) is one of them; the first-renewal floor
 * is the contract and always applies.
 */
const KEY = 'billingSettings';

export async function billingSettings(): Promise<BillingSettings> {
  const row = await db().settings.get(KEY);
  const value = row?.value && typeof row.value === 'object' ? (row.value as Partial<BillingSettings>) : undefined;
  return resolveBillingSettings(value);
}

/** Saves changed settings (managers and admins); a bad value is refused with its field named, nothing saved. */
export async function saveBillingSettings(patch: Partial<BillingSettings>, server?: BillingServer | null): Promise<BillingSettings> {
  await requirePermission('settings.edit');
  const parsed = billingSettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
    throw new ValidationError(fields);
  }
  const api = server === undefined ? await billingServer() : server;
  if (api) {
    let saved: BillingSettings;
    try {
      saved = await api.putSettings(parsed.data);
    } catch (e) {
      throw new ValidationError({ form: `设置未保存：${serverErrorText(e)}` });
    }
    await storeLocal(saved);
    return resolveBillingSettings(saved);
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

async function storeLocal(value: Partial<BillingSettings>): Promise<void> {
  await db().settings.put({ key: KEY, value, updatedAt: nowIso() });
}

/** Takes the server's settings when there is a sync login (no-op otherwise); returns whether it did. */
export async function refreshBillingSettings(server?: BillingServer | null): Promise<boolean> {
  const api = server === undefined ? await billingServer() : server;
  if (!api) return false;
  await storeLocal(await api.getSettings());
  return true;
}
