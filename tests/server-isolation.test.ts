// Office scoping and roles: a clerk of office A can read or change nothing of office B through
// ANY route (the test walks the whole route table, so a new route cannot slip through
// unclassified), and a field agent sees only what its role allows.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MUTATION_NAMES, SYNC_PROTOCOL_VERSION } from '../shared/sync/index';
import { TestClient, http, login, openTestDb, seed, startServer, suiteTitle, testBackends, type Fixture, type TestServer } from './server-harness';

// Generous limits: PGlite start-up and child processes are slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

/** Routes without an office in the URL, each covered by a dedicated test below. */
const UNSCOPED = new Set([
  'GET /healthz', 'HEAD /healthz', 'GET /readyz', 'HEAD /readyz', 'GET /openapi.json', 'HEAD /openapi.json',
  'POST /v1/auth/login', 'POST /v1/auth/refresh', 'POST /v1/auth/logout', 'GET /v1/auth/me', 'HEAD /v1/auth/me',
  'POST /v1/sync/push', 'POST /v1/sync/pull',
]);

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('office isolation and roles', backend), () => {
    let server: TestServer;
    let dispose: () => Promise<void>;
    let fx: Fixture;
    const tokens: Record<string, string> = {};
    const client = (who: string) => new TestClient(server.url, tokens[who]!, fx.users[who]!.office);
    let bCustomer: string;
    let bHash: string;
    const bNumber = '4009123456';

    const snapshotOfB = async () => (await http(server.url, 'GET', `/v1/offices/${fx.officeB}/snapshot`, { token: tokens.managerB })).body;

    beforeAll(async () => {
      const t = await openTestDb(backend.kind);
      dispose = t.dispose;
      server = await startServer(t.db);
      fx = await seed(t.db);
      for (const name of Object.keys(fx.users)) tokens[name] = (await login(server.url, fx.users[name]!)).accessToken;
      // Office B has a customer, an account with a payment, a number and an attachment.
      const b = client('clerkB');
      bCustomer = randomUUID();
      const acct = randomUUID();
      await b.run('record.create', { entity: 'customer', id: bCustomer, data: { name: '上海乙公司', idNumber: '110101199003078515' } });
      await b.run('record.create', { entity: 'account', id: acct, data: { customerId: bCustomer } });
      await b.run('payment.record', { id: randomUUID(), accountId: acct, amountFen: 5000, method: 'cash' });
      await http(server.url, 'POST', `/v1/offices/${fx.officeB}/numbers`, { token: tokens.managerB, json: { numbers: [bNumber] } });
      const bytes = Buffer.from('营业执照扫描件 office B');
      bHash = createHash('sha256').update(bytes).digest('hex');
      const up = await http(server.url, 'PUT', `/v1/offices/${fx.officeB}/attachments/${bHash}`, {
        token: tokens.clerkB, body: bytes, headers: { 'content-type': 'application/octet-stream', 'upload-length': String(bytes.length), 'upload-offset': '0' },
      });
      expect(up.status).toBe(200);
      // Office A has data too, for the field-agent checks.
      const a = client('clerkA');
      const aAcct = randomUUID();
      await a.run('record.create', { entity: 'customer', id: randomUUID(), data: { name: '北京甲公司' } });
      await a.run('record.create', { entity: 'account', id: aAcct, data: {} });
      await a.run('payment.record', { id: randomUUID(), accountId: aAcct, amountFen: 100, method: 'cash' });
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    it('every office route refuses a clerk of another office (403) and changes nothing', async () => {
      const before = await snapshotOfB();
      const routes = server.app.routeList.filter((r) => r.url.includes(':officeId'));
      expect(routes.length).toBeGreaterThanOrEqual(8);
      const tried: string[] = [];
      for (const r of routes) {
        const path = r.url
          .replace(':officeId', fx.officeB)
          .replace(':entity', 'customer')
          .replace(':id', bCustomer)
          .replace(':sha256', bHash);
        const opts: Parameters<typeof http>[3] = { token: tokens.clerkA };
        if (r.method === 'PUT') Object.assign(opts, { body: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream', 'upload-length': '1', 'upload-offset': '0' } });
        else if (r.url.endsWith('/numbers') && r.method === 'POST') opts.json = { numbers: ['4009999999'] };
        else if (r.url.endsWith('/users') && r.method === 'POST') opts.json = { username: 'intruder', role: 'admin', password: 'password123' };
        const res = await http(server.url, r.method, path, opts);
        expect(res.status, `${r.method} ${r.url}`).toBe(403);
        if (r.method !== 'HEAD') expect(JSON.stringify(res.body)).not.toContain('上海乙公司');
        tried.push(`${r.method} ${r.url}`);
      }
      expect(tried).toContain('GET /v1/offices/:officeId/attachments/:sha256');
      expect(await snapshotOfB()).toEqual(before);
    });

    it('no route is left unclassified', () => {
      const unclassified = server.app.routeList
        .map((r) => `${r.method} ${r.url}`)
        .filter((k) => !k.includes(':officeId') && !UNSCOPED.has(k));
      expect(unclassified).toEqual([]);
    });

    it('push: every mutation aimed at office B is refused; ids of B are not found from A', async () => {
      const before = await snapshotOfB();
      const a = client('clerkA');
      const muts = MUTATION_NAMES.map((name) => ({ ...a.mutation(name, { entity: 'customer', id: bCustomer, fields: { name: 'hacked' } }), officeId: fx.officeB }));
      const r = await a.push(muts);
      expect(r.status).toBe(200);
      expect(r.body.results.map((x) => x.reason?.code)).toEqual(MUTATION_NAMES.map(() => 'FORBIDDEN'));
      // B's record id used inside A's namespace: not found, not B's record.
      const r2 = await a.run('record.update', { entity: 'customer', id: bCustomer, fields: { name: 'hacked' } });
      expect(r2.reason?.code).toBe('NOT_FOUND');
      const r3 = await a.run('number.allocate', { number: bNumber, customerId: bCustomer });
      expect(r3.reason?.code).toBe('NOT_FOUND');
      expect(await snapshotOfB()).toEqual(before);
    });

    it('pull and me: only the caller\'s offices, whatever the cursor says', async () => {
      const r = await http(server.url, 'POST', '/v1/sync/pull', { token: tokens.clerkA, json: { clientId: `c-${randomUUID()}`, protocolVersion: SYNC_PROTOCOL_VERSION, cursor: { [fx.officeB]: 0 } } });
      expect(r.status).toBe(200);
      expect(Object.keys(r.body.cursor)).toEqual([fx.officeA]);
      expect(r.body.changes.length).toBeGreaterThan(0);
      expect(r.body.changes.every((c: { officeId: string }) => c.officeId === fx.officeA)).toBe(true);
      expect(JSON.stringify(r.body)).not.toContain('上海乙公司');
      const me = await http(server.url, 'GET', '/v1/auth/me', { token: tokens.clerkA });
      expect(me.body.offices.map((o: { id: string }) => o.id)).toEqual([fx.officeA]);
    });

    it('a field agent pulls customers, numbers and leases but not money, call records or users', async () => {
      const agent = client('agentA');
      await agent.pullAll();
      const entities = new Set([...agent.store.values()].map((c) => c.entity));
      expect(entities.has('customer')).toBe(true);
      for (const hidden of ['account', 'payment', 'callRecord', 'user']) expect(entities.has(hidden as never)).toBe(false);
      const clerk = client('clerkA');
      await clerk.pullAll();
      const clerkEntities = new Set([...clerk.store.values()].map((c) => c.entity));
      expect(clerkEntities.has('payment')).toBe(true);
      expect(clerkEntities.has('user')).toBe(true);
      const snap = await http(server.url, 'GET', `/v1/offices/${fx.officeA}/snapshot`, { token: tokens.agentA });
      expect(snap.body.records.some((x: { entity: string }) => x.entity === 'account' || x.entity === 'payment')).toBe(false);
    });

    it('a field agent may not record payments, create accounts, release numbers, or list users', async () => {
      const agent = client('agentA');
      const pay = await agent.run('payment.record', { id: randomUUID(), accountId: randomUUID(), amountFen: 1, method: 'cash' });
      expect(pay.reason?.code).toBe('FORBIDDEN');
      expect((await agent.run('record.create', { entity: 'account', id: randomUUID(), data: {} })).reason?.code).toBe('FORBIDDEN');
      expect((await agent.run('number.release', { number: '4009123456' })).reason?.code).toBe('FORBIDDEN');
      expect((await agent.run('record.delete', { entity: 'customer', id: randomUUID() })).reason?.code).toBe('FORBIDDEN');
      expect((await agent.run('record.create', { entity: 'customer', id: randomUUID(), data: { name: '外勤客户' } })).status).toBe('applied');
      expect((await http(server.url, 'GET', `/v1/offices/${fx.officeA}/users`, { token: tokens.agentA })).status).toBe(403);
      const rec = await http(server.url, 'GET', `/v1/offices/${fx.officeA}/snapshot?entity=payment`, { token: tokens.agentA });
      expect(rec.body.records).toEqual([]);
    });

    it('a clerk may not create users; an admin creates them only in its own office', async () => {
      expect((await http(server.url, 'POST', `/v1/offices/${fx.officeA}/users`, { token: tokens.clerkA, json: { username: `x${Date.now()}`, role: 'admin', password: 'password123' } })).status).toBe(403);
      const ok = await http(server.url, 'POST', `/v1/offices/${fx.officeA}/users`, { token: tokens.adminA, json: { username: `new_${randomUUID().slice(0, 6)}`, role: 'clerk', password: 'password123' } });
      expect(ok.status).toBe(200);
    });
  });
}
