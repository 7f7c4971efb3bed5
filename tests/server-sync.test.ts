// Push / pull: idempotent replay, rejections that never block the queue, per-field merge with
// conflicts a person resolves, tombstones, commands whose server result wins.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../shared/sync/index';
import { TestClient, http, seededServer, suiteTitle, testBackends } from './server-harness';

// Generous limits: PGlite start-up and child processes are slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('sync push/pull', backend), () => {
    const server = seededServer(backend);
    const client = server.client;

    it('creates a record and another device of the office pulls it', async () => {
      const a = client('clerkA');
      const id = randomUUID();
      const r = await a.run('record.create', { entity: 'customer', id, data: { name: '北京某某科技有限公司', landline: '010-62345678' } });
      expect(r).toMatchObject({ status: 'applied', replayed: false });
      const b = client('clerkA2');
      await b.pullAll();
      const rec = b.record('customer', id);
      expect(rec?.data).toMatchObject({ name: '北京某某科技有限公司', status: 'active', createdBy: server.fx.users.clerkA!.id });
      expect(rec!.version).toBeGreaterThan(0);
    });

    it('replays the stored result for the same (clientId, seq, mutationId) and does not apply twice', async () => {
      const a = client('clerkA');
      const acct = randomUUID();
      await a.run('record.create', { entity: 'account', id: acct, data: { customerId: 'x' } });
      const pay = a.mutation('payment.record', { id: randomUUID(), accountId: acct, amountFen: 10_000, method: 'cash' });
      const first = await a.push([pay]);
      const again = await a.push([pay]);
      expect(first.body.results[0]).toMatchObject({ status: 'applied', replayed: false, result: { balanceFen: 10_000 } });
      expect(again.body.results[0]).toMatchObject({ status: 'applied', replayed: true, result: { balanceFen: 10_000 } });
      await a.pullAll();
      expect(a.record('account', acct)?.data?.balanceFen).toBe(10_000);
    });

    it('a permanent rejection is stored, replayed, and the queue moves past it', async () => {
      const a = client('clerkA');
      const bad = a.mutation('contract.sign', { contractId: randomUUID() }); // clerks may not sign
      const unknown = a.mutation('no.such.thing', {});
      const invalid = a.mutation('record.create', { entity: 'customer', id: 'has space', data: {} });
      const good = a.mutation('record.create', { entity: 'customer', id: randomUUID(), data: { name: '乙' } });
      const r = await a.push([bad, unknown, invalid, good]);
      expect(r.status).toBe(200);
      expect(r.body.results.map((x) => x.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
      expect(r.body.results.map((x) => x.reason?.code)).toEqual(['FORBIDDEN', 'UNKNOWN_MUTATION', 'INVALID_ARGS', undefined]);
      expect(r.body.results[2]!.reason).toMatchObject({ field: 'id' });
      expect(r.body.lastSeq).toBe(good.seq);
      const replay = await a.push([bad, unknown, invalid, good]);
      expect(replay.body.results.every((x) => x.replayed)).toBe(true);
      expect(replay.body.results.map((x) => x.reason?.code)).toEqual(['FORBIDDEN', 'UNKNOWN_MUTATION', 'INVALID_ARGS', undefined]);
    });

    it('refuses a reused seq with a different mutation id, and a seq below a gap, without storing', async () => {
      const a = client('clerkA');
      const m = a.mutation('record.create', { entity: 'customer', id: randomUUID(), data: { name: '丙' } });
      await a.push([m]);
      const r = await a.push([{ ...m, mutationId: randomUUID() }]);
      expect(r.body.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'STALE_SEQ' }, replayed: false });
    });

    it('merges edits per field; a same-field clash becomes a conflict a person resolves', async () => {
      const a = client('clerkA');
      const b = client('clerkA2');
      const id = randomUUID();
      await a.run('record.create', { entity: 'customer', id, data: { name: '原名', landline: '010-62345678', address: '旧地址' } });
      await a.pullAll();
      await b.pullAll();
      const base = b.record('customer', id)!.version;
      // Both edit offline from the same base version.
      const ra = await a.run('record.update', { entity: 'customer', id, fields: { name: 'A改的名', address: '新地址' } }, { baseVersion: base });
      expect(ra.status).toBe('applied');
      const rb = await b.run('record.update', { entity: 'customer', id, fields: { name: 'B改的名', landline: '010-82345678', address: '新地址' } }, { baseVersion: base });
      expect(rb.status).toBe('conflict');
      expect(rb.conflicts).toHaveLength(1);
      await b.pullAll();
      // Non-clashing fields merged; the clashing field keeps the server value until resolved.
      expect(b.record('customer', id)!.data).toMatchObject({ name: 'A改的名', landline: '010-82345678', address: '新地址' });
      const conflict = b.record('conflict', rb.conflicts![0]!);
      expect(conflict?.data).toMatchObject({ entity: 'customer', recordId: id, field: 'name', serverValue: 'A改的名', clientValue: 'B改的名', status: 'open' });
      // Resolving is itself a mutation.
      const res = await b.run('conflict.resolve', { conflictId: rb.conflicts![0], choose: 'client' });
      expect(res.status).toBe('applied');
      await a.pullAll();
      expect(a.record('customer', id)!.data!.name).toBe('B改的名');
      expect(a.record('conflict', rb.conflicts![0]!)!.data!.status).toBe('resolved');
    });

    it('a client never conflicts with its own earlier offline edits (create + edit pushed together)', async () => {
      const a = client('clerkA');
      const id = randomUUID();
      const r = await a.push([
        a.mutation('record.create', { entity: 'customer', id, data: { name: '一' } }),
        a.mutation('record.update', { entity: 'customer', id, fields: { name: '二' } }),
        a.mutation('record.update', { entity: 'customer', id, fields: { name: '三' } }),
      ]);
      expect(r.body.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    });

    it('a create of an existing id inside a batch is refused alone; the rest of the batch applies', async () => {
      const a = client('clerkA');
      const taken = randomUUID();
      await a.run('record.create', { entity: 'customer', id: taken, data: { name: '先来' } });
      const other = client('clerkA2');
      const batch = [randomUUID(), taken, randomUUID()].map((id) => other.mutation('record.create', { entity: 'customer', id, data: { name: '后到' } }));
      const r = await other.push(batch);
      expect(r.body.results.map((x) => x.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(r.body.results[1]!.reason?.code).toBe('ALREADY_EXISTS');
      await other.pullAll();
      expect(other.record('customer', taken)!.data!.name).toBe('先来');
      expect(other.record('customer', (batch[0]!.args as { id: string }).id)!.data!.name).toBe('后到');
    });

    it('refuses server-maintained fields, naming the field', async () => {
      const a = client('clerkA');
      const id = randomUUID();
      await a.run('record.create', { entity: 'account', id, data: {} });
      const r = await a.run('record.update', { entity: 'account', id, fields: { balanceFen: 999_999 } });
      expect(r).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGS', field: 'balanceFen' } });
    });

    it('deletions travel as tombstones', async () => {
      const m = client('managerA');
      const other = client('clerkA2');
      const id = randomUUID();
      await m.run('record.create', { entity: 'customer', id, data: { name: '将删除' } });
      await other.pullAll();
      expect(other.record('customer', id)).toBeDefined();
      expect((await m.run('record.delete', { entity: 'customer', id })).status).toBe('applied');
      const page = await http(server.url, 'POST', '/v1/sync/pull', { token: server.token('clerkA2'), json: { clientId: other.clientId, protocolVersion: SYNC_PROTOCOL_VERSION, cursor: other.cursor } });
      expect(page.body.changes).toContainEqual(expect.objectContaining({ entity: 'customer', id, deleted: true, data: null }));
      await other.pullAll();
      expect(other.record('customer', id)).toBeUndefined();
    });

    it('commands: the server re-executes state transitions against its own state', async () => {
      const clerk = client('clerkA');
      const manager = client('managerA');
      const app = randomUUID();
      await clerk.run('record.create', { entity: 'application', id: app, data: { customerId: 'c1' } });
      expect((await clerk.run('record.transition', { entity: 'application', id: app, to: 'submitted' })).status).toBe('applied');
      // A clerk may not approve; an invalid jump is refused with from → to.
      expect((await clerk.run('record.transition', { entity: 'application', id: app, to: 'approved' })).reason?.code).toBe('FORBIDDEN');
      expect((await manager.run('record.transition', { entity: 'application', id: app, to: 'completed' })).reason).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('submitted → completed') });
      expect((await manager.run('record.transition', { entity: 'application', id: app, to: 'approved' })).status).toBe('applied');
      const contract = randomUUID();
      await clerk.run('record.create', { entity: 'contract', id: contract, data: { applicationId: app, amountFen: 600_714 } });
      const signed = await manager.run('contract.sign', { contractId: contract });
      expect(signed.status).toBe('applied');
      expect((await manager.run('contract.sign', { contractId: contract })).reason?.code).toBe('INVALID_TRANSITION');
      await clerk.pullAll();
      expect(clerk.record('contract', contract)!.data).toMatchObject({ status: 'signed', signedAt: expect.any(String) });
    });

    it('two offline payments both count: the balance is server arithmetic', async () => {
      const a = client('clerkA');
      const b = client('clerkA2');
      const acct = randomUUID();
      await a.run('record.create', { entity: 'account', id: acct, data: {} });
      const [ra, rb] = await Promise.all([
        a.run('payment.record', { id: randomUUID(), accountId: acct, amountFen: 30_000, method: 'cash' }),
        b.run('payment.record', { id: randomUUID(), accountId: acct, amountFen: 12_345, method: 'bank_transfer' }),
      ]);
      expect([ra.status, rb.status]).toEqual(['applied', 'applied']);
      await a.pullAll();
      expect(a.record('account', acct)!.data!.balanceFen).toBe(42_345);
    });

    it('answers 409 to another protocol version and to a client id of another user', async () => {
      const a = client('clerkA');
      const r = await http(server.url, 'POST', '/v1/sync/push', { token: server.token('clerkA'), json: { clientId: a.clientId, protocolVersion: SYNC_PROTOCOL_VERSION + 1, mutations: [a.mutation('record.create', { entity: 'customer', id: randomUUID(), data: {} })] } });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('PROTOCOL_VERSION');
      await a.run('record.create', { entity: 'customer', id: randomUUID(), data: {} });
      const stolen = new TestClient(server.url, server.token('clerkA2'), server.fx.officeA);
      (stolen as { clientId: string }).clientId = a.clientId;
      stolen.seq = 100;
      const s = await stolen.push([stolen.mutation('record.create', { entity: 'customer', id: randomUUID(), data: {} })]);
      expect(s.status).toBe(409);
      expect((s.body as unknown as { code: string }).code).toBe('CLIENT_ID_TAKEN');
    });

    it('pages through the change log and a second device converges to the server snapshot', async () => {
      const a = client('clerkA');
      const muts = Array.from({ length: 120 }, (_, i) => a.mutation('record.create', { entity: 'customer', id: randomUUID(), data: { name: `客户${i}` } }));
      const r = await a.push(muts);
      expect(r.body.results.every((x) => x.status === 'applied')).toBe(true);
      const b = client('clerkA2');
      const pages = await b.pullAll(25);
      expect(pages).toBeGreaterThan(4);
      const snap = await http(server.url, 'GET', `/v1/offices/${server.fx.officeA}/snapshot`, { token: server.token('clerkA2') });
      const fromServer = new Map((snap.body.records as { entity: string; id: string; version: number }[]).map((x) => [`${x.entity}/${x.id}`, x.version]));
      const onDevice = new Map([...b.store.values()].filter((c) => c.officeId === server.fx.officeA).map((c) => [`${c.entity}/${c.id}`, c.version]));
      expect(onDevice).toEqual(fromServer);
    });
  });
}
