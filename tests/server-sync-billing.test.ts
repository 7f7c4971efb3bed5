// Billing acts queued offline and pushed as sync commands (docs/billing.md, "Sync"): a manager's
// adjustment and reversal of ledger entries, the reversal of an automatic suspension, the billing
// settings and call-record disputes — re-executed against the server's ledger in the push
// transaction, manager-only, inside the office, idempotent; the action log, disputes and settings
// reach other devices through the change log. PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { http, seededServer, suiteTitle, testBackends } from './server-harness';
import { addDays, formatMessage } from '../shared/domain/index';
import { ensureCallMonth } from '../server/src/billing/callPartitions';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('billing commands over sync', backend), () => {
    const server = seededServer(backend, { poolSize: 10 });
    const client = server.client;
    const rest = (who: string, method: string, path: string, json?: unknown) => http(server.url, method, `/v1/offices/${server.fx.users[who]!.office}/billing${path}`, { token: server.token(who), json });
    const ledger = async (accountId: string) =>
      (await rest('managerA', 'GET', `/accounts/${accountId}/ledger`)).body as { balanceFen: number; state: string; today: string; entries: { id: string; kind: string; amountFen: number; reverses: string | null; approvedBy: string | null }[] };

    async function account(): Promise<string> {
      const m = client('managerA');
      const customerId = randomUUID();
      const id = randomUUID();
      await m.run('record.create', { entity: 'customer', id: customerId, data: { name: '郑州计费测试有限公司' } });
      expect((await m.run('record.create', { entity: 'account', id, data: { no: `ACC-${id.slice(0, 6)}`, customerId, status: 'active', stateSince: '2026-01-05', openedOn: '2026-01-05', monthlyMinimumFen: 10_000 } })).status).toBe('applied');
      return id;
    }

    it('an adjustment by a manager is booked with the manager as approver; a clerk is refused; another device pulls entry and balance', async () => {
      const accountId = await account();
      const clerk = await client('clerkA').run('ledger.adjust', { id: randomUUID(), accountId, amountFen: 500, reason: '补偿' });
      expect(clerk).toMatchObject({ status: 'rejected', reason: { code: 'FORBIDDEN' } });
      const id = randomUUID();
      const r = await client('managerA').run('ledger.adjust', { id, accountId, amountFen: -1_250, reason: '补收工本费' });
      expect(r).toMatchObject({ status: 'applied', result: { ledgerEntryId: id, accountId, balanceFen: -1_250 } });
      const l = await ledger(accountId);
      expect(l.entries).toEqual([expect.objectContaining({ id, kind: 'adjustment', amountFen: -1_250, approvedBy: server.fx.users.managerA!.id })]);
      const other = client('clerkA2');
      await other.pullAll();
      expect(other.record('ledgerEntry', id)?.data).toMatchObject({ kind: 'adjustment', amountFen: -1_250, reason: '补收工本费' });
      expect(other.record('account', accountId)?.data?.balanceFen).toBe(-1_250);
      // refusals name the field, in both languages
      const zero = await client('managerA').run('ledger.adjust', { id: randomUUID(), accountId, amountFen: 0, reason: 'x' });
      expect(zero).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGS', field: 'amountFen' } });
      expect(zero.reason!.message).toContain('调账金额：不能为零');
      const blank = await client('managerA').run('ledger.adjust', { id: randomUUID(), accountId, amountFen: 100, reason: '  ' });
      expect(blank.reason).toMatchObject({ code: 'INVALID_ARGS', field: 'reason' });
    });

    it('a replayed adjustment or reversal changes nothing; the same entry id under another mutation is the same entry', async () => {
      const accountId = await account();
      const m = client('managerA');
      const id = randomUUID();
      const adjust = m.mutation('ledger.adjust', { id, accountId, amountFen: 800, reason: '服务中断补偿' });
      expect((await m.push([adjust])).body.results[0]).toMatchObject({ status: 'applied', replayed: false });
      expect((await m.push([adjust])).body.results[0]).toMatchObject({ status: 'applied', replayed: true, result: { balanceFen: 800 } });
      // a device that lost its outbox answer and queued the act again with a new mutation id
      expect(await m.run('ledger.adjust', { id, accountId, amountFen: 800, reason: '服务中断补偿' })).toMatchObject({ status: 'applied', result: { balanceFen: 800 } });
      expect((await m.run('ledger.adjust', { id, accountId, amountFen: 900, reason: '另一笔' })).reason).toMatchObject({ code: 'ALREADY_EXISTS', field: 'id' });
      const revId = randomUUID();
      const reverse = m.mutation('ledger.reverse', { id: revId, entryId: id, reason: '补偿重复' });
      expect((await m.push([reverse])).body.results[0]).toMatchObject({ status: 'applied', result: { ledgerEntryId: revId, balanceFen: 0 } });
      expect((await m.push([reverse])).body.results[0]).toMatchObject({ status: 'applied', replayed: true });
      const twice = await m.run('ledger.reverse', { id: randomUUID(), entryId: id, reason: '再冲一次' });
      expect(twice.reason).toMatchObject({ code: 'INVALID_TRANSITION', field: 'entryId' });
      expect(twice.reason!.message).toContain('已经冲正过');
      // the catalog message travels, so the device words it in its own language
      expect(twice.reason).toMatchObject({ messageCode: 'billing.entryReversedServer', params: { id } });
      expect(formatMessage('billing.entryReversedServer', twice.reason!.params ?? {}, 'en')).toBe(`Ledger entry ${id} was already reversed.`);
      expect((await m.run('ledger.reverse', { id: randomUUID(), entryId: revId, reason: 'x' })).reason?.code).toBe('INVALID_TRANSITION');
      const l = await ledger(accountId);
      expect(l.entries.map((e) => [e.kind, e.amountFen])).toEqual([['adjustment', 800], ['reversal', -800]]);
      expect(l.balanceFen).toBe(0);
    });

    it("another office's account, entry and action are not found", async () => {
      const accountId = await account();
      const id = randomUUID();
      await client('managerA').run('ledger.adjust', { id, accountId, amountFen: 100, reason: '补偿' });
      expect((await client('managerB').run('ledger.adjust', { id: randomUUID(), accountId, amountFen: 100, reason: '补偿' })).reason).toMatchObject({ code: 'ACCOUNT_NOT_FOUND', field: 'accountId' });
      expect((await client('managerB').run('ledger.reverse', { id: randomUUID(), entryId: id, reason: '误收' })).reason?.code).toBe('NOT_FOUND');
      // pushed as office A by a manager of B: not the caller's office
      expect((await client('managerB').run('ledger.adjust', { id: randomUUID(), accountId, amountFen: 100, reason: '补偿' }, { officeId: server.fx.officeA })).reason?.code).toBe('FORBIDDEN');
      expect((await ledger(accountId)).entries).toHaveLength(1);
    });

    it('reversing an automatic suspension resumes the account, is logged, and every device pulls the log', async () => {
      const accountId = await account();
      const m = client('managerA');
      await m.run('ledger.adjust', { id: randomUUID(), accountId, amountFen: -5_000, reason: '补收月费' });
      const today = (await ledger(accountId)).today;
      // the charge is due today: tomorrow the collections job finds it overdue and suspends the account
      const run = await rest('managerA', 'POST', '/collections', { date: addDays(today, 1) });
      const suspend = (run.body.actions as { accountId: string; action: string; actionId: string }[]).find((a) => a.accountId === accountId && a.action === 'suspend');
      expect(suspend).toBeDefined();
      const device = client('clerkA2');
      await device.pullAll();
      expect(device.record('billingAction', suspend!.actionId)?.data).toMatchObject({ accountId, action: 'suspend', automatic: true, reversedAt: null });
      expect(device.record('account', accountId)?.data?.status).toBe('suspended');

      expect((await client('clerkA').run('billingAction.reverse', { actionId: suspend!.actionId, reason: '客户已承诺缴费' })).reason?.code).toBe('FORBIDDEN');
      expect((await client('managerB').run('billingAction.reverse', { actionId: suspend!.actionId, reason: '客户已承诺缴费' })).reason?.code).toBe('NOT_FOUND');
      expect((await m.run('billingAction.reverse', { actionId: suspend!.actionId, reason: ' ' })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'reason' });
      const undo = m.mutation('billingAction.reverse', { actionId: suspend!.actionId, reason: '客户已承诺缴费' });
      expect((await m.push([undo])).body.results[0]).toMatchObject({ status: 'applied', result: { actionId: suspend!.actionId, accountId } });
      expect((await m.push([undo])).body.results[0]).toMatchObject({ status: 'applied', replayed: true });
      const again = await m.run('billingAction.reverse', { actionId: suspend!.actionId, reason: '再次' });
      expect(again.reason).toMatchObject({ code: 'INVALID_TRANSITION', field: 'actionId' });
      expect(again.reason!.messageEn).toContain('ALREADY_REVERSED');
      expect(again.reason).toMatchObject({ messageCode: 'billing.actionReversedServer', messageEn: 'This state change is not allowed from the current state: Automatic action: it was already reversed. (ALREADY_REVERSED)' });

      await device.pullAll();
      expect(device.record('account', accountId)?.data).toMatchObject({ status: 'active', statusReason: '经理撤销自动操作：客户已承诺缴费' });
      const logged = device.record('billingAction', suspend!.actionId)?.data;
      expect(logged).toMatchObject({ reversalReason: '客户已承诺缴费', reversedBy: server.fx.users.managerA!.id });
      expect(String(logged?.reversedAt)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      // the job leaves the account alone during the grace days
      const next = await rest('managerA', 'POST', '/collections', { date: addDays(today, 2) });
      expect((next.body.actions as { accountId: string }[]).filter((a) => a.accountId === accountId)).toEqual([]);
      // a field agent's device gets no money records
      const agent = client('agentA');
      await agent.pullAll();
      expect(agent.record('billingAction', suspend!.actionId)).toBeUndefined();
    });

    it('billing settings: a manager changes them by command, every device pulls the office record; a clerk and a bad value are refused', async () => {
      expect((await client('clerkA').run('billingSettings.update', { patch: { renewalFloorMonthlyMinimums: 3 } })).reason?.code).toBe('FORBIDDEN');
      const bad = await client('managerA').run('billingSettings.update', { patch: { renewalFloorMonthlyMinimums: 1.5 } });
      expect(bad.reason).toMatchObject({ code: 'INVALID_ARGS', field: 'patch.renewalFloorMonthlyMinimums' });
      expect((await client('managerA').run('billingSettings.update', { patch: {} })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'patch' });
      const ok = await client('managerA').run('billingSettings.update', { patch: { renewalFloorMonthlyMinimums: 3, lowBalanceMonths: 2 } });
      expect(ok).toMatchObject({ status: 'applied', result: { settings: { renewalFloorMonthlyMinimums: 3, lowBalanceMonths: 2, dueDayOfNextMonth: 15 } } });
      const device = client('clerkA2');
      await device.pullAll();
      expect(device.record('billingSettings', 'office')?.data).toMatchObject({ renewalFloorMonthlyMinimums: 3, lowBalanceMonths: 2 });
      // the record carries no zone of its own: devices read billing in the office's zone
      expect(device.record('billingSettings', 'office')?.data).not.toHaveProperty('timeZone');
      // nor the office's days to termination and cooling period
      expect(device.record('billingSettings', 'office')?.data).not.toHaveProperty('suspensionToTerminationDays');
      expect(device.record('billingSettings', 'office')?.data).not.toHaveProperty('coolingDays');
      expect((await rest('clerkA', 'GET', '/settings')).body).toMatchObject({ renewalFloorMonthlyMinimums: 3 });
      // office B is untouched
      expect((await rest('managerB', 'GET', '/settings')).body).toMatchObject({ renewalFloorMonthlyMinimums: 0 });
    });

    it("billing reads dates in the office's time zone: office.update moves the billing's office day; an older device's billing timeZone is taken and ignored", async () => {
      const m = client('managerA');
      const accountId = await account();
      // a day's whole width apart (UTC+14 and UTC−11): the two zones never share a date
      const dayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const todayIn = async (timeZone: string) => {
        const before = dayIn(timeZone);
        const today = (await ledger(accountId)).today;
        return [before, dayIn(timeZone)].includes(today);
      };
      try {
        expect((await rest('managerA', 'GET', '/settings')).body).toMatchObject({ timeZone: 'Asia/Shanghai' });
        expect((await m.run('office.update', { settings: { timeZone: 'Pacific/Kiritimati' } })).status).toBe('applied');
        expect((await rest('managerA', 'GET', '/settings')).body).toMatchObject({ timeZone: 'Pacific/Kiritimati' });
        expect(await todayIn('Pacific/Kiritimati')).toBe(true);
        expect((await m.run('office.update', { settings: { timeZone: 'Pacific/Pago_Pago' } })).status).toBe('applied');
        expect(await todayIn('Pacific/Pago_Pago')).toBe(true);
        expect(await todayIn('Pacific/Kiritimati')).toBe(false);
        // an older device still sends the billing timeZone it used to offer: applied, the zone stays the office's
        const old = await m.run('billingSettings.update', { patch: { timeZone: 'Asia/Urumqi' } });
        expect(old).toMatchObject({ status: 'applied', result: { settings: { timeZone: 'Pacific/Pago_Pago' } } });
        expect((await m.run('billingSettings.update', { patch: { timeZone: 'Asia/Urumqi', lowBalanceMonths: 2 } })).result).toMatchObject({ settings: { lowBalanceMonths: 2, timeZone: 'Pacific/Pago_Pago' } });
        // and one stored in the billing settings row before is ignored too
        await server.db.query(`UPDATE billing_settings SET settings = settings || '{"timeZone":"Asia/Urumqi"}'::jsonb WHERE office_id = $1`, [server.fx.users.managerA!.office]);
        expect((await rest('managerA', 'GET', '/settings')).body).toMatchObject({ timeZone: 'Pacific/Pago_Pago', lowBalanceMonths: 2 });
        expect(await todayIn('Pacific/Pago_Pago')).toBe(true);
        // office B keeps its own zone
        expect((await rest('managerB', 'GET', '/settings')).body).toMatchObject({ timeZone: 'Asia/Shanghai' });
      } finally {
        await m.run('office.update', { settings: { timeZone: 'Asia/Shanghai' } });
      }
    });

    it("billing takes the days to termination and the cooling period from the office's rules; an older device's billing keys for them are taken and ignored", async () => {
      const m = client('managerA');
      const office = server.fx.users.managerA!.office;
      try {
        expect((await rest('managerA', 'GET', '/settings')).body).toMatchObject({ suspensionToTerminationDays: 30, coolingDays: 90 });
        expect((await m.run('office.update', { settings: { suspensionToTerminationDays: 45, coolingDays: 120 } })).status).toBe('applied');
        expect((await rest('managerA', 'GET', '/settings')).body).toMatchObject({ suspensionToTerminationDays: 45, coolingDays: 120 });
        // an older device still sends them as billing settings: applied (not refused as empty), the office's stay
        const old = await m.run('billingSettings.update', { patch: { suspensionToTerminationDays: 10, coolingDays: 5 } });
        expect(old).toMatchObject({ status: 'applied', result: { settings: { suspensionToTerminationDays: 45, coolingDays: 120 } } });
        const mixed = await m.run('billingSettings.update', { patch: { coolingDays: 5, expiringWithinDays: 20 } });
        expect(mixed.result).toMatchObject({ settings: { expiringWithinDays: 20, coolingDays: 120 } });
        // a value an older device can no longer set is not checked either
        expect((await m.run('billingSettings.update', { patch: { suspensionToTerminationDays: -1 } })).status).toBe('applied');
        const stored = await server.db.query<{ settings: Record<string, unknown> }>('SELECT settings FROM billing_settings WHERE office_id = $1', [office]);
        expect(stored.rows[0]!.settings).not.toHaveProperty('coolingDays');
        expect(stored.rows[0]!.settings).not.toHaveProperty('suspensionToTerminationDays');
        // ones stored in the billing settings row before are ignored too
        await server.db.query(`UPDATE billing_settings SET settings = settings || '{"suspensionToTerminationDays": 1, "coolingDays": 5}'::jsonb WHERE office_id = $1`, [office]);
        expect((await rest('managerA', 'GET', '/settings')).body).toMatchObject({ suspensionToTerminationDays: 45, coolingDays: 120, expiringWithinDays: 20 });
        // office B keeps its own
        expect((await rest('managerB', 'GET', '/settings')).body).toMatchObject({ suspensionToTerminationDays: 30, coolingDays: 90 });
      } finally {
        await m.run('office.update', { settings: { suspensionToTerminationDays: 30, coolingDays: 90 } });
        await m.run('billingSettings.update', { patch: { expiringWithinDays: 30 } });
      }
    });

    it('a dispute is raised by staff within three months and decided by a manager; an upheld one credits the account', async () => {
      const digits = `4008${String(Date.now()).slice(-6)}`;
      const accountId = await account();
      // a call record of this account, as the import stores it (in its office month's partition)
      const month = (await server.db.query<{ m: string }>("SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m")).rows[0]!.m;
      await ensureCallMonth(server.db, server.fx.officeA, month);
      await server.db.query(
        `INSERT INTO call_records (office_id, carrier, carrier_record_id, account_id, hotline, caller, forwarded_to, start_at, end_at, duration_s, local_day, billable_minutes, tariff_fen, rated_fen, import_id)
         VALUES ($1, 'telecom', 'D1', $2, $3, '13800000001', '037167891234', now(), now(), 61, (now() AT TIME ZONE 'Asia/Shanghai')::date, 2, 20, 40, $4)`,
        [server.fx.officeA, accountId, digits, randomUUID()],
      );
      const id = randomUUID();
      expect((await client('agentA').run('dispute.raise', { id, carrier: 'telecom', carrierRecordId: 'D1', reason: '未拨打' })).reason?.code).toBe('FORBIDDEN');
      expect((await client('clerkA').run('dispute.raise', { id: randomUUID(), carrier: 'telecom', carrierRecordId: 'NOPE', reason: '未拨打' })).reason).toMatchObject({ code: 'NOT_FOUND', field: 'carrierRecordId' });
      expect(await client('clerkA').run('dispute.raise', { id, carrier: 'telecom', carrierRecordId: 'D1', reason: '未拨打' })).toMatchObject({ status: 'applied', result: { disputeId: id, accountId } });
      expect((await client('clerkA').run('dispute.resolve', { id, outcome: 'upheld', note: '确认', adjustmentFen: 40 })).reason?.code).toBe('FORBIDDEN');
      const adjustmentId = randomUUID();
      expect(await client('managerA').run('dispute.resolve', { id, outcome: 'upheld', note: '运营商确认重复计费', adjustmentFen: 40, adjustmentId })).toMatchObject({ status: 'applied', result: { status: 'upheld', ledgerEntryId: adjustmentId } });
      expect((await client('managerA').run('dispute.resolve', { id, outcome: 'rejected', note: '再议' })).reason?.code).toBe('INVALID_TRANSITION');
      const device = client('clerkA2');
      await device.pullAll();
      expect(device.record('callDispute', id)?.data).toMatchObject({ status: 'upheld', adjustmentFen: 40, ledgerEntryId: adjustmentId, accountId });
      expect(device.record('ledgerEntry', adjustmentId)?.data).toMatchObject({ kind: 'adjustment', amountFen: 40 });
    });
  });
}

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('migration 0005 publishes the billing rows stored before it', backend), () => {
    it('the action log, disputes and settings become records above the office counter, once', async () => {
      const { openDb, migrate, createScratchDatabase } = await import('../server/src/index');
      const { loadMigrations } = await import('../server/src/db/migrate');
      const { TEST_DATABASE_URL } = await import('./server-harness');
      const scratch = backend.kind === 'postgres' ? await createScratchDatabase(TEST_DATABASE_URL, `hotline_t_${process.pid}_${randomUUID().slice(0, 8)}`) : null;
      const db = await openDb(scratch ? { databaseUrl: scratch.url, poolSize: 2 } : {});
      try {
        const all = loadMigrations();
        await migrate(db, all.filter((m) => m.version < 5));
        const office = randomUUID();
        await db.query("INSERT INTO offices (id, name, prefix, change_seq) VALUES ($1, '迁移测试营业厅', $2, 40)", [office, `M${randomUUID().slice(0, 6)}`]);
        const action = randomUUID();
        await db.query(
          `INSERT INTO billing_actions (id, office_id, account_id, action, on_date, reason, automatic, details, reversed_at, reversal_reason)
           VALUES ($1, $2, 'acc-1', 'suspend', '2026-10-16', '逾期', true, '{"previousState":"active"}', '2026-10-17T02:03:04.567Z', '已承诺缴费')`,
          [action, office],
        );
        await db.query(`INSERT INTO billing_settings (office_id, settings) VALUES ($1, '{"renewalFloorMonthlyMinimums": 3}')`, [office]);
        const dispute = randomUUID();
        await db.query("INSERT INTO call_disputes (id, office_id, carrier, carrier_record_id, account_id, raised_on, reason) VALUES ($1, $2, 'telecom', 'T8', 'acc-1', '2026-10-20', '未拨打')", [dispute, office]);
        await migrate(db, all);
        const recs = await db.query<{ entity: string; id: string; version: string; data: Record<string, unknown> }>('SELECT entity, id, version, data FROM records WHERE office_id = $1 ORDER BY version', [office]);
        expect(recs.rows.map((r) => [r.entity, r.id, Number(r.version)])).toEqual([
          ['billingAction', action, 41],
          ['billingSettings', 'office', 42],
          ['callDispute', dispute, 43],
        ]);
        expect(recs.rows[0]!.data).toMatchObject({ accountId: 'acc-1', action: 'suspend', onDate: '2026-10-16', reversedAt: '2026-10-17T02:03:04.567Z', reversalReason: '已承诺缴费', details: { previousState: 'active' } });
        expect(recs.rows[1]!.data).toEqual({ renewalFloorMonthlyMinimums: 3 });
        expect(recs.rows[2]!.data).toMatchObject({ carrierRecordId: 'T8', status: 'open', raisedOn: '2026-10-20', adjustmentFen: null });
        expect(Number((await db.query<{ change_seq: string }>('SELECT change_seq FROM offices WHERE id = $1', [office])).rows[0]!.change_seq)).toBe(43);
      } finally {
        await db.close();
        await scratch?.drop();
      }
    });
  });
}
