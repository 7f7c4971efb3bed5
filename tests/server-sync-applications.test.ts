// Application status steps over sync (application.step): the server re-runs the office's flow against its own copy,
// checks the role for approval, stays inside the office, and another device pulls the result.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { seededServerClients, suiteTitle, testBackends } from './server-harness';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('sync application steps', backend), () => {
    const client = seededServerClients(backend);

    async function draft() {
      const id = randomUUID();
      expect((await client('clerkA').run('record.create', { entity: 'application', id, data: { no: 'SQ-1', kind: 'new' } })).status).toBe('applied');
      return id;
    }
    const step = (who: string, id: string, event: string, extra: Record<string, unknown> = {}) => client(who).run('application.step', { id, event, ...extra });

    it('walks the whole flow to active; another device pulls each recorded date', async () => {
      const id = await draft();
      expect(await step('clerkA', id, 'submit')).toMatchObject({ status: 'applied', result: { from: 'draft', to: 'submitted' } });
      expect(await step('managerA', id, 'approve')).toMatchObject({ status: 'applied', result: { to: 'approved' } });
      expect(await step('managerA', id, 'signContract', { changes: { contractSignedOn: '2026-11-02', status: 'active' } })).toMatchObject({ status: 'applied', result: { to: 'contract_signed' } });
      expect(await step('clerkA', id, 'sendToCarrier', { changes: { sentToCarrierOn: '2026-11-03' } })).toMatchObject({ result: { to: 'sent_to_carrier' } });
      expect(await step('clerkA', id, 'receiveCompletion', { changes: { completionReceivedOn: '2026-11-10', openedOn: '2026-11-09' } })).toMatchObject({ result: { to: 'completion_received' } });
      expect(await step('clerkA', id, 'activate')).toMatchObject({ status: 'applied', result: { from: 'completion_received', to: 'active' } });
      const other = client('clerkA2');
      await other.pullAll();
      // a status smuggled in `changes` is ignored: only the flow decides it
      expect(other.record('application', id)!.data).toMatchObject({ status: 'active', contractSignedOn: '2026-11-02', sentToCarrierOn: '2026-11-03', openedOn: '2026-11-09' });
    });

    it('approval and rejection at approval are managers\' decisions', async () => {
      const id = await draft();
      await step('clerkA', id, 'submit');
      expect((await step('clerkA', id, 'approve')).reason?.code).toBe('FORBIDDEN');
      expect((await step('agentA', id, 'reject', { reason: '资料不全' })).reason?.code).toBe('FORBIDDEN');
      expect(await step('managerA', id, 'reject', { reason: '资料不全' })).toMatchObject({ status: 'applied', result: { to: 'rejected' } });
      const other = client('clerkA2');
      await other.pullAll();
      expect(other.record('application', id)!.data).toMatchObject({ status: 'rejected', rejectedAt: 'submitted', rejectionReason: '资料不全' });
      expect(await step('clerkA', id, 'revise')).toMatchObject({ status: 'applied', result: { to: 'draft' } });
    });

    it('refuses a step from a status the server no longer has, and a reject or cancel without a reason', async () => {
      const id = await draft();
      const stale = await step('managerA', id, 'approve');
      expect(stale.reason).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
      expect(stale.reason?.message ?? JSON.stringify(stale.reason)).toContain('草稿');
      expect((await step('clerkA', id, 'cancel', { reason: '  ' })).reason).toMatchObject({ code: 'INVALID_TRANSITION', field: 'reason' });
      expect(await step('clerkA', id, 'cancel', { reason: '客户放弃' })).toMatchObject({ status: 'applied', result: { to: 'cancelled' } });
      expect((await step('clerkA', id, 'submit')).reason?.code).toBe('INVALID_TRANSITION');
    });

    it('stays inside the office: another office cannot step the form', async () => {
      const id = await draft();
      expect((await step('managerB', id, 'cancel', { reason: '越权' })).reason?.code).toBe('NOT_FOUND');
    });

    it('opens the account of an activated form from the server\'s form, once; a change form replaces the package', async () => {
      const id = randomUUID();
      const customerId = randomUUID();
      await client('clerkA').run('record.create', { entity: 'application', id, data: { no: 'SQ-2', kind: 'new', customerId, numberDigits: '4008123456', packageId: 'p1' } });
      const accountId = randomUUID();
      expect((await client('clerkA').run('account.open', { id: accountId, applicationId: id, data: { no: 'ZH1' } })).reason?.code).toBe('INVALID_TRANSITION');
      await step('clerkA', id, 'submit');
      await step('managerA', id, 'approve');
      await step('managerA', id, 'signContract');
      await step('clerkA', id, 'sendToCarrier');
      await step('clerkA', id, 'receiveCompletion', { changes: { openedOn: '2026-11-09' } });
      expect(await client('clerkA').run('account.open', { id: accountId, applicationId: id, data: { no: 'ZH1', customerId: 'forged' } })).toMatchObject({ status: 'applied' });
      expect((await client('clerkA').run('account.open', { id: randomUUID(), applicationId: id, data: {} })).reason?.code).toBe('ALREADY_EXISTS');
      const other = client('clerkA2');
      await other.pullAll();
      expect(other.record('account', accountId)!.data).toMatchObject({ status: 'active', balanceFen: 0, customerId, numberDigits: '4008123456', packageId: 'p1', openedOn: '2026-11-09', no: 'ZH1' });
      const change = randomUUID();
      await client('clerkA').run('record.create', { entity: 'application', id: change, data: { no: 'SQ-3', kind: 'change', accountId, packageId: 'p2', features: ['ivr'] } });
      expect(await client('clerkA').run('account.applyChange', { id: accountId, applicationId: change })).toMatchObject({ status: 'applied' });
      expect((await client('clerkA').run('account.applyChange', { id: randomUUID(), applicationId: change })).reason?.code).toBe('INVALID_ARGS');
      await other.pullAll();
      expect(other.record('account', accountId)!.data).toMatchObject({ packageId: 'p2', features: ['ivr'] });
      expect((await client('managerB').run('account.applyChange', { id: accountId, applicationId: change })).reason?.code).toBe('NOT_FOUND');
    });
  });
}
