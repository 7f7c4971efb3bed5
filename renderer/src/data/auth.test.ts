import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { clearSession, getCachedSession, saveLogin, unlockOffline } from './auth';
import type { Session } from '../../../shared/sync/index';

let n = 0;
beforeEach(() => {
  setDatabase(new HotlineDb(`auth-test-${++n}`));
});

const session: Session = {
  accessToken: 'a'.repeat(40),
  accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
  refreshToken: 'r'.repeat(40),
  refreshTokenExpiresAt: '2030-02-01T00:00:00.000Z',
  user: { id: 'u-1', username: 'li', displayName: '李四', role: 'clerk', offices: [{ id: 'o-1', name: '北京', prefix: 'BJ' }] },
  offlineVerifier: { algorithm: 'PBKDF2-SHA-256', salt: btoa('per-user-salt'), iterations: 1000, keyLength: 32 },
  protocolVersion: 1,
};

describe('cached session with a local verifier', () => {
  it('keeps a verifier, never the password, and makes the server user current', async () => {
    await saveLogin(session, 'secret-password-1', 'http://127.0.0.1:8787');
    const all = JSON.stringify(await db().meta.toArray());
    expect(all).not.toContain('secret-password-1');
    expect((await getCachedSession())?.verifier).toMatch(/^[A-Za-z0-9+/=]{44}$/);
    expect((await db().meta.get('currentUserId'))?.value).toBe('u-1');
    expect((await db().users.get('u-1'))?.role).toBe('clerk');
  });

  it('opens offline with the right password only', async () => {
    await saveLogin(session, 'secret-password-1', 'http://127.0.0.1:8787');
    await expect(unlockOffline('li', 'wrong-password')).rejects.toThrow('用户名或密码错误');
    await expect(unlockOffline('zhang', 'secret-password-1')).rejects.toThrow('用户名或密码错误');
    await expect(unlockOffline('LI', 'secret-password-1')).resolves.toMatchObject({ session: { user: { id: 'u-1' } } });
    await clearSession();
    await expect(unlockOffline('li', 'secret-password-1')).rejects.toThrow('联网登录');
  });
});
