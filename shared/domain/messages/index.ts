/**
 * Domain validation messages in zh-CN and English.
 *
 * - Validators (validateUscc, validateMobile, parseHotline, parseYuanToFen, checkRenewal …) return `reason`
 *   (zh-CN, unchanged) plus `code` and `params`; `localizeCheck(check, lang)` gives the message
 *   in 'zh-CN' or 'en'.
 * - zod issues of the shared entity schemas: `localizeIssue(issue, lang)`.
 * - Unknown codes fall back to the zh-CN message, so a message is never lost.
 *
 * How other areas use it (numbers, packages, billing, sync, server were left to their owners):
 *   import { localizeCheck, localizeIssue } from '../../../shared';
 *   const lang = i18n.language;                          // from useTranslation()
 *   errors[field] = localizeIssue(issue, lang);           // instead of issue.message
 *   helperText = localizeCheck(parseHotline(s), lang);    // instead of r.reason
 * A server can pick the language from Accept-Language and answer with the same helpers; keep
 * `reason` in stored data (it is zh-CN) and translate only when showing it.
 *
 * The app's repositories throw messages as data: `msg(code, params)` (ref.ts; params may nest
 * messages, e.g. a validator's reason under a row's label). renderer/src/data/errors.ts keeps the
 * zh-CN text in `message`/`fields` and the message in `text`/`texts`; screens show
 * `errorText(e)` / `errorFields(e)` (renderer/src/i18n/errors.ts) in the current language.
 * Catalogs: catalog.ts (validators, schemas), catalogLifecycle.ts (state machines),
 * catalogApp.ts and catalogServices.ts (repositories). renderer/src/i18n/catalogs.test.ts walks
 * them and the i18next namespaces: every zh-CN text has an English twin with the same params.
 */
export * from './catalog';
export * from './format';
export * from './labels';
export * from './localize';
export * from './zodMessage';
export * from './ref';
