// The carrier-file import at size, over HTTP on loopback, against PGlite and PostgreSQL: a 50,000-row
// file streamed as the request body (no 8 MB JSON cap), rated exactly like shared rateUsage in the
// monthly run, a re-import counted as skipped, a bad row in the middle refusing the whole file by its
// line, a GBK file, an XLSX file, and an upload over the size limit answered 413 in zh-CN.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateUsage } from '../shared/billing/index';
import { TestClient, http, login, openTestDb, seed, startServer, suiteTitle, testBackends, type Fixture, type TestServer } from './server-harness';

const backends = await testBackends();

// Read when the server registers its routes: 8 MB here, so the 50k-row file (~4 MB) fits and 9 MB does not.
const LIMIT = 8 * 1024 * 1024;
process.env.MAX_CALL_IMPORT_BYTES = String(LIMIT);

const HEADER = ['流水号', '计费号码', '主叫号码', '被叫号码', '开始时间', '通话时长', '话费'];
const MAPPING = { columns: { carrierRecordId: '流水号', hotline: '计费号码', caller: '主叫号码', forwardedTo: '被叫号码', startAt: '开始时间', durationSeconds: '通话时长', feeFen: '话费' }, feeUnit: 'yuan' };
const NUMBERS = ['4008101001', '4008101002', '4008101003', '4008101004'];
/** opening dates: one opens mid-month (calls before it are not billed), one before, two on the 1st */
const OPENED = ['2026-06-01', '2026-09-16', '2026-09-01', '2026-09-01'];
const INCLUDED = [100, 100, 0, 5000];
const TARIFF = [20, 20, 15, 7];
const ROWS = 50_000;

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
const p2 = (n: number) => String(n).padStart(2, '0');

