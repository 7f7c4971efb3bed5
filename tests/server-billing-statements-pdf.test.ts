// Statements and the office summary as PDF (GET …/statement.pdf, …/summary.pdf): the server's
// .docx converted by LibreOffice, over HTTP on loopback, against PGlite and PostgreSQL. pdftotext
// must find the customer, the bill number, the hotline, the amount due in uppercase RMB and the
// totals. The PDFs and a PNG of the statement's first page are left in .test-output/billing-statements/.
// Skipped (with the reason in the title) only where soffice or pdftotext is missing; CI installs both.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, http, login, openTestDb, seed, startServer, suiteTitle, testBackends, type Fixture, type TestServer } from './server-harness';

const OUT = path.resolve(import.meta.dirname, '..', '.test-output', 'billing-statements');
const hasSoffice = spawnSync(process.env.HOTLINE_SOFFICE ?? 'soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const hasPoppler = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
const missing = !hasSoffice ? 'LibreOffice (soffice) is not installed' : !hasPoppler ? 'pdftotext (poppler-utils) is not installed' : undefined;
const backends = (await testBackends()).map((b) => (missing && !b.skip ? { ...b, skip: missing } : b));

const HOTLINE = '4008201234';
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('statement and summary as PDF', backend), () => {
    let server: TestServer;
    let dispose: () => Promise<void>;
    let fx: Fixture;
    const tokens: Record<string, string> = {};
    const accountId = randomUUID();
    let base: string;
    let billId: string;
    const get = (who: string, p: string) => fetch(`${server.url}${base}${p}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

    beforeAll(async () => {
      const t = await openTestDb(backend.kind, { poolSize: 10 });
      dispose = t.dispose;
      server = await startServer(t.db);
      fx = await seed(t.db);
      for (const name of ['managerA', 'clerkA', 'agentA', 'clerkB']) tokens[name] = (await login(server.url, fx.users[name]!)).accessToken;
      base = `/v1/offices/${fx.officeA}/billing`;
      expect((await http(server.url, 'POST', `/v1/offices/${fx.officeA}/numbers`, { token: tokens.managerA, json: { numbers: [HOTLINE] } })).status).toBe(200);
      const m = new TestClient(server.url, tokens.managerA!, fx.officeA);
      const pkg = randomUUID();
      await m.run('record.create', { entity: 'package', id: pkg, data: { name: '标准套餐', monthlyMinimumFen: 10_000, tariffFenPerMinute: 20, includedMinutes: 100, termMonths: 12, featureFees: [{ name: '彩铃', monthlyFen: 500 }] } });
      const customer = randomUUID();
      await m.run('record.create', { entity: 'customer', id: customer, data: { name: '郑州启凡软件有限公司' } });
      await m.run('number.allocate', { number: HOTLINE, customerId: customer });
      await m.run('record.create', { entity: 'account', id: accountId, data: { no: 'PDF-S', customerId: customer, numberDigits: HOTLINE, packageId: pkg, features: ['彩铃'], status: 'active', stateSince: '2026-09-01', openedOn: '2026-09-01', monthlyMinimumFen: 10_000 } });
      const csv = ['流水号,计费号码,主叫号码,被叫号码,开始时间,通话时长', `P1,${HOTLINE},13800000001,037167891234,2026-09-03 10:00:00,125`, `P2,${HOTLINE},13800000002,037167891234,2026-09-04 11:30:00,59`].join('\r\n');
      const mapping = { columns: { carrierRecordId: '流水号', hotline: '计费号码', caller: '主叫号码', forwardedTo: '被叫号码', startAt: '开始时间', durationSeconds: '通话时长' }, feeUnit: 'yuan' };
      expect((await http(server.url, 'POST', `${base}/imports`, { token: tokens.managerA, json: { carrier: 'telecom', fileName: 'sep.csv', format: 'csv', contentBase64: Buffer.from(csv).toString('base64'), mapping } })).body).toMatchObject({ imported: 2 });
      await http(server.url, 'POST', `${base}/payments`, { token: tokens.clerkA, json: { id: randomUUID(), accountId, amountFen: 3_000, method: 'cash', receivedOn: '2026-09-02' } });
      // 4 min, all included → the minimum 100.00 + 彩铃 5.00 = 105.00; balance 30.00 − 105.00 = −75.00 → due 柒拾伍元整
      expect((await http(server.url, 'POST', `${base}/runs`, { token: tokens.managerA, json: { month: '2026-09', today: '2026-10-01' } })).body).toMatchObject({ billsCreated: 1, totalFen: 10_500 });
      billId = ((await http(server.url, 'GET', `${base}/bills?month=2026-09`, { token: tokens.clerkA })).body as { bills: { id: string }[] }).bills[0]!.id;
      mkdirSync(OUT, { recursive: true });
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    it('the statement PDF carries the customer, bill number, hotline, the amount due in uppercase RMB and the totals', async () => {
      const res = await get('clerkA', `/bills/${billId}/statement.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toContain('statement-202609-PDF-S.pdf');
      const pdf = path.join(OUT, `statement-${backend.kind}.pdf`);
      writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
      const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      for (const words of ['400业务月度账单', '郑州启凡软件有限公司', '账单编号：202609-PDF-S', '400-820-1234', '应缴金额：', '人民币（大写）柒拾伍元整（¥75.00）', '2026-10-15', '本期费用合计105.00', '100.00', '5.00', '-75.00', '30.00', '13800000001']) {
        expect(text).toContain(squash(words));
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(OUT, `statement-${backend.kind}`)]);
    }, 180_000);

    it('the office summary PDF carries the month, the customer and the totals', async () => {
      const res = await get('managerA', '/runs/2026-09/summary.pdf');
      expect(res.status).toBe(200);
      const pdf = path.join(OUT, `summary-${backend.kind}.pdf`);
      writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
      const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      for (const words of ['2026-09 月度出账汇总', '郑州启凡软件有限公司', 'PDF-S', '出账账户 1 户，本期费用合计 105.00 元', '欠费合计 75.00 元']) expect(text).toContain(squash(words));
    }, 180_000);

    it('office-scoped and for staff like the .docx: other office 403, field agent 403, unknown bill 404, bad month 400', async () => {
      expect((await fetch(`${server.url}/v1/offices/${fx.officeA}/billing/bills/${billId}/statement.pdf`, { headers: { authorization: `Bearer ${tokens.clerkB}` } })).status).toBe(403);
      expect((await get('agentA', `/bills/${billId}/statement.pdf`)).status).toBe(403);
      expect((await fetch(`${server.url}${base}/bills/${billId}/statement.pdf`)).status).toBe(401);
      const unknown = await get('clerkA', `/bills/${randomUUID()}/statement.pdf`);
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).code).toBe('BILL_NOT_FOUND');
      expect((await get('clerkA', '/runs/2026-13/summary.pdf')).status).toBe(400);
    });
  });
}

describe('without LibreOffice on the server', () => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let token: string;
  let officeId: string;
  beforeAll(async () => {
    const t = await openTestDb('pglite');
    dispose = t.dispose;
    const before = process.env.HOTLINE_SOFFICE;
    process.env.HOTLINE_SOFFICE = '/nonexistent/soffice';
    try {
      server = await startServer(t.db);
    } finally {
      if (before === undefined) delete process.env.HOTLINE_SOFFICE;
      else process.env.HOTLINE_SOFFICE = before;
    }
    const fx = await seed(t.db);
    officeId = fx.officeA;
    token = (await login(server.url, fx.users.managerA!)).accessToken;
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  it('answers 503 with a zh-CN message that says what to do', async () => {
    const res = await http(server.url, 'GET', `/v1/offices/${officeId}/billing/runs/2026-09/summary.pdf`, { token });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'PDF_UNAVAILABLE' });
    expect(res.body.message).toContain('服务器未安装 LibreOffice');
    expect(res.body.message).toContain('Word');
  });
});
