import { isMessageCode, type Lang, type MessageCode } from './catalog';
import { formatMessage } from './format';
import { messageRefOf } from './zodMessage';
import type { CheckLike, IssueLike } from './localize';

/**
 * A message as data: a catalog code and its params, resolved to text only where it is shown, in
 * the language of the screen. Params may themselves be messages (a validator's reason under a
 * row's label) or lists of them (every problem of one row); a plain string param is shown as it
 * is (a name, a number, or a zh-CN sentence that has no code yet).
 */
export type MsgParam = string | number | Msg | readonly (Msg | string)[];
export interface Msg {
  readonly code: MessageCode;
  readonly params?: Readonly<Record<string, MsgParam>>;
}

export function msg(code: MessageCode, params?: Readonly<Record<string, MsgParam>>): Msg {
  return params ? { code, params } : { code };
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && isMessageCode((value as { code?: unknown }).code);
}

const isEnglish = (lang: string) => lang === 'en' || lang.startsWith('en-');

/** The text of a message (or a plain string, as it is) in `lang`; zh-CN for any language but English. */
export function formatMsg(m: Msg | string, lang: Lang | string = 'zh-CN'): string {
  if (typeof m === 'string') return m;
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') flat[k] = v;
    else if (Array.isArray(v)) flat[k] = v.map((x: Msg | string) => formatMsg(x, lang)).join(isEnglish(lang) ? '; ' : '；');
    else flat[k] = formatMsg(v as Msg, lang);
  }
  return formatMessage(m.code, flat, lang);
}

/** A failed check as a message: its code when it has one, else its zh-CN reason as it is. */
export function msgOfCheck(check: CheckLike): Msg | string {
  if (check.ok) return '';
  return isMessageCode(check.code) ? msg(check.code, check.params) : check.reason;
}

/** A zod issue of a shared schema (or one made with `zodMessage`) as a message; else its text. */
export function msgOfIssue(issue: IssueLike): Msg | string {
  const custom = issue.params;
  if (custom && isMessageCode(custom['code'])) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(custom)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    const inner = msg(custom['code'], params);
    const prefix = custom['prefixLabel'];
    return typeof prefix === 'string' ? msg('field.labelled', { label: prefix, message: inner }) : inner;
  }
  return messageRefOf(issue.message) ?? issue.message;
}

/** zh-CN terms (labels.ts) as one message: "a和b" / "a and b" ('list.and'), "a、b、c" / "a, b, c" ('list.enum'). */
export function termList(terms: readonly string[], join: 'list.and' | 'list.enum'): Msg {
  const [first = '', ...rest] = terms;
  if (rest.length === 0) return msg('term', { term: first });
  return msg(join, { term1: first, term2: rest.length === 1 ? (rest[0] as string) : termList(rest, join) });
}
