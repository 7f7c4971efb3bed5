import { db, OFFICE_PROFILE_ID } from './db';
import {
  officeProfileSchema,
  validateOfficeProfile,
  type FieldErrors,
  type OfficeProfile,
  type Translate,
} from './officeProfileSchema';

/**
 * The office profile repository: one function per action. Every write goes through here, so
 * the sync outbox (a later step) joins the same Dexie transaction in one place.
 */

export class OfficeProfileValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).join('；'));
    this.name = 'OfficeProfileValidationError';
  }
}

export interface StoredOfficeProfile extends OfficeProfile {
  /** UTC ISO time of the last save on this device. */
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
 * Validates and saves the whole profile. Bad input throws OfficeProfileValidationError with a
 * message per field (in the translator's language, zh-CN by default) and writes nothing.
 */
export async function saveOfficeProfile(input: unknown, t?: Translate): Promise<StoredOfficeProfile> {
  const result = validateOfficeProfile(input, t);
  if (!result.ok) throw new OfficeProfileValidationError(result.errors);
  const saved: StoredOfficeProfile = { ...result.value, updatedAt: new Date().toISOString() };
  await db().transaction('rw', db().officeProfile, async () => {
    await db().officeProfile.put({ ...saved, id: OFFICE_PROFILE_ID });
  });
  return saved;
}
