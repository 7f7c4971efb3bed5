import { MESSAGES, type Lang, type MessageCode, type MessageParams } from './catalog';
import { fieldLabel, labelList, stepLabel } from './labels';

/**
 * Param names that hold a zh-CN term (a field's name, a carrier, a role, a state, an action, an
 * attachment kind; term1, term2 … in lists), translated with the message.
 */
const LABEL_PARAMS = new Set(['label', 'carrier', 'role', 'status', 'action', 'kind']);
const isLabelParam = (name: string) => LABEL_PARAMS.has(name) || /^term\d*$/.test(name);

/** The placeholders `{name}` of a template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

/**
 * Fills the template of `code` in `lang`. Hand-written rather than i18next because shared/ must stay
 * free of UI libraries and the templates only need plain substitution.
 */
export function formatMessage(code: MessageCode, params: MessageParams = {}, language: Lang | string = 'zh-CN'): string {
  // Any language but English (e.g. i18next's 'zh-CN', 'zh', 'cimode') reads the zh-CN template.
  const lang: Lang = language === 'en' || language.startsWith('en-') ? 'en' : 'zh-CN';
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'step') return stepLabel(String(value), lang);
    if (name === 'statusList') return labelList(String(value), lang);
    return isLabelParam(name) ? fieldLabel(String(value), lang) : String(value);
  });
}
