// Attachments: content-addressed by SHA-256 (checked by the server), resumable in chunks,
// size-limited (413), and served only to the owning office.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { http, login, openTestDb, seed, startServer, suiteTitle, testBackends, testConfig, type Fixture, type TestServer } from './server-harness';

// Generous limits: PGlite start-up and child processes are slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('attachments', backend), () => {
    let server: TestServer;
    let dispose: () => Promise<void>;
    let fx: Fixture;
    const tokens: Record<string, string> = {};
    const url = (office: string, hash: string) => `/v1/offices/${office}/attachments/${hash}`;
    const put = (who: string, hash: string, bytes: Uint8Array, total: number, offset: number, office = fx.users[who]!.office) =>
      http(server.url, 'PUT', url(office, hash), {
        token: tokens[who],
        body: Buffer.from(bytes),
        headers: { 'content-type': 'application/octet-stream', 'upload-length': String(total), 'upload-offset': String(offset), 'upload-content-type': 'image/png' },
      });

    beforeAll(async () => {
      const t = await openTestDb(backend.kind);
      dispose = t.dispose;
      server = await startServer(t.db, testConfig({ maxAttachmentBytes: 300_000, maxChunkBytes: 64 * 1024 }));
      fx = await seed(t.db);
      for (const name of ['clerkA', 'agentA', 'clerkB']) tokens[name] = (await login(server.url, fx.users[name]!)).accessToken;
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    it('uploads in chunks, resumes after an interruption, verifies and serves the bytes', async () => {
      const file = randomBytes(200_000);
      const hash = sha(file);
      const chunk = 50_000;
      expect((await put('clerkA', hash, file.subarray(0, chunk), file.length, 0)).body).toMatchObject({ received: chunk, complete: false });
      // "Interrupted": the client lost its place and sends from a wrong offset → told where to resume.
      const wrong = await put('clerkA', hash, file.subarray(chunk * 2, chunk * 3), file.length, chunk * 2);
      expect(wrong.status).toBe(409);
      expect(wrong.body.code).toBe('OFFSET_MISMATCH');
      const head = await http(server.url, 'HEAD', url(fx.officeA, hash), { token: tokens.clerkA });
      expect(head.status).toBe(200);
      expect(head.headers.get('upload-offset')).toBe(String(chunk));
      expect(head.headers.get('upload-complete')).toBe('false');
      let offset = Number(head.headers.get('upload-offset'));
      let last;
      while (offset < file.length) {
        last = await put('clerkA', hash, file.subarray(offset, offset + chunk), file.length, offset);
        expect(last.status).toBe(200);
        offset += chunk;
      }
      expect(last!.body).toMatchObject({ sha256: hash, size: file.length, received: file.length, complete: true, contentType: 'image/png' });
      // A field agent of the same office may read it.
      const got = await fetch(server.url + url(fx.officeA, hash), { headers: { authorization: `Bearer ${tokens.agentA}` } });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await got.arrayBuffer()).equals(file)).toBe(true);
      // Uploading it again is a no-op that reports completion.
      expect((await put('clerkA', hash, file.subarray(0, 10), file.length, 0)).body).toMatchObject({ complete: true });
    });

    it('refuses content that does not match its SHA-256 and discards the upload', async () => {
      const file = randomBytes(1000);
      const claimed = sha(randomBytes(1000));
      const r = await put('clerkA', claimed, file, file.length, 0);
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'HASH_MISMATCH', message: expect.stringContaining('SHA-256') });
      expect((await http(server.url, 'HEAD', url(fx.officeA, claimed), { token: tokens.clerkA })).status).toBe(404);
      expect((await http(server.url, 'GET', url(fx.officeA, claimed), { token: tokens.clerkA })).status).toBe(404);
    });

    it('limits sizes with 413: the declared total and each chunk', async () => {
      const r = await put('clerkA', sha(Buffer.from('big')), Buffer.from('big'), 300_001, 0);
      expect(r.status).toBe(413);
      expect(r.body.code).toBe('TOO_LARGE');
      const chunk = randomBytes(64 * 1024 + 1);
      const r2 = await put('clerkA', sha(chunk), chunk, chunk.length, 0);
      expect(r2.status).toBe(413);
    });

    it('serves an attachment only to its office, even to someone who knows the hash', async () => {
      const file = Buffer.from('身份证复印件 A');
      const hash = sha(file);
      expect((await put('clerkA', hash, file, file.length, 0)).body.complete).toBe(true);
      expect((await http(server.url, 'GET', url(fx.officeA, hash), { token: tokens.clerkB })).status).toBe(403);
      expect((await http(server.url, 'HEAD', url(fx.officeA, hash), { token: tokens.clerkB })).status).toBe(403);
      // In its own office, office B simply does not have it.
      expect((await http(server.url, 'GET', url(fx.officeB, hash), { token: tokens.clerkB })).status).toBe(404);
    });
  });
}
