import { describe, expect, it } from 'vitest';
import { hashRefreshToken, newRefreshToken, signAccessToken, verifyAccessToken } from './tokens';

describe('access tokens (HS256)', () => {
  const claims = { sub: 'u1', role: 'clerk' as const, offices: ['o1'] };

  it('round-trips and expires on the server clock', () => {
    const { token, exp } = signAccessToken(claims, 'secret', 60, 1000);
    expect(exp).toBe(1060);
    expect(verifyAccessToken(token, 'secret', 1059)).toMatchObject(claims);
    expect(verifyAccessToken(token, 'secret', 1060)).toBeNull();
  });

  it('refuses another secret, a changed payload and another algorithm', () => {
    const { token } = signAccessToken(claims, 'secret', 60, 1000);
    expect(verifyAccessToken(token, 'other', 1001)).toBeNull();
    const [h, p, sig] = token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const changed = Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url');
    expect(verifyAccessToken(`${h}.${changed}.${sig}`, 'secret', 1001)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyAccessToken(`${none}.${p}.`, 'secret', 1001)).toBeNull();
    expect(verifyAccessToken('a.b', 'secret', 1001)).toBeNull();
  });

  it('refresh tokens are random and stored only as their hash', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashRefreshToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });
});
