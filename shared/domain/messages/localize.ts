import { isMessageCode, type Lang, type MessageParams } from './catalog';
import { formatMessage } from './format';
import { messageRefOf } from './zodMessage';

/** Just what `localizeIssue` reads of a zod issue (so it also takes `$ZodIssue` and plain objects). */
export interface IssueLike {
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

export type CheckLike = { ok: true } | { ok: false; reason: string; code?: string; params?: MessageParams };

const isEnglish = (lang: string) => lang === 'en' || lang.startsWith('en-');

function scalarParams(params: Record<string, unknown>): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/** The message of a failed check in `lang`; null when the check passed. Unknown codes give the zh-CN reason. */
export function localizeCheck(check: CheckLike, lang: Lang | string): string | null {
  if (check.ok) return null;
  if (!isEnglish(lang) || !isMessageCode(check.code)) return check.reason;
  return formatMessage(check.code, check.params, 'en');
}

/**
 * The message of a zod issue from a shared schema in `lang`. Custom issues carry
 * `params.code` (and `params.prefixLabel` when the field's label was put before a validator's
 * message); built-in checks are found by their zh-CN message. Anything else stays as zod made it.
 */
export function localizeIssue(issue: IssueLike, lang: Lang | string): string {
  if (!isEnglish(lang)) return issue.message;
  const custom = issue.params;
  if (custom && isMessageCode(custom['code'])) {
    const params = scalarParams(custom);
    const message = formatMessage(custom['code'], params, 'en');
    const prefix = custom['prefixLabel'];
    return typeof prefix === 'string' ? formatMessage('field.labelled', { label: prefix, message }, 'en') : message;
  }
  const ref = messageRefOf(issue.message);
  return ref ? formatMessage(ref.code, ref.params, 'en') : issue.message;
}
