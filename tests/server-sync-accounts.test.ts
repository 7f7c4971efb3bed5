// Account lifecycle commands (and contract print/void) over sync: the server re-runs the shared state machine against its
// own copy, checks the role, stays inside the office and replays a repeated mutation.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { seededServerClients, suiteTitle, testBackends } from './server-harness';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('sync account lifecycle', backend), () => {
    const client = seededServerClients(backend);

    async function activeAccount(customerId = randomUUID()) {
      const clerk = client('clerkA');
      const id = randomUUID();
      await clerk.run('record.create', { entity: 'customer', id: customerId, data: { name: '郑州甲公司' } });
      expect((await clerk.run('record.create', { entity: 'account', id, data: { customerId, status: 'active', stateSince: '2026-01-05' } })).status).toBe('applied');
      return { id, customerId };
    }

    it('suspends, resumes, terminates for violation and closes; another device pulls each state', async () => {
      const { id } = await activeAccount();
      const m = client('managerA');
      expect(await m.run('account.suspend', { id, reason: '欠费' })).toMatchObject({ status: 'applied', result: { from: 'active', to: 'suspended' } });
      const other = client('clerkA2');
      await other.pullAll();
      expect(other.record('account', id)!.data).toMatchObject({ status: 'suspended', statusReason: '欠费', stateSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(await m.run('account.resume', { id, reason: '已缴清' })).toMatchObject({ status: 'applied', result: { to: 'active' } });
      expect(await m.run('account.terminate', { id, reason: '违规使用', ground: 'violation' })).toMatchObject({ status: 'applied', result: { to: 'terminated' } });
      expect(await m.run('account.close', { id, reason: '销户' })).toMatchObject({ status: 'applied', result: { from: 'terminated', to: 'closed' } });
      await other.pullAll();
      expect(other.record('account', id)!.data).toMatchObject({ status: 'closed', statusReason: '销户', terminationGround: 'violation' });
    });

    it('refuses a step the server state does not allow, naming the state machine reason', async () => {
      const { id } = await activeAccount();
      const m = client('managerA');
      expect((await m.run('account.resume', { id, reason: '恢复' })).reason?.code).toBe('INVALID_TRANSITION');
      await m.run('account.suspend', { id, reason: '欠费' });
      // suspended today: the suspension-to-termination period has not passed on the server's clock
      const early = await m.run('account.terminate', { id, reason: '暂停后未缴费' });
      expect(early.reason).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
      expect(early.reason!.message).toContain('暂停未满');
      expect((await m.run('account.suspend', { id, reason: '重复' })).reason?.code).toBe('INVALID_TRANSITION');
      expect((await m.run('account.suspend', { id, reason: '   ' })).reason?.code).toBe('INVALID_ARGS');
    });

    it('is a manager act, scoped to the office, and replays instead of applying twice', async () => {
      const { id } = await activeAccount();
      expect((await client('clerkA').run('account.suspend', { id, reason: '欠费' })).reason?.code).toBe('FORBIDDEN');
      expect((await client('agentA').run('account.transfer', { id, toCustomerId: randomUUID(), reason: '过户' })).reason?.code).toBe('FORBIDDEN');
      expect((await client('managerB').run('account.suspend', { id, reason: '欠费' })).reason?.code).toBe('ACCOUNT_NOT_FOUND');
      const m = client('managerA');
      const suspend = m.mutation('account.suspend', { id, reason: '欠费' });
      const first = await m.push([suspend]);
      const again = await m.push([suspend]);
      expect(first.body.results[0]).toMatchObject({ status: 'applied', replayed: false });
      expect(again.body.results[0]).toMatchObject({ status: 'applied', replayed: true, result: { from: 'active', to: 'suspended' } });
      await m.pullAll();
      expect(m.record('account', id)!.data!.status).toBe('suspended');
    });

    it('transfers an account to another customer of the office only', async () => {
      const { id, customerId } = await activeAccount();
      const m = client('managerA');
      const to = randomUUID();
      await client('clerkA').run('record.create', { entity: 'customer', id: to, data: { name: '郑州乙公司' } });
      expect((await m.run('account.transfer', { id, toCustomerId: customerId, reason: '过户' })).reason?.code).toBe('INVALID_ARGS');
      expect((await m.run('account.transfer', { id, toCustomerId: randomUUID(), reason: '过户' })).reason).toMatchObject({ code: 'NOT_FOUND', field: 'toCustomerId' });
      const otherOffice = randomUUID();
      await client('clerkB').run('record.create', { entity: 'customer', id: otherOffice, data: { name: '上海丙公司' } });
      expect((await m.run('account.transfer', { id, toCustomerId: otherOffice, reason: '过户' })).reason?.code).toBe('NOT_FOUND');
      expect(await m.run('account.transfer', { id, toCustomerId: to, reason: '公司更名过户' })).toMatchObject({ status: 'applied', result: { fromCustomerId: customerId, toCustomerId: to } });
      await m.pullAll();
      expect(m.record('account', id)!.data).toMatchObject({ customerId: to, status: 'active' });
    });

    it('contracts: printing fixes the text, a printed contract is signed, voiding is a manager act', async () => {
      const clerk = client('clerkA');
      const m = client('managerA');
      const printed = randomUUID();
      await clerk.run('record.create', { entity: 'contract', id: printed, data: { amountFen: 600_714 } });
      expect((await clerk.run('record.transition', { entity: 'contract', id: printed, to: 'printed' })).status).toBe('applied');
      expect((await m.run('contract.sign', { contractId: printed })).status).toBe('applied');
      const voided = randomUUID();
      await clerk.run('record.create', { entity: 'contract', id: voided, data: { amountFen: 1 } });
      await clerk.run('record.transition', { entity: 'contract', id: voided, to: 'printed' });
      expect((await clerk.run('record.transition', { entity: 'contract', id: voided, to: 'void' })).reason?.code).toBe('FORBIDDEN');
      expect((await m.run('record.transition', { entity: 'contract', id: voided, to: 'void' })).status).toBe('applied');
      expect((await m.run('record.transition', { entity: 'contract', id: voided, to: 'printed' })).reason?.code).toBe('INVALID_TRANSITION');
      expect((await m.run('contract.sign', { contractId: voided })).reason?.code).toBe('INVALID_TRANSITION');
      await clerk.pullAll();
      expect(clerk.record('contract', printed)!.data!.status).toBe('signed');
      expect(clerk.record('contract', voided)!.data!.status).toBe('void');
    });

    it('numbers.add: a manager adds numbers to the pool, all or nothing, refusing duplicates', async () => {
      const m = client('managerA');
      const base = 4008_000_000 + Math.floor(Math.random() * 99_000) * 10; // stays inside the 4008 segment
      const a = String(base + 1);
      const b = String(base + 2);
      expect((await client('clerkA').run('numbers.add', { numbers: [a] })).reason?.code).toBe('FORBIDDEN');
      expect((await m.run('numbers.add', { numbers: [a, '4002123456'] })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'numbers' });
      expect((await m.run('numbers.add', { numbers: [a, `${a.slice(0, 3)}-${a.slice(3, 6)}-${a.slice(6)}`] })).reason?.code).toBe('ALREADY_EXISTS');
      expect(await m.run('numbers.add', { numbers: [a, b], source: '号段' })).toMatchObject({ status: 'applied', result: { added: 2 } });
      const c = String(base + 3);
      expect((await client('managerB').run('numbers.add', { numbers: [c, b] })).reason?.code).toBe('ALREADY_EXISTS');
      const other = client('clerkA2');
      await other.pullAll();
      expect(other.record('hotlineNumber', a)!.data).toMatchObject({ status: 'available' });
      expect(other.record('hotlineNumber', c)).toBeUndefined();
      const bOffice = client('managerB');
      await bOffice.pullAll();
      expect(bOffice.record('hotlineNumber', c)).toBeUndefined();
    });
  });
}
