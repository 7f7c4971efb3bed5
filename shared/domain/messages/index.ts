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
 */
export * from './catalog';
export * from './format';
export * from './labels';
export * from './localize';
export * from './zodMessage';
export * from './ref';
