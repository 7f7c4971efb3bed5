// An office's billing month end to end over HTTP on loopback, against PGlite and PostgreSQL:
// carrier file import (CSV and XLSX, row-named errors, duplicates skipped and counted), the monthly
// run (exact to the fen against hand-computed bills; re-running changes nothing), arrears, late fees
// (3‰ a day, rounded once), automatic suspension, payment and resumption, termination with number
// reclamation on the office's rules (days to termination, cooling period) and its reversal,
// renewals, adjustments and reversals, disputes, statements, sync.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, http, login, openTestDb, seed, startServer, suiteTitle, testBackends, type Fixture, type TestServer } from './server-harness';

const backends = await testBackends();

const A = '4008001234';
const B = '4008005678';
const C = '4008009999';
const HEADER = ['流水号', '计费号码', '主叫号码', '被叫号码', '开始时间', '通话时长', '话费'];
/** Beijing wall-clock times, as the carrier writes them. */
const CALLS: string[][] = [
  ['T1', A, '13800000001', '037167891234', '2026-08-15 10:00:00', '60', '0.20'], // before A's opening date: not billed
  ['T2', A, '13800000002', '037167891234', '2026-08-20 10:00:00', '54', '0.20'], // 1 min
  ['T3', A, '13800000003', '037167891234', '2026-08-21 10:00:00', '62', '0.40'], // 2 min
  ['T2', A, '13800000002', '037167891234', '2026-08-20 10:00:00', '54', '0.20'], // repeated in the file
  ['T4', B, '13900000001', '02167891234', '2026-08-05 09:00:00', '36000', '120.00'], // 600 min
  ['T5', B, '13900000002', '02167891234', '2026-08-06 09:00:00', '6000', '20.00'], // 100 min
  ['T6', A, '13800000004', '037167891234', '2026-08-31 23:59:30', '30', '0.20'], // 1 min, still August in Beijing
  ['T7', A, '13800000005', '037167891234', '2026-09-01 00:00:10', '7200', '24.00'], // 120 min
  ['T8', A, '13800000006', '037167891234', '2026-09-30 12:00:00', '61', '0.40'], // 2 min
  ['T9', B, '13900000003', '02167891234', '2026-09-10 09:00:00', '3000', '10.00'], // 50 min
];
const csv = (rows: string[][]) => [HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('billing month end to end', backend), () => {
    let server: TestServer;
    let dispose: () => Promise<void>;
    let fx: Fixture;
    const tokens: Record<string, string> = {};
    const acct = { A: randomUUID(), B: randomUUID(), C: randomUUID() };
    let base: string;
    const api = (who: string, method: string, path: string, json?: unknown) => http(server.url, method, `${base}${path}`, { token: tokens[who], json });
    const ledger = async (id: string) => (await api('managerA', 'GET', `/accounts/${id}/ledger`)).body as { balanceFen: number; overdueFen: number; state: string; entries: { id: string; kind: string; amountFen: number; effectiveOn: string }[] };
    const pay = async (accountId: string, amountFen: number, receivedOn: string, extra: Record<string, unknown> = {}) =>
      api('clerkA', 'POST', '/payments', { id: randomUUID(), accountId, amountFen, method: 'bank_transfer', reference: `BT-${receivedOn}`, receivedOn, ...extra });
    const counts = async () => {
      const r = await server.db.query<{ l: number; b: number; s: number; c: number }>(
        `SELECT (SELECT COUNT(*) FROM ledger_entries WHERE office_id = $1) AS l, (SELECT COUNT(*) FROM bills WHERE office_id = $1) AS b,
                (SELECT COALESCE(SUM(amount_fen), 0)::bigint FROM ledger_entries WHERE office_id = $1) AS s, (SELECT COUNT(*) FROM call_records WHERE office_id = $1) AS c`,
        [fx.officeA],
      );
      return r.rows[0]!;
    };

    beforeAll(async () => {
      const t = await openTestDb(backend.kind, { poolSize: 10 });
      dispose = t.dispose;
      server = await startServer(t.db);
      fx = await seed(t.db);
      for (const name of Object.keys(fx.users)) tokens[name] = (await login(server.url, fx.users[name]!)).accessToken;
      base = `/v1/offices/${fx.officeA}/billing`;
      // The office's data as devices create it: numbers, a package, customers, accounts.
      expect((await http(server.url, 'POST', `/v1/offices/${fx.officeA}/numbers`, { token: tokens.managerA, json: { numbers: [A, B, C] } })).status).toBe(200);
      const m = new TestClient(server.url, tokens.managerA!, fx.officeA);
      const pkg = randomUUID();
      await m.run('record.create', {
        entity: 'package',
        id: pkg,
        data: { name: '标准套餐', prepaymentFen: 100_000, monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, termMonths: 12, featureFees: [{ name: '彩铃', monthlyFen: 500 }] },
      });
      const open = async (key: 'A' | 'B' | 'C', digits: string, openedOn: string, features: string[]) => {
        const customer = randomUUID();
        await m.run('record.create', { entity: 'customer', id: customer, data: { name: `客户${key}科技有限公司` } });
        expect((await m.run('number.allocate', { number: digits, customerId: customer })).status).toBe('applied');
        const r = await m.run('record.create', {
          entity: 'account',
          id: acct[key],
          data: { no: `ACC-${key}`, customerId: customer, numberDigits: digits, packageId: pkg, features, status: 'active', stateSince: openedOn, openedOn, monthlyMinimumFen: 10_000, termEndsOn: '2026-11-30' },
        });
        expect(r.status).toBe('applied');
      };
      await open('A', A, '2026-08-16', ['彩铃']);
      await open('B', B, '2026-07-01', []);
      await open('C', C, '2026-09-01', []);
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    it('payments: prepayments by the methods of 4008 contract 5.1 with a reference; the same id twice counts once', async () => {
      const id = randomUUID();
      const first = await pay(acct.A, 5_000, '2026-08-16', { id, method: 'cash', reference: 'R-0001' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ balanceFen: 5_000, replayed: false });
      expect((await pay(acct.A, 5_000, '2026-08-16', { id, method: 'cash', reference: 'R-0001' })).body).toMatchObject({ balanceFen: 5_000, replayed: true });
      expect((await pay(acct.B, 100_000, '2026-07-01')).status).toBe(200);
      const bad = await pay(acct.B, 100, '2026-07-01', { method: 'cheque' });
      expect(bad.status).toBe(400);
      expect((await pay(randomUUID(), 100, '2026-07-01')).status).toBe(404);
    });

    it('imports a carrier CSV with its saved column mapping; duplicates are skipped and counted; a second import adds nothing', async () => {
      const mapping = { columns: { carrierRecordId: '流水号', hotline: '计费号码', caller: '主叫号码', forwardedTo: '被叫号码', startAt: '开始时间', durationSeconds: '通话时长', feeFen: '话费' }, feeUnit: 'yuan' };
      expect((await api('clerkA', 'PUT', '/carriers/telecom/mapping', mapping)).status).toBe(403);
      expect((await api('managerA', 'PUT', '/carriers/telecom/mapping', mapping)).status).toBe(200);
      const r = await api('clerkA', 'POST', '/imports', { carrier: 'telecom', fileName: '2026-08-09.csv', format: 'csv', contentBase64: b64('\ufeff' + csv(CALLS)) });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ rowsRead: 10, imported: 9, skippedDuplicates: 1 });
      const again = await api('clerkA', 'POST', '/imports', { carrier: 'telecom', fileName: '2026-08-09.csv', format: 'csv', contentBase64: b64(csv(CALLS)) });
      expect(again.body).toMatchObject({ rowsRead: 10, imported: 0, skippedDuplicates: 10 });
      const rated = await server.db.query<{ carrier_record_id: string; billable_minutes: number; rated_fen: number; local_day: string }>(
        "SELECT carrier_record_id, billable_minutes, rated_fen, local_day::text AS local_day FROM call_records WHERE office_id = $1 AND carrier_record_id IN ('T3', 'T6') ORDER BY 1",
        [fx.officeA],
      );
      expect(rated.rows).toEqual([
        { carrier_record_id: 'T3', billable_minutes: 2, rated_fen: 40, local_day: '2026-08-21' },
        { carrier_record_id: 'T6', billable_minutes: 1, rated_fen: 20, local_day: '2026-08-31' },
      ]);
    });

    it('a file with bad rows imports nothing and names every row; an XLSX file imports like a CSV', async () => {
      const before = await counts();
      const bad = await api('clerkA', 'POST', '/imports', {
        carrier: 'telecom',
        fileName: 'bad.csv',
        format: 'csv',
        contentBase64: b64(csv([['X1', A, '1', '2', '2026-09-02 10:00:00', '30', '0.10'], ['X2', '4001112222', '1', '2', '2026-09-02 10:00:00', '30', '0.10'], ['X3', A, '1', '2', '2026-09-31 10:00:00', '30', '0.10']])),
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual([
        '第 3 行：400 号码：4001112222 不属于本营业厅的任何服务账户。',
        '第 4 行：开始时间：“2026-09-31 10:00:00”不是有效的时间。',
      ]);
      expect(await counts()).toEqual(before);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('话单');
      ws.addRow(HEADER);
      ws.addRow(['X1', A, '13800000009', '037167891234', '2026-10-02 10:00:00', 30, '0.10']);
      const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
      const ok = await api('clerkA', 'POST', '/imports', { carrier: 'telecom', fileName: '2026-10.xlsx', format: 'xlsx', contentBase64: b64(xlsx) });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ rowsRead: 1, imported: 1, skippedDuplicates: 0 });
    });

    it('the monthly run bills from the actual opening date, usage against the minimum, features on top — exact to the fen', async () => {
      expect((await api('managerA', 'POST', '/runs', { month: '2026-08', today: '2026-08-31' })).status).toBe(409);
      expect((await api('clerkA', 'POST', '/runs', { month: '2026-08', today: '2026-09-01' })).status).toBe(403);
      const aug = await api('managerA', 'POST', '/runs', { month: '2026-08', today: '2026-09-01' });
      expect(aug.status).toBe(200);
      // A: opened 08-16, 16 of 31 days: 10,000 × 16/31 = 5,161.29 → 5,161; 4 min all included; + 彩铃 500 = 5,661.
      // B: 700 min − 100 included = 600 × 20 = 12,000 > 10,000. C: not yet open.
      expect(aug.body).toMatchObject({ billsCreated: 2, billsExisting: 0, totalFen: 5_661 + 12_000 });
      const bills = (await api('managerA', 'GET', '/bills?month=2026-08')).body.bills as { accountId: string; totalFen: number; minimumFen: number; totalMinutes: number; usageFen: number; dueOn: string; periodFrom: string }[];
      expect(bills.find((b) => b.accountId === acct.A)).toMatchObject({ periodFrom: '2026-08-16', totalMinutes: 4, usageFen: 0, minimumFen: 5_161, totalFen: 5_661, dueOn: '2026-09-15' });
      expect(bills.find((b) => b.accountId === acct.B)).toMatchObject({ totalMinutes: 700, usageFen: 12_000, totalFen: 12_000 });
      expect((await ledger(acct.A)).balanceFen).toBe(5_000 - 5_661);
      expect((await pay(acct.A, 661, '2026-09-10')).body.balanceFen).toBe(0);

      const sep = await api('managerA', 'POST', '/runs', { month: '2026-09', today: '2026-10-01' });
      // A: 122 min − 100 = 22 × 20 = 440 < 10,000 → 10,000 + 500. B: 50 min → 10,000. C: opened 09-01, the whole month → 10,000.
      expect(sep.body).toMatchObject({ billsCreated: 3, totalFen: 10_500 + 10_000 + 10_000 });
      expect((await ledger(acct.A)).balanceFen).toBe(-10_500);
      expect((await ledger(acct.C)).balanceFen).toBe(-10_000);
      const summary = await api('managerA', 'GET', '/runs/2026-09/summary');
      expect(summary.body).toMatchObject({ bills: 3, totalFen: 30_500 });
    });

    it('re-running a month changes nothing', async () => {
      const before = await counts();
      const again = await api('managerA', 'POST', '/runs', { month: '2026-09', today: '2026-10-02' });
      expect(again.body).toMatchObject({ billsCreated: 0, billsExisting: 3, totalFen: 0 });
      expect(await counts()).toEqual(before);
    });

    it('arrears: late fees accrue at 3‰ a day rounded once, the account is suspended, payment resumes it', async () => {
      expect((await api('managerA', 'POST', '/collections', { date: '2026-10-15' })).body).toMatchObject({ lateFeeEntries: 0, actions: [] });
      const d16 = await api('managerA', 'POST', '/collections', { date: '2026-10-16' });
      // day 1 overdue: A 10,500 × 3‰ = 31.5 → 32; C 10,000 × 3‰ = 30.
      expect(d16.body.lateFeesFen).toBe(32 + 30);
      expect(d16.body.actions.map((x: { accountId: string; action: string }) => [x.accountId, x.action]).sort()).toEqual([[acct.A, 'suspend'], [acct.C, 'suspend']].sort());
      const numbers = await http(server.url, 'GET', `/v1/offices/${fx.officeA}/numbers?status=suspended`, { token: tokens.managerA });
      expect(numbers.body.numbers.map((n: { number: string }) => n.number).sort()).toEqual([A, C]);
      const reminders = await api('clerkA', 'GET', '/reminders?date=2026-10-16');
      expect(reminders.body.inArrears.map((r: { accountId: string }) => r.accountId).sort()).toEqual([acct.A, acct.C].sort());

      const d20 = await api('managerA', 'POST', '/collections', { date: '2026-10-20' });
      // A: 5 days × 10,500 = 52,500 × 3‰ = 157.5 → 158 in all, 126 more. C: 5 × 10,000 × 3‰ = 150, 120 more.
      expect(d20.body).toMatchObject({ lateFeesFen: 126 + 120, actions: [] });
      const before = await counts();
      expect((await api('managerA', 'POST', '/collections', { date: '2026-10-20' })).body).toMatchObject({ lateFeeEntries: 0, actions: [] });
      expect(await counts()).toEqual(before);
      expect(await ledger(acct.A)).toMatchObject({ balanceFen: -10_658, state: 'suspended' });

      const paid = await pay(acct.A, 10_658, '2026-10-21');
      expect(paid.body).toMatchObject({ balanceFen: 0, resumed: true });
      expect((await ledger(acct.A)).state).toBe('active');
      const n = await http(server.url, 'GET', `/v1/offices/${fx.officeA}/numbers?status=active`, { token: tokens.managerA });
      expect(n.body.numbers.map((x: { number: string }) => x.number)).toContain(A);
      // 10-21: A owes nothing more; C still accrues its day (10,000 × 3‰ = 30)
      expect((await api('managerA', 'POST', '/collections', { date: '2026-10-21' })).body.lateFeesFen).toBe(30);
      const actions = (await api('managerA', 'GET', `/actions?accountId=${acct.A}`)).body.actions;
      expect(actions.map((x: { action: string; automatic: boolean }) => [x.action, x.automatic])).toEqual([['suspend', true], ['resume', true]]);
    });

    it("still unpaid the office's days after suspension (30 by default): terminated, number reclaimed into the office's cooling period; a manager reverses it with a reason", async () => {
      const m = new TestClient(server.url, tokens.managerA!, fx.officeA);
      // the rules as billing settings stored them before they became the office's: ignored
      // (were they read, C — suspended 10-16 — would be terminated on 11-14 and cool for 5 days)
      await server.db.query(
        `INSERT INTO billing_settings (office_id, settings) VALUES ($1, '{"suspensionToTerminationDays": 1, "coolingDays": 5}'::jsonb)
         ON CONFLICT (office_id) DO UPDATE SET settings = billing_settings.settings || EXCLUDED.settings`,
        [fx.officeA],
      );
      const r = await api('managerA', 'POST', '/collections', { date: '2026-11-14' });
      expect(r.body.actions).toEqual([]);
      // the office's rule decides: 31 days after suspension is not yet on 11-15
      expect((await m.run('office.update', { settings: { suspensionToTerminationDays: 31, coolingDays: 60 } })).status).toBe('applied');
      expect((await api('managerA', 'POST', '/collections', { date: '2026-11-15' })).body.actions).toEqual([]);
      expect((await m.run('office.update', { settings: { suspensionToTerminationDays: 30 } })).status).toBe('applied');
      const t = await api('managerA', 'POST', '/collections', { date: '2026-11-15' });
      expect(t.body.actions.map((x: { action: string }) => x.action)).toEqual(['terminate', 'reclaim']);
      expect(t.body.actions[0].reason).toContain('暂停 30 日后');
      // C: 10-16 … 11-15 is 31 days × 10,000 × 3‰ = 930 in all (the day's second run adds nothing).
      const lateFees = (await ledger(acct.C)).entries.filter((e) => e.kind === 'late_fee').reduce((a, e) => a + e.amountFen, 0);
      expect(lateFees).toBe(-930);
      // cooling for the office's 60 days: 11-15 + 60 = 2027-01-14, midnight Beijing time
      expect(t.body.actions[1].reason).toContain('冷冻至 2027-01-14');
      const cooling = await http(server.url, 'GET', `/v1/offices/${fx.officeA}/numbers?status=cooling`, { token: tokens.managerA });
      expect(cooling.body.numbers).toEqual([expect.objectContaining({ number: C, customerId: null, holdUntil: '2027-01-13T16:00:00.000Z' })]);
      expect((await m.run('office.update', { settings: { coolingDays: 90 } })).status).toBe('applied');
      const terminate = t.body.actions[0] as { actionId: string };
      expect((await api('clerkA', 'POST', `/actions/${terminate.actionId}/reverse`, { reason: '客户已承诺缴费' })).status).toBe(403);
      expect((await api('managerA', 'POST', `/actions/${terminate.actionId}/reverse`, { reason: '' })).status).toBe(400);
      const rev = await api('managerA', 'POST', `/actions/${terminate.actionId}/reverse`, { reason: '客户已承诺缴费' });
      expect(rev.status).toBe(200);
      expect(rev.body).toMatchObject({ reversalReason: '客户已承诺缴费', reversedBy: fx.users.managerA!.id });
      expect((await ledger(acct.C)).state).toBe('suspended');
      const back = await http(server.url, 'GET', `/v1/offices/${fx.officeA}/numbers?status=suspended`, { token: tokens.managerA });
      expect(back.body.numbers.map((x: { number: string }) => x.number)).toEqual([C]);
      // within the grace days the job leaves the account alone
      expect((await api('managerA', 'POST', '/collections', { date: '2026-11-16' })).body.actions).toEqual([]);
      expect((await api('managerA', 'POST', `/actions/${terminate.actionId}/reverse`, { reason: '再次' })).status).toBe(409);
    });

    it('renewals: never below the first renewal; the office floor of N monthly minimums when set', async () => {
      const renew = (amountFen: number) => pay(acct.B, amountFen, '2026-10-05', { kind: 'renewal' });
      expect((await api('managerA', 'PUT', '/settings', { renewalFloorMonthlyMinimums: 3 })).status).toBe(200);
      const low = await renew(20_000);
      expect(low.status).toBe(400);
      expect(low.body.message).toBe('续费金额 200.00 元低于本营业厅规定的下限 300.00 元（3 个月最低消费）。');
      expect((await renew(40_000)).status).toBe(200);
      const below = await renew(35_000);
      expect(below.status).toBe(400);
      expect(below.body.message).toContain('低于首次续费金额 400.00 元');
      expect((await renew(40_000)).status).toBe(200);
      await api('managerA', 'PUT', '/settings', { renewalFloorMonthlyMinimums: 0 });
    });

    it('adjustments need a manager and a reason; a reversal cancels an entry once; the ledger refuses UPDATE', async () => {
      const before = (await ledger(acct.B)).balanceFen;
      expect((await api('clerkA', 'POST', `/accounts/${acct.B}/adjustments`, { amountFen: -100, reason: '补收' })).status).toBe(403);
      expect((await api('managerA', 'POST', `/accounts/${acct.B}/adjustments`, { amountFen: -100, reason: ' ' })).status).toBe(400);
      const adj = await api('managerA', 'POST', `/accounts/${acct.B}/adjustments`, { amountFen: -100, reason: '补收工本费' });
      expect(adj.body).toMatchObject({ kind: 'adjustment', amountFen: -100, approvedBy: fx.users.managerA!.id });
      expect((await ledger(acct.B)).balanceFen).toBe(before - 100);
      expect((await api('managerA', 'POST', `/ledger/${adj.body.id}/reverse`, { reason: '误收' })).body).toMatchObject({ kind: 'reversal', amountFen: 100, reverses: adj.body.id });
      expect((await api('managerA', 'POST', `/ledger/${adj.body.id}/reverse`, { reason: '误收' })).status).toBe(409);
      expect((await ledger(acct.B)).balanceFen).toBe(before);
      await expect(server.db.query('UPDATE ledger_entries SET amount_fen = 1 WHERE id = $1', [adj.body.id])).rejects.toThrow(/append-only/);
      await expect(server.db.query('DELETE FROM ledger_entries WHERE id = $1', [adj.body.id])).rejects.toThrow(/append-only/);
    });

    it('disputes only within three months of the record; an upheld one credits the account', async () => {
      const late = await api('clerkA', 'POST', '/disputes', { carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打', raisedOn: '2026-12-31' });
      expect(late.status).toBe(409);
      expect(late.body.message).toContain('2026-12-30');
      const d = await api('clerkA', 'POST', '/disputes', { carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打', raisedOn: '2026-12-30' });
      expect(d.status).toBe(200);
      const before = (await ledger(acct.A)).balanceFen;
      const res = await api('managerA', 'POST', `/disputes/${d.body.id}/resolve`, { outcome: 'upheld', note: '运营商确认重复计费', adjustmentFen: 40 });
      expect(res.body).toMatchObject({ status: 'upheld', adjustmentFen: 40 });
      expect((await ledger(acct.A)).balanceFen).toBe(before + 40);
    });

    it('the statement is a Word document in the contracts’ style with the amount due in uppercase RMB; the office summary too', async () => {
      const bills = (await api('clerkA', 'GET', `/bills?month=2026-09&accountId=${acct.A}`)).body.bills as { id: string }[];
      const res = await fetch(`${server.url}${base}/bills/${bills[0]!.id}/statement.docx`, { headers: { authorization: `Bearer ${tokens.clerkA}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('wordprocessingml');
      const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
      const text = xml.replace(/<[^>]+>/g, '');
      // opening −661, payment +661, September charges −10,500 → due 105.00
      expect(text).toContain('壹佰零伍元整');
      expect(text).toContain('2026-10-15');
      expect(text).toContain('客户A科技有限公司');
      const sum = await fetch(`${server.url}${base}/runs/2026-09/summary.docx`, { headers: { authorization: `Bearer ${tokens.managerA}` } });
      expect(sum.status).toBe(200);
      expect(strFromU8(unzipSync(new Uint8Array(await sum.arrayBuffer()))['word/document.xml']!).replace(/<[^>]+>/g, '')).toContain('出账账户 3 户');
    });

    it('billing results reach devices through the change log; payment.record from a device is a ledger command', async () => {
      const c = new TestClient(server.url, tokens.clerkA!, fx.officeA);
      await c.pullAll();
      const all = [...c.store.values()];
      expect(all.filter((x) => x.entity === 'bill').length).toBe(5);
      expect(all.some((x) => x.entity === 'ledgerEntry' && x.data?.accountId === acct.A && x.data?.kind === 'late_fee')).toBe(true);
      const before = (await ledger(acct.B)).balanceFen;
      expect(c.record('account', acct.B)?.data?.balanceFen).toBe(before);
      const r = await c.run('payment.record', { id: randomUUID(), accountId: acct.B, amountFen: 1_234, method: 'phone_bill_collection', reference: 'PB-1' });
      expect(r).toMatchObject({ status: 'applied', result: { balanceFen: before + 1_234 } });
      const renewal = await c.run('payment.record', { id: randomUUID(), accountId: acct.B, amountFen: 1_000, method: 'cash', kind: 'renewal' });
      expect(renewal.status).toBe('rejected');
      expect(renewal.reason?.message).toContain('首次续费');
      await c.pullAll();
      expect(c.record('account', acct.B)?.data?.balanceFen).toBe(before + 1_234);
      const agent = new TestClient(server.url, tokens.agentA!, fx.officeA);
      await agent.pullAll();
      expect([...agent.store.values()].some((x) => x.entity === 'ledgerEntry' || x.entity === 'bill')).toBe(false);
    });
  });
}
