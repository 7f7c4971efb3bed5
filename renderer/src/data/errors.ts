import { formatMsg, isMsg, messageRefOf, type Lang, type Msg } from '../../../shared';

/**
 * Typed errors the repositories throw. Each message is a catalog message (shared/domain/messages:
 * code + params) or, where none exists yet, a plain zh-CN sentence. `message` and `fields` hold
 * the zh-CN text (logs, tests, and code that reads them keep working); `localizeError` and
 * `localizedFields` give the text in the language of the screen. The structured parts let a form
 * put each message beside its field.
 */

/** A message as a repository states it: catalog message, or a zh-CN sentence without a code. */
export type ErrorText = Msg | string;

/** A plain string made by `zodMessage` is found again as its catalog message. */
function asMsg(text: ErrorText): ErrorText {
  return typeof text === 'string' ? (messageRefOf(text) ?? text) : text;
}

/** The current user's role may not do this. Enforced in the repositories, not only hidden in the UI. */
export class PermissionError extends Error {
  readonly text: ErrorText;
  constructor(
    readonly action: string,
    readonly role: string | null,
    message: ErrorText,
  ) {
    super(formatMsg(message));
    this.text = asMsg(message);
    this.name = 'PermissionError';
  }
}

/** Input that may not be saved; nothing of it was written. `fields` maps a field name to its (zh-CN) message. */
export class ValidationError extends Error {
  readonly fields: Record<string, string>;
  /** The same messages as data, to show in another language. */
  readonly texts: Record<string, ErrorText>;
  constructor(
    fields: Record<string, ErrorText>,
    /** True when the only USCC problem is its check character, which a manager may override. */
    readonly usccChecksumOverridable = false,
  ) {
    const zh: Record<string, string> = {};
    const texts: Record<string, ErrorText> = {};
    for (const [k, v] of Object.entries(fields)) {
      zh[k] = formatMsg(v);
      texts[k] = asMsg(v);
    }
    super(Object.values(zh).join('；'));
    this.fields = zh;
    this.texts = texts;
    this.name = 'ValidationError';
  }
}

/** The record asked for does not exist (or was deleted). */
export class NotFoundError extends Error {
  readonly text: ErrorText;
  constructor(message: ErrorText) {
    super(formatMsg(message));
    this.text = asMsg(message);
    this.name = 'NotFoundError';
  }
}

const isEnglish = (lang: string) => lang === 'en' || lang.startsWith('en-');

/** Each field's message of a ValidationError in `lang` (empty for any other error). */
export function localizedFields(e: unknown, lang: Lang | string): Record<string, string> {
  if (!(e instanceof ValidationError)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.texts)) out[k] = formatMsg(v, lang);
  return out;
}

/**
 * The text to show for anything a repository (or the sync layer) threw, in `lang`: catalog
 * messages are translated; errors that carry an English twin (`messageEn`, as the sync server's
 * answers do) use it; anything else shows its message as it is.
 */
export function localizeError(e: unknown, lang: Lang | string): string {
  if (e instanceof ValidationError) return Object.values(localizedFields(e, lang)).join(isEnglish(lang) ? ' ' : '；');
  if (e instanceof PermissionError || e instanceof NotFoundError) return formatMsg(e.text, lang);
  if (isMsg(e)) return formatMsg(e, lang);
  if (e instanceof Error) {
    // Dexie wraps an error thrown inside a transaction whose name it knows (NotFoundError …).
    const inner = (e as { inner?: unknown }).inner;
    if (inner instanceof Error && inner !== e) return localizeError(inner, lang);
    const text = (e as { text?: unknown }).text;
    if (isMsg(text)) return formatMsg(text, lang);
    const en = (e as { messageEn?: unknown }).messageEn;
    if (isEnglish(lang) && typeof en === 'string' && en) return en;
    return e.message;
  }
  return String(e);
}
