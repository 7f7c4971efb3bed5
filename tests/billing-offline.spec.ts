// Billing offline against a real sync server process (PGlite): a manager's adjustment made with no
// network shows at once in the ledger (pending); meanwhile a payment reaches the server from another
// desk; after the sync the ledger shows exactly the server's balance, the adjustment confirmed with
// the manager as approver. The suspension the collections job logged is reversed from the pulled
// action log, offline, and the sync puts the account back to active. A call-record dispute raised
// and decided offline is booked by the server, its credit arriving with the sync.
import { expect, test } from '@playwright/test';
import { startSyncServer, type SyncServerHandle } from './support/server';
import { login, openSyncArea, syncUntilClean } from './support/syncClient';
import { formatFen } from '../shared/domain/index';

const PASSWORD = 'correct-horse-9';
const ACCOUNT = 'acc-e2e-billing';
const STATUS_ACTIVE = '正常';
let srv: SyncServerHandle;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

// The office's account as the server holds it: a customer, an active account, a prepayment of
// 1,000.00 and a charge of 300.00 due long ago, published through the server's own change log.
const SEED = `
const { publishLedger, appendLedger } = await import(ROOT + '/server/src/billing/ledger.ts');
const { putRecords } = await import(ROOT + '/server/src/billing/records.ts');
const { ensureCallMonth } = await import(ROOT + '/server/src/billing/callPartitions.ts');
await db.transaction(async (tx) => {
  const officeId = ids.BJ;
  await putRecords(tx, officeId, [
    { entity: 'customer', id: 'cust-e2e-billing', data: { name: '北京离线计费测试有限公司' } },
    { entity: 'account', id: '${ACCOUNT}', data: { no: 'BJ-E2E-0001', customerId: 'cust-e2e-billing', numberDigits: '4008123456', status: 'active', stateSince: '2026-01-05', openedOn: '2026-01-05', monthlyMinimumFen: 30000, balanceFen: 0 } },
  ]);
  const added = await appendLedger(tx, officeId, [
    { accountId: '${ACCOUNT}', kind: 'prepayment', amountFen: 100000, effectiveOn: '2026-01-05', method: 'bank_transfer', reference: 'BT-SEED', reason: '预存话费' },
    { accountId: '${ACCOUNT}', kind: 'monthly_charge', amountFen: -30000, effectiveOn: '2026-01-31', dueOn: '2026-02-15', reason: '1 月月度话费' },
  ]);
  await publishLedger(tx, officeId, added);
  // a call of today, as the carrier-file import stores it (call records stay on the server), in
  // its office month's partition
  await ensureCallMonth(tx, officeId, (await tx.query("SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m")).rows[0].m);
  await tx.query(
    \`INSERT INTO call_records (office_id, carrier, carrier_record_id, account_id, hotline, caller, forwarded_to, start_at, end_at, duration_s, local_day, billable_minutes, tariff_fen, rated_fen, import_id)
     VALUES ($1, 'telecom', 'E2E-CALL-1', '${ACCOUNT}', '4008123456', '13800000001', '01088886666', now(), now(), 61, (now() AT TIME ZONE 'Asia/Shanghai')::date, 2, 20, 40, $2)\`,
    [officeId, (await import('node:crypto')).randomUUID()],
  );
});
`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  srv = await startSyncServer({
    offices: [{ name: '北京营业厅', prefix: 'BJ' }],
    users: [
      { office: 'BJ', username: 'bj-mgr', password: PASSWORD, role: 'manager', displayName: '钱经理' },
      { office: 'BJ', username: 'bj-clerk', password: PASSWORD, role: 'clerk', displayName: '孙业务' },
    ],
    extraSeed: SEED,
  });
});

test.afterAll(async () => {
  await srv?.dispose();
});

async function serverApi(username: string) {
  const r = await fetch(`${srv.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const token = ((await r.json()) as { accessToken: string }).accessToken;
  const base = `${srv.url}/v1/offices/${srv.offices.BJ}/billing`;
  return async <T>(method: string, path: string, json?: unknown): Promise<T> => {
    const res = await fetch(base + path, { method, headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) }, body: json ? JSON.stringify(json) : undefined });
    expect(res.status, `${method} ${path}`).toBe(200);
    return (await res.json()) as T;
  };
}

test('an adjustment made offline shows at once and, after the sync, the ledger shows the server balance', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, 'bj-mgr', PASSWORD);
  await syncUntilClean(page);

  await page.goto(`/#/billing/account/${ACCOUNT}`);
  await expect(page.getByTestId('ledger-balance')).toHaveText('¥700.00', { timeout: 30_000 });
  await ctx.setOffline(true);

  await page.getByTestId('adjust-button').click();
  await page.getByRole('dialog').getByRole('combobox').click();
  await page.getByRole('option', { name: '调减余额（补收费用）' }).click();
  await page.getByTestId('adjust-amount').fill('50.05');
  await page.getByTestId('adjust-reason').fill('补收号码迁移工本费');
  await page.getByTestId('adjust-save').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // offline: the pending entry is in the ledger and the balance at once
  await expect(page.getByTestId('ledger-balance')).toHaveText('¥649.95');
  await expect(page.getByTestId('ledger-pending')).toHaveText('1');
  await page.screenshot({ path: 'test-results/billing-adjust-offline.png', animations: 'disabled', fullPage: true });

  // meanwhile a clerk at another desk books a payment on the server
  const clerk = await serverApi('bj-clerk');
  await clerk('POST', '/payments', { accountId: ACCOUNT, amountFen: 20_000, method: 'cash', reference: 'R-0002' });

  await ctx.setOffline(false);
  await syncUntilClean(page);
  const server = await (await serverApi('bj-mgr'))<{ balanceFen: number; entries: { kind: string; amountFen: number; approvedBy: string | null }[] }>('GET', `/accounts/${ACCOUNT}/ledger`);
  expect(server.balanceFen).toBe(100_000 - 30_000 - 5_005 + 20_000);
  expect(server.entries.filter((e) => e.kind === 'adjustment')).toEqual([expect.objectContaining({ amountFen: -5_005, approvedBy: expect.any(String) })]);
  await expect(page.getByTestId('ledger-balance')).toHaveText('¥849.95', { timeout: 30_000 });
  await expect(page.getByTestId('ledger-pending')).toHaveCount(0);
  await expect(page.getByTestId('ledger-row')).toHaveCount(4);
  await ctx.close();
});

