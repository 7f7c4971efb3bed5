import { REJECTION_MESSAGES, type RejectionCode } from '../../../../shared/sync/index';
import { formatMessage, isMessageCode } from '../../../../shared/domain/messages/index';

/** Times shown in the office time zone (stored as UTC ISO). */
export function formatTime(iso: string, timeZone = 'Asia/Shanghai'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('zh-CN', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

/** A field value as a person reads it. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const KNOWN_SYNC_ERRORS = new Set(['NOT_LOGGED_IN', 'NO_OFFICE', 'RETRY_LATER', 'PROTOCOL_VERSION']);

/**
 * The last sync error in the UI's language. The engine keeps the server's zh-CN message and its
 * code (and `messageEn` where the server sent one); in English a known code has its own sentence,
 * and an unknown one is named by its code rather than shown in Chinese.
 */
export function syncErrorText(
  e: { message: string; code?: string; messageEn?: string },
  language: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (!language.startsWith('en')) return e.message;
  if (e.messageEn) return e.messageEn;
  if (e.code && KNOWN_SYNC_ERRORS.has(e.code)) return t(`run.errors.${e.code}`);
  if (!e.code) return t('run.errors.network', { message: e.message });
  return CJK.test(e.message) ? t('run.errors.other', { code: e.code }) : e.message;
}

/**
 * The reason of a refused change in the UI's language: the server's refusal in its two
 * languages, or, where it names a domain message (a refused value), that message in the current
 * language after the refusal's kind.
 */
export function rejectionText(
  r: { code: string; message: string; messageEn?: string; messageCode?: string; params?: Record<string, string | number> },
  language: string,
): string {
  const en = language.startsWith('en');
  const base = REJECTION_MESSAGES[r.code as RejectionCode];
  if (base && isMessageCode(r.messageCode)) {
    return `${en ? base.en : base.zh}${en ? ': ' : '：'}${formatMessage(r.messageCode, r.params ?? {}, language)}`;
  }
  return en && r.messageEn ? r.messageEn : r.message;
}
