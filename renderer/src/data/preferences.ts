import { db } from './db';

/** Device-local preferences in the settings table (not synced: each clerk picks their own). */

export type LanguagePreference = 'zh-CN' | 'en';
const LANGUAGE_KEY = 'language';

export async function getLanguagePreference(): Promise<LanguagePreference | null> {
  const row = await db().settings.get(LANGUAGE_KEY);
  return row?.value === 'zh-CN' || row?.value === 'en' ? row.value : null;
}

export async function saveLanguagePreference(language: LanguagePreference): Promise<void> {
  await db().settings.put({ key: LANGUAGE_KEY, value: language, updatedAt: new Date().toISOString() });
}
