import { SYNC_PROTOCOL_VERSION } from '../../../shared/sync/index';
import { clearSession, getCachedSession, saveLogin, unlockOffline, type CachedSession } from '../data/auth';
import { bindStoreToOffice, setServerUrl } from '../data/syncState';
import { SyncApi, SyncHttpError, SyncNetworkError } from './api';
import { apiFor, syncEngine } from './engine';

/**
 * Login flow (issue 6 item 2): online once with username and password (tokens come back and a
 * local verifier is derived), then the app opens offline from the cached session; logout
 * revokes the refresh token when the server is reachable and forgets the session.
 */

export async function loginOnline(serverUrl: string, username: string, password: string): Promise<CachedSession> {
  const url = serverUrl.trim().replace(/\/+$/, '');
  const api = new SyncApi(url);
  const session = await api.login(username.trim(), password);
  if (session.protocolVersion !== SYNC_PROTOCOL_VERSION) {
    throw new SyncHttpError(409, 'PROTOCOL_VERSION', `服务器的同步协议版本（${session.protocolVersion}）与本应用（${SYNC_PROTOCOL_VERSION}）不符，请更新应用`);
  }
  const office = session.user.offices[0];
  if (!office) throw new SyncHttpError(403, 'NO_OFFICE', '该账号不属于任何营业厅');
  try {
    await bindStoreToOffice(office.id);
  } catch (e) {
    await api.logout(session.refreshToken).catch(() => undefined);
    throw e;
  }
  await setServerUrl(url);
  const cached = await saveLogin(session, password, url);
  void syncEngine.syncNow();
  return cached;
}

/**
 * Opens a device that has a cached session: the password is checked against the local verifier
 * (works offline). If that fails while online, an online login is tried (the password may have
 * been changed on the server since).
 */
export async function unlock(username: string, password: string): Promise<CachedSession> {
  try {
    const cached = await unlockOffline(username, password);
    void syncEngine.syncNow();
    return cached;
  } catch (e) {
    const cached = await getCachedSession();
    if (!cached || !navigator.onLine) throw e;
    try {
      return await loginOnline(cached.serverUrl, username, password);
    } catch (online) {
      throw online instanceof SyncNetworkError ? e : online;
    }
  }
}

export async function logout(): Promise<void> {
  const cached = await getCachedSession();
  if (cached) await apiFor(cached).logout(cached.session.refreshToken).catch(() => undefined);
  await clearSession();
}

/** A user-facing message for a login/sync error, in the UI language. */
export function errorText(e: unknown, language: string): string {
  if (e instanceof SyncHttpError) {
    if (e.status === 401 && e.code !== 'NOT_LOGGED_IN') return language === 'en' ? 'Wrong username or password, or the session expired.' : '用户名或密码错误，或登录已过期。';
    return language === 'en' && e.messageEn ? e.messageEn : e.message;
  }
  if (e instanceof SyncNetworkError) return language === 'en' ? `Cannot reach the sync server (${e.message}).` : `无法连接同步服务器（${e.message}）。`;
  return e instanceof Error ? e.message : String(e);
}
