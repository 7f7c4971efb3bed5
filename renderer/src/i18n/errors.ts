import { localizeError, localizedFields } from '../data/errors';
import { formatMsg, type Msg } from '../../../shared';
import { DEFAULT_LANGUAGE, i18next } from './index';

/**
 * What the screens show for a refusal, in the UI's current language. Repositories throw catalog
 * messages (code + params, shared/domain/messages); these resolve them, so a component never shows
 * `e.message` (zh-CN) as it is.
 */
function currentLanguage(): string {
  return i18next.language || DEFAULT_LANGUAGE;
}

/** The message of anything thrown, in the current language. */
export function errorText(e: unknown, lang: string = currentLanguage()): string {
  return localizeError(e, lang);
}

/** Each field's message of a ValidationError, in the current language ({} for other errors). */
export function errorFields(e: unknown, lang: string = currentLanguage()): Record<string, string> {
  return localizedFields(e, lang);
}

/** A catalog message (or a plain string) in the current language. */
export function messageText(m: Msg | string, lang: string = currentLanguage()): string {
  return formatMsg(m, lang);
}
