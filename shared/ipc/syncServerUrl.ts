/**
 * The sync server address a user types in the app, as the desktop shell accepts it: the main
 * process persists it and allows exactly its origin in the window's CSP connect-src, so the rules
 * are strict — http or https, a plain host name or IP address (no `*`, no wildcard of any kind),
 * no user name or password, no query or fragment. A path prefix (a server behind a reverse proxy)
 * is kept; the CSP uses the origin only. Pure, shared by the IPC schema and the main process.
 */

export const MAX_SYNC_SERVER_URL_LENGTH = 2000;

/** shared/ compiles without DOM or Node types; both runtimes have the WHATWG URL parser, of which this reads a little. */
interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}
declare const URL: new (input: string) => ParsedUrl;

/** A host name (letters, digits, '-', '.', after the URL parser's IDN → punycode) or an IPv6 literal. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

export type SyncServerUrlCheck = { ok: true; url: string; origin: string } | { ok: false; reason: string };

/** Checks and normalises (no trailing slash) a sync server address; the reason is zh-CN and names the problem. */
export function checkSyncServerUrl(value: unknown): SyncServerUrlCheck {
  if (typeof value !== 'string') return { ok: false, reason: '服务器地址必须是文字' };
  const text = value.trim();
  if (!text) return { ok: false, reason: '服务器地址不能为空' };
  if (text.length > MAX_SYNC_SERVER_URL_LENGTH) return { ok: false, reason: `服务器地址不能超过 ${MAX_SYNC_SERVER_URL_LENGTH} 个字符` };
  if (text.includes('*')) return { ok: false, reason: '服务器地址不能含通配符 *' };
  let url: ParsedUrl;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `服务器地址无效：${text}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: '服务器地址必须以 http:// 或 https:// 开头' };
  if (url.username || url.password) return { ok: false, reason: '服务器地址不能包含用户名或密码' };
  if (url.search || url.hash || text.includes('?') || text.includes('#')) return { ok: false, reason: '服务器地址不能包含查询参数（?）或片段（#）' };
  if (!HOST.test(url.hostname)) return { ok: false, reason: `服务器主机名无效：${url.hostname}` };
  // the path stays plain (letters, digits, - . _ ~ / and %-escapes): nothing that could read as CSP syntax
  if (!/^[A-Za-z0-9\-._~/%]*$/.test(url.pathname)) return { ok: false, reason: `服务器地址的路径含不允许的字符：${url.pathname}` };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin };
}
