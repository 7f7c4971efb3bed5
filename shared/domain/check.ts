import type { MessageCode, MessageParams } from './messages/catalog';
import { formatMessage } from './messages/format';

/**
 * The result of every domain check. `reason` is a zh-CN sentence a clerk can act on,
 * so forms and imports show it as is. `code` and `params` name the message in the catalog
 * (shared/domain/messages) so an English UI can show it with `localizeCheck`.
 */
export type Check = { ok: true } | { ok: false; reason: string; code?: string; params?: MessageParams };

const PASSED: Check = Object.freeze({ ok: true as const });

export function pass(): Check {
  return PASSED;
}

/** A failure with a free zh-CN sentence (no translation; prefer `failWith`). */
export function fail(reason: string): Check {
  return { ok: false, reason };
}

/** A failure from the message catalog: `reason` is its zh-CN template filled with `params`. */
export function failWith(code: MessageCode, params?: MessageParams): Check {
  const reason = formatMessage(code, params, 'zh-CN');
  return params ? { ok: false, reason, code, params } : { ok: false, reason, code };
}
