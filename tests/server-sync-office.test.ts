// The office's own data over sync (office.update, gradeRules.replace): managers only, checked with the renderer's
// schemas, stored per office and pulled by every device of that office (never another office's); the account and
// number handlers apply the office's settings instead of the defaults.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { seededServerClients, suiteTitle, testBackends } from './server-harness';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

const PROFILE = {
  name: '北京朝阳营业厅',
  address: '北京市朝阳区建国路 1 号',
  legalRepresentative: '张三',
  phone: '010-65881234',
  bankName: '中国工商银行北京分行',
  bankAccount: '6222 0200 0000 0000',
  contractPrefix: 'bj',
  timeZone: 'Asia/Shanghai',
};

const RULES = [
  { id: 'r-aaaa', name: '四连号', patterns: ['AAAA'], match: 'all', priceFen: 900_000, minimumMonthlyFen: 50_000, requiredPackageId: null, order: 0, version: 3 },
  { name: '普通号', patterns: [], match: 'all', priceFen: 0, minimumMonthlyFen: 0, requiredPackageId: null },
];

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('sync office settings, profile and grade table', backend), () => {
    const client = seededServerClients(backend);
    const statusOf = async (c: ReturnType<typeof client>, number: string) => {
      await c.pullAll();
      return c.record('hotlineNumber', number)!.data as Record<string, unknown>;
    };

    it('stores the profile and changed settings of the office; every device of the office pulls them, the other office does not', async () => {
      const m = client('managerA');
      const r = await m.run('office.update', { profile: PROFILE, settings: { coolingDays: 60, reservationDays: 10 } });
      expect(r).toMatchObject({ status: 'applied', result: { settings: { coolingDays: 60, reservationDays: 10 }, profile: { contractPrefix: 'BJ', bankAccount: '6222020000000000' } } });
      // a later change merges over what the office changed before
      expect((await m.run('office.update', { settings: { reservationDays: 7 } })).status).toBe('applied');
      for (const who of ['clerkA2', 'agentA']) {
        const device = client(who);
        await device.pullAll();
        expect(device.record('office', 'settings')!.data).toMatchObject({ coolingDays: 60, reservationDays: 7 });
        expect(device.record('office', 'profile')!.data).toMatchObject({ name: '北京朝阳营业厅', contractPrefix: 'BJ' });
      }
      const b = client('managerB');
      await b.pullAll();
      expect(b.record('office', 'settings')).toBeUndefined();
      expect(b.record('office', 'profile')).toBeUndefined();
    });

    it('refuses a bad profile or setting naming the field, saving nothing of the mutation', async () => {
      const m = client('managerA');
      const badPhone = await m.run('office.update', { profile: { ...PROFILE, phone: '12345' }, settings: { coolingDays: 5 } });
      expect(badPhone.reason).toMatchObject({ code: 'INVALID_ARGS', field: 'profile.phone' });
      expect(badPhone.reason!.message).toContain('电话');
      expect(badPhone.reason!.messageEn).toContain('phone');
      expect((await m.run('office.update', { profile: { ...PROFILE, name: ' ' } })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'profile.name' });
      expect((await m.run('office.update', { settings: { coolingDays: -1 } })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'settings.coolingDays' });
      expect((await m.run('office.update', { settings: { timeZone: 'Mars/Olympus' } })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'settings.timeZone' });
      expect((await m.run('office.update', { settings: { colour: 'red' } })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'settings.colour' });
      expect((await m.run('office.update', {})).reason?.code).toBe('INVALID_ARGS');
      const device = client('clerkA');
      await device.pullAll();
      expect(device.record('office', 'settings')?.data?.coolingDays).not.toBe(5);
    });

    it('is a manager act and replays instead of applying twice', async () => {
      expect((await client('clerkA').run('office.update', { settings: { coolingDays: 1 } })).reason?.code).toBe('FORBIDDEN');
      expect((await client('agentA').run('gradeRules.replace', { rules: RULES })).reason?.code).toBe('FORBIDDEN');
      const admin = client('adminA');
      const update = admin.mutation('office.update', { settings: { attachmentMaxBytes: 2_000_000 } });
      expect((await admin.push([update])).body.results[0]).toMatchObject({ status: 'applied', replayed: false });
      await admin.pullAll();
      const version = admin.record('office', 'settings')!.version;
      expect((await admin.push([update])).body.results[0]).toMatchObject({ status: 'applied', replayed: true });
      await admin.pullAll();
      expect(admin.record('office', 'settings')!.version).toBe(version);
    });

    it('replaces the office\'s grade table, keeping the device\'s rule ids; all devices of the office pull it', async () => {
      const m = client('managerA');
      expect(await m.run('gradeRules.replace', { rules: RULES })).toMatchObject({ status: 'applied', result: { rules: 2 } });
      const agent = client('agentA');
      await agent.pullAll();
      const rules = agent.record('office', 'gradeRules')!.data!.rules as Record<string, unknown>[];
      expect(rules).toHaveLength(2);
      expect(rules[0]).toEqual({ id: 'r-aaaa', name: '四连号', patterns: ['AAAA'], match: 'all', priceFen: 900_000, minimumMonthlyFen: 50_000, requiredPackageId: null, sortOrder: 0, active: true });
      expect(rules[1]).toMatchObject({ id: expect.any(String), name: '普通号', sortOrder: 1 });
      const b = client('clerkB');
      await b.pullAll();
      expect(b.record('office', 'gradeRules')).toBeUndefined();
    });

    it('refuses a bad grade table naming the rule, keeping the table it had', async () => {
      const m = client('managerA');
      const neg = await m.run('gradeRules.replace', { rules: [RULES[0], { ...RULES[1], priceFen: -5 }] });
      expect(neg.reason).toMatchObject({ code: 'INVALID_ARGS', field: 'rules.1' });
      expect(neg.reason!.message).toContain('第 2 条等级');
      expect((await m.run('gradeRules.replace', { rules: [RULES[1], RULES[1]] })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'rules.1' });
      expect((await m.run('gradeRules.replace', { rules: [{ ...RULES[0], patterns: ['nope'] }] })).reason).toMatchObject({ code: 'INVALID_ARGS', field: 'rules.0' });
      expect((await m.run('gradeRules.replace', { rules: [] })).reason?.code).toBe('INVALID_ARGS');
      await m.pullAll();
      expect((m.record('office', 'gradeRules')!.data!.rules as unknown[]).length).toBe(2);
    });

    it('applies the office\'s own settings in the account lifecycle (suspension to termination days)', async () => {
      // office B: 0 days from suspension to termination, so a suspended account may be terminated at once
      const m = client('managerB');
      const customerId = randomUUID();
      const id = randomUUID();
      await client('clerkB').run('record.create', { entity: 'customer', id: customerId, data: { name: '上海甲公司' } });
      await client('clerkB').run('record.create', { entity: 'account', id, data: { customerId, status: 'active', stateSince: '2026-01-05' } });
      await m.run('account.suspend', { id, reason: '欠费' });
      // with the defaults (30 days) the server refuses …
      expect((await m.run('account.terminate', { id, reason: '暂停后未缴费' })).reason?.code).toBe('INVALID_TRANSITION');
      // … with the office's own period it accepts
      expect((await m.run('office.update', { settings: { suspensionToTerminationDays: 0 } })).status).toBe('applied');
      expect(await m.run('account.terminate', { id, reason: '暂停后未缴费' })).toMatchObject({ status: 'applied', result: { from: 'suspended', to: 'terminated' } });
    });

    it('sees a settings change made earlier in the same push (one read per transaction, dropped on change)', async () => {
      const m = client('managerB');
      const number = '4009200001';
      await m.run('numbers.add', { numbers: [number] });
      const customerId = randomUUID();
      await client('clerkB').run('record.create', { entity: 'customer', id: customerId, data: { name: '上海乙公司' } });
      await client('clerkB').run('number.allocate', { number, customerId });
      // the reclaim reads (and keeps) the settings of the moment; the change after it must still count
      const res = await m.push([
        m.mutation('number.step', { number, event: 'reclaim' }),
        m.mutation('office.update', { settings: { coolingDays: 400 } }),
        m.mutation('number.step', { number, event: 'startCooling' }),
      ]);
      expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const until = Date.parse((res.body.results[2]!.result as { holdUntil: string }).holdUntil);
      expect(Math.round((until - Date.now()) / 86_400_000)).toBe(400);
    });

    it('holds reservations and cools released numbers for the office\'s own periods', async () => {
      const m = client('managerA');
      expect((await m.run('office.update', { settings: { reservationDays: 3, coolingDays: 45 } })).status).toBe('applied');
      const [held, sold] = ['4009300001', '4009300002'];
      await m.run('numbers.add', { numbers: [held, sold] });
      const customerId = randomUUID();
      const clerk = client('clerkA');
      await clerk.run('record.create', { entity: 'customer', id: customerId, data: { name: '北京丙公司' } });
      const days = (iso: unknown) => Math.round((Date.parse(String(iso)) - Date.now()) / 86_400_000);
      expect((await clerk.run('number.reserve', { number: held, customerId })).status).toBe('applied');
      expect(days((await statusOf(clerk, held)).holdUntil)).toBe(3);
      await clerk.run('number.allocate', { number: sold, customerId });
      expect((await m.run('number.release', { number: sold })).status).toBe('applied');
      expect(await statusOf(clerk, sold)).toMatchObject({ status: 'cooling' });
      expect(days((await statusOf(clerk, sold)).holdUntil)).toBe(45);
    });
  });
}
