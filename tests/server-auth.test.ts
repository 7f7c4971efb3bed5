// Accounts and the HTTP surface: login, rotating refresh tokens with reuse detection, rate
// limiting, health/readiness, OpenAPI, and malformed requests answered with 4xx, never 500.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL_VERSION, SessionSchema } from '../shared/sync/index';
import { http, login, openTestDb, seed, startServer, suiteTitle, testBackends, testConfig, type Fixture, type TestServer } from './server-harness';

// Generous limits: PGlite start-up and child processes are slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('accounts and HTTP surface', backend), () => {
    let server: TestServer;
    let limited: TestServer;
    let dispose: () => Promise<void>;
    let fx: Fixture;

    beforeAll(async () => {
      const t = await openTestDb(backend.kind);
      dispose = t.dispose;
      server = await startServer(t.db);
      // A second app on the same database with a strict login limit (also proves statelessness).
      limited = await startServer(t.db, testConfig({ loginRateLimit: { max: 3, timeWindowMs: 60_000 } }));
      fx = await seed(t.db);
    });
    afterAll(async () => {
      await limited?.close();
      await server?.close();
      await dispose?.();
    });

    it('logs in and returns what the app needs to open offline later — never a password or its hash', async () => {
      const s = await login(server.url, fx.users.clerkA!);
      expect(SessionSchema.parse(s)).toBeTruthy();
      expect(s.user).toMatchObject({ username: fx.users.clerkA!.username, role: 'clerk', offices: [{ id: fx.officeA }] });
      expect(s.offlineVerifier).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 600_000, keyLength: 32 });
      expect(s.offlineVerifier.salt.length).toBeGreaterThan(10);
      expect(s.protocolVersion).toBe(SYNC_PROTOCOL_VERSION);
      const text = JSON.stringify(s);
      expect(text).not.toContain(fx.users.clerkA!.password);
      expect(text).not.toContain('scrypt');
      const row = await server.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [s.user.id]);
      expect(row.rows[0]!.password_hash).toMatch(/^scrypt\$10\$8\$1\$/);
    });

    it('refuses a wrong password and an unknown user with the same answer', async () => {
      const wrong = await http(server.url, 'POST', '/v1/auth/login', { json: { username: fx.users.clerkA!.username, password: 'nope-nope' } });
      const unknown = await http(server.url, 'POST', '/v1/auth/login', { json: { username: 'nobody', password: 'nope-nope' } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('rotates refresh tokens; reusing a spent one revokes the whole session', async () => {
      const s1 = await login(server.url, fx.users.managerA!);
      const r2 = await http(server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: s1.refreshToken } });
      expect(r2.status).toBe(200);
      expect(r2.body.refreshToken).not.toBe(s1.refreshToken);
      const me = await http(server.url, 'GET', '/v1/auth/me', { token: r2.body.accessToken });
      expect(me.status).toBe(200);
      // The old token again: theft suspected → the family dies, including the fresh token.
      expect((await http(server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: s1.refreshToken } })).status).toBe(401);
      expect((await http(server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: r2.body.refreshToken } })).status).toBe(401);
    });

    it('logout revokes the refresh token', async () => {
      const s = await login(server.url, fx.users.clerkA2!);
      expect((await http(server.url, 'POST', '/v1/auth/logout', { json: { refreshToken: s.refreshToken } })).status).toBe(200);
      expect((await http(server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: s.refreshToken } })).status).toBe(401);
    });

    it('refuses tampered, unsigned and missing access tokens', async () => {
      const s = await login(server.url, fx.users.clerkA!);
      const [h, p] = s.accessToken.split('.');
      const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...payload, offices: [fx.officeA, fx.officeB] })).toString('base64url');
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      for (const token of [`${h}.${forged}.${s.accessToken.split('.')[2]}`, `${none}.${p}.`, 'garbage', '']) {
        const r = await http(server.url, 'GET', '/v1/auth/me', { token: token || undefined });
        expect(r.status, token).toBe(401);
        expect(r.body.code).toBe('UNAUTHORIZED');
      }
    });

    it('rate-limits logins per IP and username with a clear 429', async () => {
      const attempt = (username: string) => http(limited.url, 'POST', '/v1/auth/login', { json: { username, password: 'wrong-password' } });
      const victim = fx.users.agentA!.username;
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await attempt(victim)).status);
      expect(codes).toEqual([401, 401, 401, 429]);
      const blocked = await attempt(victim);
      expect(blocked.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', message: expect.stringContaining('登录尝试过于频繁') });
      // Another username from the same IP is not locked out.
      expect((await attempt(fx.users.agentA2!.username)).status).toBe(401);
    });

    it('health, readiness (database and migrations) and the OpenAPI document', async () => {
      expect((await http(server.url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
      expect((await http(server.url, 'GET', '/readyz')).body).toMatchObject({ status: 'ready', database: 'ok' });
      // A migration this code does not know (a newer server migrated the database): not ready.
      await server.db.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_future', 'x')");
      const nr = await http(server.url, 'GET', '/readyz');
      expect(nr.status).toBe(503);
      expect(nr.body.migrations).toContain('9999_future');
      await server.db.query('DELETE FROM schema_migrations WHERE version = 9999');
      const doc = await http(server.url, 'GET', '/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      for (const p of ['/v1/sync/push', '/v1/sync/pull', '/v1/auth/login', '/v1/offices/{officeId}/attachments/{sha256}']) expect(Object.keys(doc.body.paths)).toContain(p);
      expect(doc.body.paths['/v1/sync/push'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('mutations');
    });

    it('answers malformed requests with 4xx and a message naming the problem, never 500', async () => {
      const s = await login(server.url, fx.users.clerkA!);
      const t = s.accessToken;
      const cases: { name: string; method: string; path: string; opts: Parameters<typeof http>[3]; status: number; mention?: string }[] = [
        { name: 'invalid JSON', method: 'POST', path: '/v1/auth/login', opts: { body: '{"username":', headers: { 'content-type': 'application/json' } }, status: 400, mention: 'JSON' },
        { name: 'missing field', method: 'POST', path: '/v1/auth/login', opts: { json: { username: 'x' } }, status: 400, mention: 'password' },
        { name: 'wrong type', method: 'POST', path: '/v1/auth/login', opts: { json: { username: 42, password: 'x' } }, status: 400, mention: 'username' },
        { name: 'array body', method: 'POST', path: '/v1/sync/push', opts: { token: t, json: [] }, status: 400 },
        { name: 'empty mutations', method: 'POST', path: '/v1/sync/push', opts: { token: t, json: { clientId: 'client-123', protocolVersion: 1, mutations: [] } }, status: 400, mention: 'mutations' },
        { name: 'bad mutation id', method: 'POST', path: '/v1/sync/push', opts: { token: t, json: { clientId: 'client-123', protocolVersion: 1, mutations: [{ seq: 1, mutationId: 'x', officeId: fx.officeA, name: 'a', args: {} }] } }, status: 400, mention: 'mutationId' },
        { name: 'negative seq', method: 'POST', path: '/v1/sync/push', opts: { token: t, json: { clientId: 'client-123', protocolVersion: 1, mutations: [{ seq: -1, mutationId: randomUUID(), officeId: fx.officeA, name: 'a', args: {} }] } }, status: 400, mention: 'seq' },
        { name: 'duplicate seq', method: 'POST', path: '/v1/sync/push', opts: { token: t, json: { clientId: 'client-123', protocolVersion: 1, mutations: [1, 1].map((seq) => ({ seq, mutationId: randomUUID(), officeId: fx.officeA, name: 'a', args: {} })) } }, status: 400 },
        { name: 'pull limit too big', method: 'POST', path: '/v1/sync/pull', opts: { token: t, json: { clientId: 'client-123', protocolVersion: 1, limit: 1e9 } }, status: 400, mention: 'limit' },
        { name: 'pull bad cursor', method: 'POST', path: '/v1/sync/pull', opts: { token: t, json: { clientId: 'client-123', protocolVersion: 1, cursor: { x: -5 } } }, status: 400 },
        { name: 'bad office id', method: 'GET', path: '/v1/offices/not-a-uuid/snapshot', opts: { token: t }, status: 400, mention: 'officeId' },
        { name: 'bad entity', method: 'GET', path: `/v1/offices/${fx.officeA}/records/spaceship/1`, opts: { token: t }, status: 400, mention: 'entity' },
        { name: 'bad sha256', method: 'GET', path: `/v1/offices/${fx.officeA}/attachments/xyz`, opts: { token: t }, status: 400, mention: 'sha256' },
        { name: 'text body', method: 'POST', path: '/v1/sync/pull', opts: { token: t, body: 'hello', headers: { 'content-type': 'text/plain' } }, status: 400, mention: 'body' },
        { name: 'xml body', method: 'POST', path: '/v1/sync/pull', opts: { token: t, body: '<a/>', headers: { 'content-type': 'application/xml' } }, status: 415 },
        { name: 'no token', method: 'POST', path: '/v1/sync/pull', opts: { json: { clientId: 'client-123', protocolVersion: 1 } }, status: 401 },
        { name: 'unknown route', method: 'GET', path: '/v1/nothing', opts: {}, status: 404 },
        { name: 'huge body', method: 'POST', path: '/v1/auth/login', opts: { body: JSON.stringify({ username: 'x', password: 'y'.repeat(9 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } }, status: 413 },
      ];
      for (const c of cases) {
        const r = await http(server.url, c.method, c.path, c.opts);
        expect(r.status, c.name).toBe(c.status);
        expect(r.body, c.name).toMatchObject({ statusCode: c.status, message: expect.any(String) });
        if (c.mention) expect(JSON.stringify(r.body), c.name).toContain(c.mention);
      }
    });
  });
}
