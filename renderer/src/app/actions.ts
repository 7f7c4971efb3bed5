import { i18next, isLanguage, DEFAULT_LANGUAGE, type Language } from '../i18n';
import { getLanguagePreference, saveLanguagePreference } from '../data/preferences';
import { getOfficeProfile } from '../data/officeProfile';
import { useUiStore } from '../state/uiStore';

/** UI actions that persist: they call a repository, then update i18n and the UI store. */

export async function changeLanguage(language: Language): Promise<void> {
  await saveLanguagePreference(language);
  await i18next.changeLanguage(language);
  useUiStore.getState().setLanguage(language);
}

/** What the shell needs before its first paint: the saved language and office profile. */
export async function loadStartupState(): Promise<{ language: Language }> {
  const [saved, profile] = await Promise.all([
    getLanguagePreference().catch(() => null),
    getOfficeProfile().catch(() => null),
  ]);
  const language = isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  useUiStore.setState({ language, officeProfile: profile });
  return { language };
}