test('the pulled action log is reversed offline; the sync resumes the suspended account', async ({ browser }) => {
  // a charge due today that the balance does not cover: tomorrow's collections run suspends the account
  const mgr = await serverApi('bj-mgr');
  await mgr('POST', `/accounts/${ACCOUNT}/adjustments`, { amountFen: -200_000, reason: '补收欠费' });
  const ledger = await mgr<{ today: string }>('GET', `/accounts/${ACCOUNT}/ledger`);
  const tomorrow = new Date(Date.parse(`${ledger.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const run = await mgr<{ actions: { accountId: string; action: string; actionId: string }[] }>('POST', '/collections', { date: tomorrow });
  expect(run.actions).toEqual([expect.objectContaining({ accountId: ACCOUNT, action: 'suspend' })]);

  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, 'bj-mgr', PASSWORD);
  await syncUntilClean(page);
  await ctx.setOffline(true);
  await page.goto('/#/billing/actions');
  await expect(page.getByTestId('actions-table')).toContainText('BJ-E2E-0001');
  await page.getByTestId('actions-table').getByRole('button', { name: '撤销' }).click();
  await page.getByTestId('reverse-reason').fill('客户已承诺月底前缴清');
  await page.getByTestId('reverse-confirm').click();
  await expect(page.getByTestId('action-reversed')).toHaveText('已撤销，待同步：客户已承诺月底前缴清');
  // the account shows resumed at once, before any sync
  await page.goto(`/#/billing/account/${ACCOUNT}`);
  await expect(page.getByRole('heading', { level: 2 })).toContainText(STATUS_ACTIVE);
  await page.goto('/#/billing/actions');

  await ctx.setOffline(false);
  await syncUntilClean(page);
  await expect(page.getByTestId('action-reversed')).toHaveText('已撤销：客户已承诺月底前缴清', { timeout: 30_000 });
  const after = await mgr<{ state: string }>('GET', `/accounts/${ACCOUNT}/ledger`);
  expect(after.state).toBe('active');
  await page.goto(`/#/billing/account/${ACCOUNT}`);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('BJ-E2E-0001');
  await expect(page.getByRole('heading', { level: 2 })).toContainText(STATUS_ACTIVE);
  await ctx.close();
});

test('a dispute raised offline is booked by the server; decided upheld offline, its credit arrives with the sync', async ({ browser }) => {
  const mgr = await serverApi('bj-mgr');
  const before = (await mgr<{ balanceFen: number }>('GET', `/accounts/${ACCOUNT}/ledger`)).balanceFen;
  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, 'bj-mgr', PASSWORD);
  await syncUntilClean(page);
  await page.goto(`/#/billing/account/${ACCOUNT}`);
  await expect(page.getByTestId('disputes-table')).toBeVisible({ timeout: 30_000 });
  await ctx.setOffline(true);
  await page.getByTestId('dispute-raise').click();
  await page.getByTestId('dispute-save').click();
  await expect(page.getByRole('dialog')).toContainText('话单流水号：必填。');
  await page.getByTestId('dispute-record').fill('E2E-CALL-1');
  await page.getByTestId('dispute-reason').fill('客户称未拨打');
  await page.getByTestId('dispute-save').click();
  await expect(page.getByTestId('disputes-table')).toContainText('E2E-CALL-1');
  await expect(page.getByTestId('disputes-table')).toContainText('待同步');

  await ctx.setOffline(false);
  await syncUntilClean(page);
  await expect(page.getByTestId('disputes-table')).not.toContainText('待同步');
  const open = await mgr<{ disputes: { carrierRecordId: string; status: string }[] }>('GET', '/disputes');
  expect(open.disputes).toEqual([expect.objectContaining({ carrierRecordId: 'E2E-CALL-1', status: 'open' })]);

  await ctx.setOffline(true);
  await page.getByTestId('disputes-table').getByRole('button', { name: '处理' }).click();
  await page.getByRole('dialog').getByLabel('处理结果说明').fill('运营商确认重复计费');
  await page.getByRole('dialog').getByLabel('退还金额（元，可不填）').fill('0.40');
  await page.getByRole('dialog').getByRole('button', { name: '处理' }).click();
  await expect(page.getByTestId('disputes-table')).toContainText('异议成立');
  // the credit shows at once as a pending entry
  await expect(page.getByTestId('ledger-balance')).toHaveText(`¥${formatFen(before + 40)}`);
  await ctx.setOffline(false);
  await syncUntilClean(page);
  const after = (await mgr<{ balanceFen: number }>('GET', `/accounts/${ACCOUNT}/ledger`)).balanceFen;
  expect(after).toBe(before + 40);
  await expect(page.getByTestId('ledger-balance')).toHaveText(`¥${formatFen(after)}`, { timeout: 30_000 });
  await ctx.close();
});
