// Customer change history and application step history travel: the server writes them from the
// mutations it applies (who = the caller, when = the database clock, order = the order it applied
// them) and every device of the office pulls the same lines.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { seededServerClients, suiteTitle, testBackends, type TestClient } from './server-harness';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

const customerData = () => ({
  name: '郑州市某某科技有限公司',
  uscc: '91350100M000100Y43',
  address: '郑州市金水区花园路 1 号',
  landline: '0371-67891234',
  handlerName: '李四',
  handlerIdNumber: '11010519491231002X',
  handlerMobile: '13812345678',
  realNameStatus: 'pending',
});

/** The customer's history lines on a device, in the server's order (the version it wrote them at). */
function historyOf(device: TestClient, customerId: string) {
  return [...device.store.values()]
    .filter((c) => c.entity === 'customerHistory' && c.data?.customerId === customerId)
    .sort((a, b) => a.version - b.version)
    .map((c) => ({ id: c.id, ...c.data }) as Record<string, unknown>);
}

function usernameOf(device: TestClient, userId: unknown): unknown {
  return device.record('user', String(userId))?.data?.username;
}

function displayNameOf(device: TestClient, userId: unknown): unknown {
  return device.record('user', String(userId))?.data?.displayName;
}

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('synced customer and application history', backend), () => {
    const client = seededServerClients(backend);

    it('a customer\'s history is written by the server and the same on every device of the office', async () => {
      const a = client('clerkA');
      const a2 = client('clerkA2');
      const m = client('managerA');
      const id = randomUUID();
      expect(await a.run('record.create', { entity: 'customer', id, data: customerData() })).toMatchObject({ status: 'applied' });
      const base = async (d: TestClient) => (await d.pullAll(), { baseVersion: d.record('customer', id)!.version });
      expect(await a2.run('record.update', { entity: 'customer', id, fields: { handlerMobile: '13912345678', handlerIdNumber: '440304200002291236' } }, await base(a2))).toMatchObject({ status: 'applied' });
      expect(await m.run('record.update', { entity: 'customer', id, fields: { realNameStatus: 'verified', verifiedAt: new Date().toISOString(), verifiedBy: null } }, await base(m))).toMatchObject({ status: 'applied' });
      // an edit that changes nothing and a refused edit write no line
      expect(await a.run('record.update', { entity: 'customer', id, fields: { handlerMobile: '13912345678' } }, await base(a))).toMatchObject({ status: 'applied' });
      expect(await a.run('record.update', { entity: 'customer', id, fields: { handlerMobile: 'x' } })).toMatchObject({ status: 'rejected' });

      const devices = [a, a2, m, client('agentA')];
      for (const d of devices) await d.pullAll();
      const lines = historyOf(m, id);
      expect(lines.map((l) => [l.field, l.oldValue, l.newValue])).toEqual([
        ['created', null, '郑州市某某科技有限公司'],
        ['handlerMobile', '13812345678', '13912345678'],
        // ID numbers are masked in history, as the renderer shows them
        ['handlerIdNumber', expect.not.stringContaining('19491231'), expect.not.stringContaining('20000229')],
        ['realNameStatus', '待核验', '已核验'],
      ]);
      // who: the authenticated caller of each mutation, by the name the office knows
      const rec = m.record('customer', id)!.data!;
      expect(lines[0]!.userId).toBe(rec.createdBy);
      expect(lines.map((l) => usernameOf(m, l.userId))).toEqual([
        expect.stringMatching(/^clerkA_/),
        expect.stringMatching(/^clerkA2_/),
        expect.stringMatching(/^clerkA2_/),
        expect.stringMatching(/^managerA_/),
      ]);
      expect(lines[1]!.userName).toBe(displayNameOf(m, lines[1]!.userId));
      // when: the server's clock, the same instant it stamped the record with
      expect(lines[0]!.at).toBe(rec.createdAt);
      expect(lines.map((l) => l.at)).toEqual([...lines.map((l) => l.at as string)].sort());
      // every device holds the same lines (a field agent too: it may read customers)
      for (const d of devices) expect(historyOf(d, id)).toEqual(lines);
      // nobody writes history lines but the server
      expect(await a.run('record.create', { entity: 'customerHistory', id: randomUUID(), data: { customerId: id, field: 'name', newValue: '伪造' } })).toMatchObject({ status: 'rejected', reason: { code: 'FORBIDDEN' } });
      expect(await m.run('record.update', { entity: 'customerHistory', id: String(lines[0]!.id), fields: { newValue: '伪造' } })).toMatchObject({ status: 'rejected', reason: { code: 'FORBIDDEN' } });
      // another office sees none of it
      const b = client('clerkB');
      await b.pullAll();
      expect([...b.store.values()].some((c) => c.entity === 'customerHistory')).toBe(false);
    });

    it('a custom conflict resolution is a line of history too', async () => {
      const a = client('clerkA');
      const b = client('clerkA2');
      const id = randomUUID();
      await a.run('record.create', { entity: 'customer', id, data: customerData() });
      await a.pullAll();
      const base = a.record('customer', id)!.version;
      await a.run('record.update', { entity: 'customer', id, fields: { address: '甲地址 1 号' } }, { baseVersion: base });
      const clash = await b.run('record.update', { entity: 'customer', id, fields: { address: '乙地址 2 号' } }, { baseVersion: base });
      expect(clash.status).toBe('conflict');
      expect(await b.run('conflict.resolve', { conflictId: clash.conflicts![0], choose: 'custom', value: '丙地址 3 号' })).toMatchObject({ status: 'applied' });
      await b.pullAll();
      expect(historyOf(b, id).map((l) => [l.field, l.oldValue, l.newValue])).toEqual([
        ['created', null, '郑州市某某科技有限公司'],
        ['address', '郑州市金水区花园路 1 号', '甲地址 1 号'],
        ['address', '甲地址 1 号', '丙地址 3 号'],
      ]);
    });

    it('an application\'s steps are the server\'s: created, edited and stepped on different devices, the same on all', async () => {
      const clerk = client('clerkA');
      const manager = client('managerA');
      const id = randomUUID();
      // steps are the server's to write: a client that sends its own is refused, naming the field
      expect(await clerk.run('record.create', { entity: 'application', id, data: { no: 'SQ-H', kind: 'new', steps: [{ event: 'approve' }] } })).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGS', field: 'steps' } });
      expect(await clerk.run('record.create', { entity: 'application', id, data: { no: 'SQ-H', kind: 'new' } })).toMatchObject({ status: 'applied' });
      expect(await clerk.run('record.update', { entity: 'application', id, fields: { features: ['ivr'] } })).toMatchObject({ status: 'applied' });
      expect(await clerk.run('application.step', { id, event: 'submit' })).toMatchObject({ status: 'applied' });
      expect(await manager.run('application.step', { id, event: 'reject', reason: '资料不全' })).toMatchObject({ status: 'applied' });
      expect(await clerk.run('application.step', { id, event: 'revise' })).toMatchObject({ status: 'applied' });
      // a refused step writes nothing
      expect(await clerk.run('application.step', { id, event: 'approve' })).toMatchObject({ status: 'rejected' });
      const devices = [clerk, manager, client('agentA')];
      for (const d of devices) await d.pullAll();
      const steps = manager.record('application', id)!.data!.steps as Record<string, unknown>[];
      expect(steps.map((s) => [s.event, s.from, s.to, s.note])).toEqual([
        ['create', null, 'draft', ''],
        ['edit', 'draft', 'draft', ''],
        ['submit', 'draft', 'submitted', ''],
        ['reject', 'submitted', 'rejected', '资料不全'],
        ['revise', 'rejected', 'draft', ''],
      ]);
      const lastBy = manager.record('application', id)!.data!.updatedBy;
      expect(steps[3]!.userId).not.toBe(steps[2]!.userId);
      expect(steps.filter((s) => s.userId === steps[0]!.userId).map((s) => s.event)).toEqual(['create', 'edit', 'submit', 'revise']);
      expect(steps[4]!.userId).toBe(lastBy);
      expect(steps[3]!.userName).toBe(displayNameOf(manager, steps[3]!.userId));
      expect(steps.map((s) => s.at)).toEqual([...steps.map((s) => s.at as string)].sort());
      for (const d of devices) expect(d.record('application', id)!.data!.steps).toEqual(steps);
    });
  });
}
