// Final bills of terminated and closed accounts (docs/billing.md, "Final bills"), over HTTP on
// loopback against PGlite and PostgreSQL, every amount computed by hand: the month the service
// ended is billed for the days served (usage up to and including the end date, the minimum
// prorated like a first month), no month after it is billed, a re-run adds nothing, and the refund
// at closure waits for the final bill and pays back what is left after it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, http, login, openTestDb, seed, startServer, suiteTitle, testBackends, type Fixture, type TestServer } from './server-harness';

const backends = await testBackends();

const NUM = { T: '4008101001', K: '4008101002', E: '4008101003', N: '4008101004' };
const HEADER = ['流水号', '计费号码', '主叫号码', '被叫号码', '开始时间', '通话时长'];
const CALLS: string[][] = [
  ['F1', NUM.T, '13800000001', '037167891234', '2026-10-05 10:00:00', '12000'], // 200 min
  ['F2', NUM.T, '13800000002', '037167891234', '2026-10-10 23:59:00', '60'], // 1 min on the end day: billed
  ['F3', NUM.T, '13800000003', '037167891234', '2026-10-15 09:00:00', '18000'], // 300 min after the end: not billed
  ['F4', NUM.N, '13900000001', '02167891234', '2026-10-06 09:00:00', '600'], // 10 min
];
const csv = (rows: string[][]) => [HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('final bills of terminated and closed accounts', backend), () => {
    let server: TestServer;
    let dispose: () => Promise<void>;
    let fx: Fixture;
    const tokens: Record<string, string> = {};
    const acct = { T: randomUUID(), K: randomUUID(), E: randomUUID(), N: randomUUID() };
    let base: string;
    const api = (who: string, method: string, path: string, json?: unknown) => http(server.url, method, `${base}${path}`, { token: tokens[who], json });
    const bills = async (month: string) => ((await api('managerA', 'GET', `/bills?month=${month}`)).body.bills as { accountId: string; periodFrom: string; periodTo: string; minimumFen: number; usageFen: number; totalMinutes: number; totalFen: number; lines: { label: string }[] }[]);
    const balance = async (id: string) => ((await api('managerA', 'GET', `/accounts/${id}/ledger`)).body as { balanceFen: number }).balanceFen;

    beforeAll(async () => {
      const t = await openTestDb(backend.kind, { poolSize: 10 });
      dispose = t.dispose;
      server = await startServer(t.db);
      fx = await seed(t.db);
      for (const name of ['managerA', 'clerkA', 'managerB']) tokens[name] = (await login(server.url, fx.users[name]!)).accessToken;
      base = `/v1/offices/${fx.officeA}/billing`;
      expect((await http(server.url, 'POST', `/v1/offices/${fx.officeA}/numbers`, { token: tokens.managerA, json: { numbers: Object.values(NUM) } })).status).toBe(200);
      const m = new TestClient(server.url, tokens.managerA!, fx.officeA);
      const pkg = randomUUID();
      await m.run('record.create', {
        entity: 'package',
        id: pkg,
        data: { name: '标准套餐', prepaymentFen: 100_000, monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, termMonths: 12, featureFees: [{ name: '彩铃', monthlyFen: 500 }] },
      });
      // The accounts as their devices synced them: the state and its date (the end of service).
      const open = async (key: keyof typeof NUM, openedOn: string, status: string, stateSince: string, features: string[]) => {
        const customer = randomUUID();
        await m.run('record.create', { entity: 'customer', id: customer, data: { name: `客户${key}贸易有限公司` } });
        expect((await m.run('number.allocate', { number: NUM[key], customerId: customer })).status).toBe('applied');
        const r = await m.run('record.create', {
          entity: 'account',
          id: acct[key],
          data: { no: `FIN-${key}`, customerId: customer, numberDigits: NUM[key], packageId: pkg, features, status, stateSince, openedOn, monthlyMinimumFen: 10_000 },
        });
        expect(r.status).toBe('applied');
      };
      await open('T', '2026-08-01', 'terminated', '2026-10-10', ['彩铃']);
      await open('K', '2026-10-20', 'closed', '2026-10-25', []);
      await open('E', '2026-08-01', 'terminated', '2026-09-20', []);
      await open('N', '2026-01-01', 'active', '2026-01-01', []);
      const mapping = { columns: { carrierRecordId: '流水号', hotline: '计费号码', caller: '主叫号码', forwardedTo: '被叫号码', startAt: '开始时间', durationSeconds: '通话时长' }, feeUnit: 'yuan' };
      const imp = await api('managerA', 'POST', '/imports', { carrier: 'telecom', fileName: '2026-10.csv', format: 'csv', contentBase64: Buffer.from(csv(CALLS)).toString('base64'), mapping });
      expect(imp.body).toMatchObject({ imported: 4 });
      const pay = await api('clerkA', 'POST', '/payments', { id: randomUUID(), accountId: acct.T, amountFen: 30_000, method: 'bank_transfer', reference: 'BT-1', receivedOn: '2026-08-01' });
      expect(pay.status).toBe(200);
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    it('the refund at closure waits for the final bill of the end month', async () => {
      const r = await api('managerA', 'POST', `/accounts/${acct.T}/refund`, { reason: '销户退款', method: 'bank_transfer' });
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'FINAL_BILL_PENDING' });
      expect(r.body.message).toContain('2026-10');
      expect(await balance(acct.T)).toBe(30_000);
    });

    it('September: T still in service (full month), E terminated on the 20th gets its final bill, K not open yet', async () => {
      const sep = await api('managerA', 'POST', '/runs', { month: '2026-09', today: '2026-10-01' });
      // T: no calls → minimum 10,000 + 彩铃 500 = 10,500. N: 10,000. E: 20 of 30 days → 10,000 × 20/30 = 6,666.67 → 6,667.
      expect(sep.body).toMatchObject({ billsCreated: 3, totalFen: 10_500 + 10_000 + 6_667 });
      const b = await bills('2026-09');
      expect(b.find((x) => x.accountId === acct.E)).toMatchObject({ periodFrom: '2026-09-01', periodTo: '2026-09-20', minimumFen: 6_667, totalFen: 6_667 });
      expect(b.find((x) => x.accountId === acct.E)!.lines[0]!.label).toContain('最终账单（服务至 2026-09-20）');
      expect(b.find((x) => x.accountId === acct.T)).toMatchObject({ periodTo: '2026-09-30', totalFen: 10_500 });
    });

    it('October: T billed to the 10th (calls of the end day in, later calls out), K for its 6 days, E nothing', async () => {
      const oct = await api('managerA', 'POST', '/runs', { month: '2026-10', today: '2026-11-01' });
      // T: 10 of 31 days → 10,000 × 10/31 = 3,225.81 → 3,226; 201 min − 100 = 101 × 20 = 2,020 < 3,226 → 3,226 + 500 = 3,726.
      // K: 10-20 … 10-25 = 6 days → 10,000 × 6/31 = 1,935.48 → 1,935. N: 10 min, all included → 10,000.
      expect(oct.body).toMatchObject({ billsCreated: 3, totalFen: 3_726 + 1_935 + 10_000 });
      const b = await bills('2026-10');
      expect(b.map((x) => x.accountId).sort()).toEqual([acct.T, acct.K, acct.N].sort());
      expect(b.find((x) => x.accountId === acct.T)).toMatchObject({ periodFrom: '2026-10-01', periodTo: '2026-10-10', totalMinutes: 201, usageFen: 2_020, minimumFen: 3_226, totalFen: 3_726 });
      expect(b.find((x) => x.accountId === acct.K)).toMatchObject({ periodFrom: '2026-10-20', periodTo: '2026-10-25', minimumFen: 1_935, totalFen: 1_935 });
      expect(await balance(acct.T)).toBe(30_000 - 10_500 - 3_726);
      const again = await api('managerA', 'POST', '/runs', { month: '2026-10', today: '2026-11-02' });
      expect(again.body).toMatchObject({ billsCreated: 0, billsExisting: 3, totalFen: 0 });
    });

    it('no bill after the end month', async () => {
      const nov = await api('managerA', 'POST', '/runs', { month: '2026-11', today: '2026-12-01' });
      expect(nov.body).toMatchObject({ billsCreated: 1, totalFen: 10_000 });
      expect((await bills('2026-11')).map((x) => x.accountId)).toEqual([acct.N]);
    });

    it('after the final bill the refund pays back exactly what is left, once', async () => {
      expect((await api('clerkA', 'POST', `/accounts/${acct.T}/refund`, { reason: '销户退款', method: 'bank_transfer' })).status).toBe(403);
      const r = await api('managerA', 'POST', `/accounts/${acct.T}/refund`, { reason: '销户退款', method: 'bank_transfer', reference: 'RF-1' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ kind: 'refund', amountFen: -(30_000 - 10_500 - 3_726) });
      expect(await balance(acct.T)).toBe(0);
      expect((await api('managerA', 'POST', `/accounts/${acct.T}/refund`, { reason: '再次', method: 'bank_transfer' })).status).toBe(409);
      // another office's manager learns nothing about the account
      expect((await http(server.url, 'POST', `/v1/offices/${fx.officeA}/billing/accounts/${acct.T}/refund`, { token: tokens.managerB, json: { reason: 'x', method: 'cash' } })).status).toBe(403);
    });
  });
}
