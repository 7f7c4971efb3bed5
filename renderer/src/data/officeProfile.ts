import { db, OFFICE_PROFILE_ID } from './db';
import { nowIso } from './clock';
import { ValidationError } from './errors';
import { requirePermission } from './session';
import { writeWithOutbox } from './outbox';
import type { MetaRecord } from './syncStateApply';
import {
  officeProfileSchema,
  validateOfficeProfile,
  type FieldErrors,
  type OfficeProfile,
  type Translate,
} from './officeProfileSchema';
import { checkOfficeSettingsPatch } from '../../../shared/domain/settings/officeProfile';
import { DEFAULT_OFFICE_SETTINGS, type OfficeSettings } from '../../../shared';

/**
 * The office profile and the office's settings: one function per action. Both are the office's
 * data, not the device's: a save is queued as `office.update` in the same transaction, the server
 * (managers) keeps it per office, and every device of the office pulls it back (officeSync.ts).
 */

/** The meta key of an office record (= syncStateApply.metaRecordKey('office', id); a test keeps them equal). */
export const officeMetaKey = (id: 'settings' | 'profile' | 'gradeRules') => `rec:office:${id}`;

export class OfficeProfileValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).join('；'));
    this.name = 'OfficeProfileValidationError';
  }
}

export interface StoredOfficeProfile extends OfficeProfile {
  /** UTC ISO time of the last save (on this device, or on the server for a pulled profile). */
  updatedAt: string;
}

/** The saved profile, or null before the office has filled it in. */
export async function getOfficeProfile(): Promise<StoredOfficeProfile | null> {
  const row = await db().officeProfile.get(OFFICE_PROFILE_ID);
  if (!row) return null;
  // Rows are validated on the way in; parsing again guards against a row from an older build.
  const parsed = officeProfileSchema.safeParse(row);
  if (!parsed.success) return null;
  return { ...parsed.data, updatedAt: row.updatedAt };
}

/**
 * Validates and saves the whole profile (managers and admins: the server refuses anyone else's
 * office.update, so a clerk's edit would otherwise stay on this device only and be dropped).
 * Bad input throws OfficeProfileValidationError with a message per field (in the translator's
 * language, zh-CN by default) and writes nothing.
 */
export async function saveOfficeProfile(input: unknown, t?: Translate): Promise<StoredOfficeProfile> {
  await requirePermission('settings.edit');
  const result = validateOfficeProfile(input, t);
  if (!result.ok) throw new OfficeProfileValidationError(result.errors);
  const saved: StoredOfficeProfile = { ...result.value, updatedAt: new Date().toISOString() };
  const d = db();
  await writeWithOutbox([d.officeProfile], async ({ enqueue }) => {
    await d.officeProfile.put({ ...saved, id: OFFICE_PROFILE_ID });
    // The office's dates (receipt, deadlines, lifecycle days) are read in the settings' time zone:
    // a profile that moves the office to another zone moves the settings with it, in one command.
    const key = officeMetaKey('settings');
    const prev = (await d.meta.get(key))?.value as MetaRecord | undefined;
    const zone = typeof prev?.data.timeZone === 'string' ? prev.data.timeZone : DEFAULT_OFFICE_SETTINGS.timeZone;
    if (zone === result.value.timeZone) {
      await enqueue({ name: 'office.update', args: { profile: result.value } });
      return;
    }
    const settings = { timeZone: result.value.timeZone };
    await d.meta.put({ key, value: { entity: 'office', id: 'settings', version: prev?.version ?? 0, data: { ...(prev?.data ?? {}), ...settings } } });
    await enqueue({ name: 'office.update', args: { profile: result.value, settings } });
  });
  return saved;
}

/** A profile pulled from the server. Call inside a transaction that includes officeProfile. */
export async function applyServerProfile(data: Record<string, unknown>): Promise<void> {
  const parsed = officeProfileSchema.safeParse(data);
  if (!parsed.success) return; // a shape this build does not know: keep the local one
  const updatedAt = typeof data.updatedAt === 'string' ? data.updatedAt : nowIso();
  await db().officeProfile.put({ ...parsed.data, updatedAt, id: OFFICE_PROFILE_ID });
}

/**
 * Changes office settings (cooling period, reservation days, time zone …; managers and admins).
 * Only the changed keys are stored and sent; a bad value is refused naming the field, nothing
 * saved. Read them with numbers.ts officeSettings().
 */
export async function saveOfficeSettings(patch: Partial<OfficeSettings>): Promise<void> {
  await requirePermission('settings.edit');
  const checked = checkOfficeSettingsPatch(patch);
  if (!checked.ok) throw new ValidationError({ [checked.field]: checked.zh });
  const d = db();
  await writeWithOutbox([], async ({ enqueue }) => {
    // the office's record as this device knows it, changed at once (the pull brings the server's answer)
    const key = officeMetaKey('settings');
    const prev = (await d.meta.get(key))?.value as MetaRecord | undefined;
    const value: MetaRecord = { entity: 'office', id: 'settings', version: prev?.version ?? 0, data: { ...(prev?.data ?? {}), ...checked.value } };
    await d.meta.put({ key, value });
    await enqueue({ name: 'office.update', args: { settings: checked.value } });
  });
}