interface GenCall { id: string; account: number; startAt: string; day: string; seconds: number }
/** September 2026 in Beijing wall-clock time, durations 0–1,200 s (0 s and exact minutes included). */
function generate(n: number, prefix: string): GenCall[] {
  const rnd = lcg(7);
  const calls: GenCall[] = [];
  for (let i = 0; i < n; i++) {
    const account = Math.floor(rnd() * NUMBERS.length);
    const day = `2026-09-${p2(1 + Math.floor(rnd() * 30))}`;
    const s = Math.floor(rnd() * 86_400);
    const r = rnd();
    const seconds = r < 0.05 ? 0 : r < 0.1 ? 60 * Math.floor(rnd() * 10) : Math.floor(rnd() * 1200);
    calls.push({ id: `${prefix}${String(i).padStart(7, '0')}`, account, startAt: `${day} ${p2(Math.floor(s / 3600))}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`, day, seconds });
  }
  return calls;
}
/** Text → GBK bytes, from a table built by decoding every two-byte GBK code (no encoder in Node). */
function gbkEncode(text: string): Uint8Array<ArrayBuffer> {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(dec.decode(new Uint8Array([hi, lo])), [hi, lo]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const csvOf = (calls: GenCall[]) =>
  [HEADER.join(','), ...calls.map((c) => `${c.id},${NUMBERS[c.account]},13800138000,037167891234,${c.startAt},${c.seconds},${(Math.ceil(c.seconds / 60) * 0.2).toFixed(2)}`)].join('\r\n') + '\r\n';

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('call-record import at size', backend), () => {
    let server: TestServer;
    let dispose: () => Promise<void>;
    let fx: Fixture;
    const tokens: Record<string, string> = {};
    const accounts = NUMBERS.map(() => randomUUID());
    let base: string;
    const api = (who: string, method: string, path: string, json?: unknown) => http(server.url, method, `${base}${path}`, { token: tokens[who], json });
    const upload = (who: string, body: BodyInit, q: Record<string, string>, type = 'text/csv') =>
      http(server.url, 'POST', `${base}/imports/file?${new URLSearchParams({ carrier: 'unicom', fileName: 'calls.csv', format: 'csv', ...q })}`, { token: tokens[who], body, headers: { 'content-type': type } });
    const stored = async () => Number((await server.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM call_records WHERE office_id = $1', [fx.officeA])).rows[0]!.n);
    const calls = generate(ROWS, 'U');

    beforeAll(async () => {
      const t = await openTestDb(backend.kind, { poolSize: 10 });
      dispose = t.dispose;
      server = await startServer(t.db);
      fx = await seed(t.db);
      for (const name of Object.keys(fx.users)) tokens[name] = (await login(server.url, fx.users[name]!)).accessToken;
      base = `/v1/offices/${fx.officeA}/billing`;
      expect((await http(server.url, 'POST', `/v1/offices/${fx.officeA}/numbers`, { token: tokens.managerA, json: { numbers: NUMBERS } })).status).toBe(200);
      const m = new TestClient(server.url, tokens.managerA!, fx.officeA);
      for (let i = 0; i < NUMBERS.length; i++) {
        const pkg = randomUUID();
        await m.run('record.create', { entity: 'package', id: pkg, data: { name: `套餐${i}`, monthlyMinimumFen: 1_000, tariffFenPerMinute: TARIFF[i], includedMinutes: INCLUDED[i], termMonths: 12, featureFees: [] } });
        const customer = randomUUID();
        await m.run('record.create', { entity: 'customer', id: customer, data: { name: `导入客户${i}有限公司` } });
        expect((await m.run('number.allocate', { number: NUMBERS[i], customerId: customer })).status).toBe('applied');
        const r = await m.run('record.create', {
          entity: 'account',
          id: accounts[i],
          data: { no: `IMP-${i}`, customerId: customer, numberDigits: NUMBERS[i], packageId: pkg, features: [], status: 'active', stateSince: OPENED[i], openedOn: OPENED[i], monthlyMinimumFen: 1_000 },
        });
        expect(r.status).toBe('applied');
      }
      expect((await api('managerA', 'PUT', '/carriers/unicom/mapping', MAPPING)).status).toBe(200);
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    it('a 50,000-row file streamed as the body imports whole; the run rates it exactly like shared rateUsage', async () => {
      const r = await upload('clerkA', csvOf(calls), {});
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ rowsRead: ROWS, imported: ROWS, skippedDuplicates: 0 });
      expect(await stored()).toBe(ROWS);
      const sums = (await server.db.query<{ m: number; f: number }>('SELECT SUM(billable_minutes)::bigint AS m, SUM(rated_fen)::bigint AS f FROM call_records WHERE office_id = $1', [fx.officeA])).rows[0]!;
      expect(Number(sums.m)).toBe(calls.reduce((s, c) => s + Math.ceil(c.seconds / 60), 0));
      expect(Number(sums.f)).toBe(calls.reduce((s, c) => s + Math.ceil(c.seconds / 60) * TARIFF[c.account]!, 0));

      const run = await api('managerA', 'POST', '/runs', { month: '2026-09', today: '2026-10-01' });
      expect(run.status).toBe(200);
      const bills = (await api('managerA', 'GET', '/bills?month=2026-09')).body.bills as { accountId: string; totalMinutes: number; includedUsed: number; chargedMinutes: number; usageFen: number }[];
      expect(bills).toHaveLength(NUMBERS.length);
      for (let i = 0; i < NUMBERS.length; i++) {
        // calls before the opening date are not billed (4008 contract 4.4)
        const mine = calls.filter((c) => c.account === i && c.day >= OPENED[i]!).map((c) => ({ carrierRecordId: c.id, startAt: c.startAt, durationSeconds: c.seconds }));
        const want = rateUsage(mine, INCLUDED[i]!, TARIFF[i]!);
        expect(bills.find((b) => b.accountId === accounts[i])).toMatchObject({ totalMinutes: want.totalMinutes, includedUsed: want.includedUsed, chargedMinutes: want.chargedMinutes, usageFen: want.usageFen });
      }
    }, 300_000);

    it('the same file again imports nothing and counts every row as skipped; a file half old, half new adds the new half', async () => {
      const again = await upload('clerkA', csvOf(calls.slice(0, 2_000)), {});
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ rowsRead: 2_000, imported: 0, skippedDuplicates: 2_000 });
      const fresh = generate(1_000, 'V');
      const mixed = await upload('clerkA', csvOf([...calls.slice(100, 1_100), ...fresh, calls[5]!]), {});
      expect(mixed.body).toMatchObject({ rowsRead: 2_001, imported: 1_000, skippedDuplicates: 1_001 });
      expect(await stored()).toBe(ROWS + 1_000);
    }, 120_000);

    it('a bad row in the middle of a large file: nothing is saved and the error names its line (quoted line breaks and blank lines counted)', async () => {
      const before = await stored();
      const rows = generate(20_000, 'W').map((c) => `${c.id},${NUMBERS[c.account]},13800138000,037167891234,${c.startAt},${c.seconds},0.20`);
      rows[10] = `W-quoted,${NUMBERS[0]},"138 0013
8000",037167891234,2026-09-03 10:00:00,30,0.20`; // one record on lines 12–13
      rows.splice(500, 0, ''); // a blank line
      rows[10_000] = `W-bad,${NUMBERS[0]},13800138000,037167891234,2026-09-31 10:00:00,30,0.20`;
      const file = [HEADER.join(','), ...rows].join('\n') + '\n';
      // header = line 1, rows[i] on line i + 2, plus one line for the quoted break before it
      const line = 10_000 + 2 + 1;
      const r = await upload('clerkA', file, {});
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'IMPORT_REFUSED', errorCount: 1, errors: [{ row: line, field: 'startAt', message: `第 ${line} 行：开始时间：“2026-09-31 10:00:00”不是有效的时间。` }] });
      expect(r.body.message).toBe('文件有 1 处错误，未导入任何话单。');
      expect(await stored()).toBe(before);
    }, 120_000);

    it('a GBK file (Excel on Chinese Windows) imports like UTF-8; an XLSX body too', async () => {
      const text = `${HEADER.join(',')}\r\nG1,${NUMBERS[2]},13800138000,037167891234,2026-09-05 10:00:00,61,0.40\r\n`;
      const bytes = gbkEncode(text);
      expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
      const r = await upload('clerkA', bytes, { fileName: '联通话单.csv' }, 'application/octet-stream');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ rowsRead: 1, imported: 1 });
      const row = (await server.db.query<{ billable_minutes: number; rated_fen: number }>("SELECT billable_minutes, rated_fen FROM call_records WHERE office_id = $1 AND carrier_record_id = 'G1'", [fx.officeA])).rows[0];
      expect(row).toEqual({ billable_minutes: 2, rated_fen: 30 });

      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('话单');
      ws.addRow(HEADER);
      ws.addRow(['X1', NUMBERS[3], '13800000009', '037167891234', '2026-09-02 10:00:00', 30, '0.10']);
      ws.addRow(['X2', NUMBERS[3], '13800000009', '037167891234', '2026-09-02 25:00:00', 30, '0.10']);
      const bad = await upload('clerkA', new Uint8Array(await wb.xlsx.writeBuffer()), { format: 'xlsx', fileName: 'c.xlsx' }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0]).toMatchObject({ row: 3, field: 'startAt' });
      ws.spliceRows(3, 1);
      const ok = await upload('clerkA', new Uint8Array(await wb.xlsx.writeBuffer()), { format: 'xlsx', fileName: 'c.xlsx' }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(ok.body).toMatchObject({ rowsRead: 1, imported: 1 });
      // not a zip at all: refused by name, and the connection it held is fine for the next import
      for (let i = 0; i < 3; i++) {
        const broken = await upload('clerkA', utf8('这不是 XLSX'), { format: 'xlsx', fileName: 'broken.xlsx' }, 'application/octet-stream');
        expect(broken.status).toBe(422);
        expect(broken.body.message).toMatch(/^文件无法读取（XLSX）/);
      }
      expect((await upload('clerkA', csvOf(generate(3, 'Y')), {})).body).toMatchObject({ imported: 3 });
    }, 120_000);

    it('an upload over the limit is refused 413 with a zh-CN message; another office or a field agent cannot import', async () => {
      const before = await stored();
      const big = new Uint8Array(LIMIT + 1024).fill(0x31);
      const r = await upload('clerkA', big, {});
      expect(r.status).toBe(413);
      expect(r.body).toMatchObject({ code: 'FILE_TOO_LARGE' });
      expect(r.body.message).toContain('话单文件超过导入上限 8 MB');
      expect(await stored()).toBe(before);
      const other = await http(server.url, 'POST', `${base}/imports/file?carrier=unicom&fileName=a.csv&format=csv`, { token: tokens.clerkB, body: csvOf(calls.slice(0, 3)), headers: { 'content-type': 'text/csv' } });
      expect(other.status).toBe(403);
      const agent = await upload('agentA', csvOf(generate(3, 'Z')), {});
      expect(agent.status).toBe(403);
      const badMapping = await upload('clerkA', csvOf(generate(3, 'Z')), { mapping: '{"columns":' });
      expect(badMapping.status).toBe(400);
      expect(await stored()).toBe(before);
    }, 120_000);
  });
}
