import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Translations, bundled (no HTTP backend: the app must start offline and from file://).
 *
 * HOW TO ADD AN AREA'S TEXTS
 * - One namespace per area (or shared concern): `locales/zh-CN/<ns>.json` and `locales/en/<ns>.json`,
 *   with the same keys in both (a unit test, locales.test.ts, checks that).
 * - Nothing to register here: every JSON file under `locales/<language>/` is picked up at build
 *   time by `import.meta.glob` and becomes namespace `<ns>` of that language.
 * - In a component: `const { t } = useTranslation('customers'); t('list.title')`, or across
 *   namespaces `t('shell:areas.customers')`.
 * - zh-CN is the default and the fallback; keep user-facing text out of code.
 */

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

/** `{ 'zh-CN': { shell: {...}, settings: {...} }, en: {...} }` from the file paths. */
export function resourcesFrom(modules: Record<string, Record<string, unknown>>): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language][namespace] = content;
  }
  return resources;
}

export const resources = resourcesFrom(files);
export const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** Starts i18next in the given language and keeps <html lang> in step with it. */
export async function initI18n(language: Language = DEFAULT_LANGUAGE) {
  i18next.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: namespaces,
    defaultNS: 'shell',
    // Exactly the languages above: no lookup of a bare 'zh' or 'en-US'.
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return i18next;
}

export { i18next };
