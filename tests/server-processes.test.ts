// The server as real processes: `npm run server` with zero setup on PGlite (CLI first-setup
// commands, graceful shutdown on SIGTERM finishing a request in flight, data kept across
// restarts), and two server processes sharing one PostgreSQL database (stateless).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createScratchDatabase } from '../server/src/index';
import { TEST_DATABASE_URL, TestClient, http, login, suiteTitle, testBackends } from './server-harness';

// Generous limits: PGlite start-up and child processes are slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();
// node with tsx as a loader (what `npm run server` runs), so signals reach the server process itself.
const NODE_ARGS = ['--import', 'tsx', 'server/src/cli.ts'];

interface Proc {
  child: ChildProcess;
  url: string;
  logs: string[];
  exited: Promise<number | null>;
}

function cli(env: Record<string, string>, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { env: { ...process.env, SCRYPT_LOG_N: '10', ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

function startServer(env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, NODE_ARGS, { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', SCRYPT_LOG_N: '10', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        logs.push(line);
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (m) resolve({ child, url: m[1]!, logs, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${logs.join('\n')}`)));
    setTimeout(() => reject(new Error(`server did not start:\n${logs.join('\n')}`)), 60_000).unref();
  });
}

const running: Proc[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});

describe('npm run server on PGlite (zero setup)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('first setup by CLI, serves, finishes a request in flight on SIGTERM, keeps data across restarts', async () => {
    const env = { HOTLINE_DATA_DIR: dir, DATABASE_URL: '' };
    const office = cli(env, ['create-office', '--name', '测试营业厅', '--prefix', 'T1']);
    expect(office.status, office.out).toBe(0);
    const officeId = JSON.parse(office.out.trim().split('\n').pop()!).id as string;
    const user = cli(env, ['create-user', '--office', 'T1', '--username', 'clerk1', '--role', 'clerk', '--password', 'clerk-password']);
    expect(user.status, user.out).toBe(0);
    const bad = cli(env, ['create-user', '--office', 'T1', '--username', 'x', '--role', 'boss', '--password', 'clerk-password']);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('--role');

    const p = await startServer(env);
    running.push(p);
    const s = await login(p.url, { username: 'clerk1', password: 'clerk-password' });
    expect(p.logs.some((l) => l.includes('"storage":"pglite"')), p.logs.join('\n')).toBe(true);
    const c = new TestClient(p.url, s.accessToken, officeId);
    const ids = Array.from({ length: 300 }, () => randomUUID());
    // A big push in flight when SIGTERM arrives still gets its full answer.
    const inFlight = c.push(ids.map((id) => c.mutation('record.create', { entity: 'customer', id, data: { name: id } })));
    // Signal once the server has the request (its "incoming request" log line), not before.
    while (!p.logs.some((l) => l.includes('"url":"/v1/sync/push"'))) await new Promise((r) => setTimeout(r, 10));
    p.child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.results.filter((r) => r.status === 'applied')).toHaveLength(300);
    expect(await p.exited).toBe(0);
    expect(p.logs.some((l) => l.includes('"msg":"closed"'))).toBe(true);

    const again = await startServer(env);
    running.push(again);
    const s2 = await login(again.url, { username: 'clerk1', password: 'clerk-password' });
    const reader = new TestClient(again.url, s2.accessToken, officeId);
    await reader.pullAll();
    expect(ids.every((id) => reader.record('customer', id))).toBe(true);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 180_000);
});

const pg = backends.find((b) => b.kind === 'postgres')!;
describe.skipIf(!!pg.skip)(suiteTitle('two server processes on one database', pg), () => {
  it('share sessions, data and the number pool', async () => {
    const scratch = await createScratchDatabase(TEST_DATABASE_URL, `hotline_p_${process.pid}_${randomUUID().slice(0, 8)}`);
    try {
      const env = { DATABASE_URL: scratch.url };
      // Both start at once: migrations run once, under the advisory lock.
      const [p1, p2] = await Promise.all([startServer(env), startServer(env)]);
      running.push(p1, p2);
      const office = JSON.parse(cli(env, ['create-office', '--name', '共享', '--prefix', 'SH']).out.trim().split('\n').pop()!).id as string;
      expect(cli(env, ['create-user', '--office', 'SH', '--username', 'mgr', '--role', 'manager', '--password', 'manager-password']).status).toBe(0);

      const s = await login(p1.url, { username: 'mgr', password: 'manager-password' });
      // A token from process 1 works on process 2 (the signing secret lives in the database)…
      expect((await http(p2.url, 'GET', '/v1/auth/me', { token: s.accessToken })).status).toBe(200);
      // …and so does a refresh token.
      const r = await http(p2.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: s.refreshToken } });
      expect(r.status).toBe(200);
      const token = r.body.accessToken as string;

      const a = new TestClient(p1.url, token, office);
      const b = new TestClient(p2.url, token, office);
      const id = randomUUID();
      expect((await a.run('record.create', { entity: 'customer', id, data: { name: '经进程1写入' } })).status).toBe('applied');
      await b.pullAll();
      expect(b.record('customer', id)!.data!.name).toBe('经进程1写入');

      // Both processes race for 5 numbers: exactly 5 winners in total.
      const numbers = Array.from({ length: 5 }, (_, i) => `400555000${i}`);
      expect((await http(p1.url, 'POST', `/v1/offices/${office}/numbers`, { token, json: { numbers } })).status).toBe(200);
      const clients = Array.from({ length: 20 }, (_, i) => new TestClient(i % 2 ? p1.url : p2.url, token, office));
      const results = await Promise.all(clients.map((c) => c.run('number.allocate', { customerId: id })));
      expect(results.filter((x) => x.status === 'applied')).toHaveLength(5);
      expect(results.filter((x) => x.reason?.code === 'POOL_EMPTY')).toHaveLength(15);
      // A replay sent to the OTHER process gets the stored answer.
      const m = a.mutation('record.update', { entity: 'customer', id, fields: { name: '改名' } });
      const first = await a.push([m]);
      const sameDeviceViaP2 = new TestClient(p2.url, token, office);
      (sameDeviceViaP2 as { clientId: string }).clientId = a.clientId;
      const replay = await sameDeviceViaP2.push([m]);
      expect(replay.body.results[0]).toMatchObject({ status: first.body.results[0]!.status, replayed: true });

      for (const p of [p1, p2]) p.child.kill('SIGTERM');
      expect(await Promise.all([p1.exited, p2.exited])).toEqual([0, 0]);
    } finally {
      await scratch.drop();
    }
  }, 180_000);
});
