// The number lifecycle over sync (number.step, number.holdForApplication): the server re-runs the shared number state
// machine on ITS state of the number with the office's settings, checks the role per step, stays inside the office,
// never gives one number to two customers, and replays a repeated mutation instead of applying it twice.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { seededServerClients, suiteTitle, testBackends, type TestClient } from './server-harness';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();
let next = 4008_100_000;
/** a number no other test of the file uses (every file has a database of its own) */
const freshNumber = () => String(next++);

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('sync number lifecycle', backend), () => {
    const client = seededServerClients(backend);

    async function customer(who = 'clerkA') {
      const id = randomUUID();
      expect((await client(who).run('record.create', { entity: 'customer', id, data: { name: '郑州甲公司' } })).status).toBe('applied');
      return id;
    }

    /** a number of the office's pool in service for a new customer */
    async function activeNumber(manager = 'managerA', clerk = 'clerkA') {
      const number = freshNumber();
      expect((await client(manager).run('numbers.add', { numbers: [number] })).status).toBe('applied');
      const customerId = await customer(clerk);
      expect((await client(clerk).run('number.allocate', { number, customerId })).status).toBe('applied');
      return { number, customerId };
    }

    const statusOn = async (c: TestClient, number: string) => {
      await c.pullAll();
      return c.record('hotlineNumber', number)!.data as Record<string, unknown>;
    };

    it('suspends, resumes, freezes, unfreezes, reclaims and cools a number; another device pulls each state', async () => {
      const { number } = await activeNumber();
      const m = client('managerA');
      const other = client('clerkA2');
      expect(await m.run('number.step', { number, event: 'suspend', reason: '欠费' })).toMatchObject({ status: 'applied', result: { from: 'active', to: 'suspended' } });
      expect(await statusOn(other, number)).toMatchObject({ status: 'suspended' });
      for (const [event, to] of [['resume', 'active'], ['freeze', 'frozen'], ['unfreeze', 'active'], ['reclaim', 'reclaimed']] as const) {
        expect(await m.run('number.step', { number, event })).toMatchObject({ status: 'applied', result: { to } });
      }
      const cooling = await m.run('number.step', { number, event: 'startCooling', reason: '终止后冷冻' });
      expect(cooling).toMatchObject({ status: 'applied', result: { from: 'reclaimed', to: 'cooling' } });
      // the default cooling period (90 days) on the server's clock
      const until = Date.parse((cooling.result as { holdUntil: string }).holdUntil);
      expect(Math.round((until - Date.now()) / 86_400_000)).toBe(90);
      const pulled = await statusOn(other, number);
      expect(pulled).toMatchObject({ status: 'cooling' });
      expect(Date.parse(String(pulled.holdUntil))).toBe(until);
      // too early to end the cooling period: the state machine's reason (4008 contract 7.3)
      const early = await client('clerkA').run('number.step', { number, event: 'endCooling' });
      expect(early.reason).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
      expect(early.reason!.message).toContain('冷冻期');
      // the number is not free while it cools: nobody can take it
      expect((await client('clerkA').run('number.allocate', { number, customerId: await customer() })).reason?.code).toBe('NUMBER_UNAVAILABLE');
    });

    it('uses the office\'s cooling period: with 0 days any device\'s sweep ends it, the next sweep finds it done', async () => {
      // office B: its own settings do not touch office A's tests
      expect((await client('managerB').run('office.update', { settings: { coolingDays: 0 } })).status).toBe('applied');
      const { number } = await activeNumber('managerB', 'clerkB');
      const m = client('managerB');
      await m.run('number.step', { number, event: 'reclaim', reason: '终止' });
      const cooling = await m.run('number.step', { number, event: 'startCooling' });
      expect(Date.parse((cooling.result as { holdUntil: string }).holdUntil)).toBeLessThan(Date.now() + 3_600_000);
      // endCooling is housekeeping every device's sweeper does: a clerk's device is not refused
      expect(await client('clerkB').run('number.step', { number, event: 'endCooling', reason: '冷冻期满' })).toMatchObject({ status: 'applied', result: { from: 'cooling', to: 'available' } });
      expect(await client('clerkB').run('number.step', { number, event: 'endCooling' })).toMatchObject({ status: 'applied', result: { alreadyDone: true } });
      expect(await statusOn(client('managerB'), number)).toMatchObject({ status: 'available', customerId: null, holdUntil: null });
      // free again: it can be sold to someone else
      expect((await client('clerkB').run('number.allocate', { number, customerId: await customer('clerkB') })).status).toBe('applied');
    });

    it('refuses the wrong role, the wrong state and another office\'s number; a replay changes nothing', async () => {
      const { number } = await activeNumber();
      expect((await client('clerkA').run('number.step', { number, event: 'suspend', reason: '欠费' })).reason?.code).toBe('FORBIDDEN');
      expect((await client('agentA').run('number.step', { number, event: 'reclaim' })).reason?.code).toBe('FORBIDDEN');
      const m = client('managerA');
      const wrong = await m.run('number.step', { number, event: 'resume' });
      expect(wrong.reason).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
      expect((await m.run('number.step', { number, event: 'startCooling' })).reason?.code).toBe('INVALID_TRANSITION');
      expect((await client('managerB').run('number.step', { number, event: 'suspend' })).reason).toMatchObject({ code: 'NOT_FOUND', field: 'number' });
      expect((await m.run('number.step', { number: '4008999999', event: 'suspend' })).reason?.code).toBe('NOT_FOUND');
      expect((await m.run('number.step', { number, event: 'reserve' })).reason?.code).toBe('INVALID_ARGS');
      const suspend = m.mutation('number.step', { number, event: 'suspend', reason: '欠费' });
      const first = await m.push([suspend]);
      const again = await m.push([suspend]);
      expect(first.body.results[0]).toMatchObject({ status: 'applied', replayed: false, result: { from: 'active', to: 'suspended' } });
      expect(again.body.results[0]).toMatchObject({ status: 'applied', replayed: true, result: { from: 'active', to: 'suspended' } });
      // applied once: a second, new suspend is refused by the state machine
      expect((await m.run('number.step', { number, event: 'suspend' })).reason?.code).toBe('INVALID_TRANSITION');
      expect(await statusOn(m, number)).toMatchObject({ status: 'suspended' });
    });

    it('holds a reserved number for a submitted form: the hold stops running out', async () => {
      const number = freshNumber();
      await client('managerA').run('numbers.add', { numbers: [number] });
      const customerId = await customer();
      const clerk = client('clerkA');
      expect((await clerk.run('number.reserve', { number, customerId })).status).toBe('applied');
      expect((await statusOn(clerk, number)).holdUntil).toEqual(expect.any(String));
      const applicationId = randomUUID();
      const hold = clerk.mutation('number.holdForApplication', { number, customerId, applicationId, applicationNo: 'SQ-1' });
      expect((await clerk.push([hold])).body.results[0]).toMatchObject({ status: 'applied', result: { held: true } });
      expect((await clerk.push([hold])).body.results[0]).toMatchObject({ status: 'applied', replayed: true });
      expect(await statusOn(client('clerkA2'), number)).toMatchObject({ status: 'reserved', customerId, applicationId, holdUntil: null });
      // the same form again (another device's copy): nothing more to do
      expect(await clerk.run('number.holdForApplication', { number, customerId, applicationId })).toMatchObject({ status: 'applied', result: { alreadyHeld: true } });
      // the customer's own sale still goes through
      expect((await clerk.run('number.allocate', { number, customerId, applicationId })).status).toBe('applied');
    });

    it('never holds one number for two customers; reserves a free number for the form; stays in the office', async () => {
      const number = freshNumber();
      await client('managerA').run('numbers.add', { numbers: [number] });
      const first = await customer();
      const second = await customer();
      const clerk = client('clerkA');
      // a free number is reserved for the form on the way
      expect(await clerk.run('number.holdForApplication', { number, customerId: first, applicationNo: 'SQ-2' })).toMatchObject({ status: 'applied', result: { reservedNow: true } });
      const taken = await client('clerkA2').run('number.holdForApplication', { number, customerId: second, applicationNo: 'SQ-3' });
      expect(taken.reason).toMatchObject({ code: 'NUMBER_UNAVAILABLE', field: 'number' });
      expect(taken.reason!.message).toContain('其他客户');
      expect((await client('clerkA2').run('number.allocate', { number, customerId: second })).reason?.code).toBe('NUMBER_UNAVAILABLE');
      // a number in service is not held for anyone
      const { number: sold } = await activeNumber();
      expect((await clerk.run('number.holdForApplication', { number: sold, customerId: second })).reason?.code).toBe('NUMBER_UNAVAILABLE');
      // another office's number, or a customer of another office
      const customerB = await customer('clerkB');
      expect((await client('clerkB').run('number.holdForApplication', { number, customerId: customerB })).reason?.code).toBe('NOT_FOUND');
      expect((await clerk.run('number.holdForApplication', { number, customerId: customerB })).reason).toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
      expect(await statusOn(clerk, number)).toMatchObject({ status: 'reserved', customerId: first, holdUntil: null });
    });
  });
}
