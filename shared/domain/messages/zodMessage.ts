import type { MessageCode, MessageParams } from './catalog';
import { formatMessage } from './format';

export type MessageRef = { code: MessageCode; params?: MessageParams };

/**
 * zod's built-in checks (min, max, int, uuid …) carry only a message string, not params. Schemas
 * therefore take their messages from `zodMessage`, which remembers which code and params made each
 * zh-CN sentence; `localizeIssue` looks the sentence up again. The map only grows while schemas are
 * built (a few hundred fixed sentences), never per parse.
 */
const made = new Map<string, MessageRef>();

/** The zh-CN message of `code` for a zod check, remembered so it can be translated later. */
export function zodMessage(code: MessageCode, params?: MessageParams): string {
  const message = formatMessage(code, params, 'zh-CN');
  if (!made.has(message)) made.set(message, params ? { code, params } : { code });
  return message;
}

export function messageRefOf(message: string): MessageRef | undefined {
  return made.get(message);
}
