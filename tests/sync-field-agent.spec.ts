// Issue 6 "done when", end to end against a real sync server process on PostgreSQL (a scratch
// database; PGlite only when no PostgreSQL answers): two offices; a clerk, a manager and a field
// agent of office A, a clerk of office B. The agent takes a lease online on the 领用号码 screen,
// goes offline, sells a leased number to a new customer through the application form, and is
// refused a number it does not hold; the clerk sells a different number online; everyone does the
// end-of-day sync. Then every device holds exactly its office's records (the server's snapshot)
// and no number is held by two customers.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createScratchPostgres, startSyncServer, type SyncServerHandle } from './support/server';
import { expectStoreEqualsServer, hook, login, openSyncArea, syncUntilClean } from './support/syncClient';

const PASSWORD = 'correct-horse-9';
let srv: SyncServerHandle;
let scratch: ReturnType<typeof createScratchPostgres> = null;

// office A's pool: 4008 numbers (the agent leases three of them) and 4006 numbers; office B's own
const POOL_A_4008 = ['4008310001', '4008310002', '4008310003', '4008310004', '4008310005', '4008310006'];
const POOL_A_4006 = ['4006310001', '4006310002'];
const POOL_B = ['4008390001', '4008390002'];

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

async function addNumbers(officeId: string, username: string, numbers: string[]) {
  const login = await fetch(`${srv.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const r = await fetch(`${srv.url}/v1/offices/${officeId}/numbers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ numbers }),
  });
  expect(r.status).toBe(200);
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  scratch = createScratchPostgres();
  // the issue asks for the real PostgreSQL; PGlite only where none answers (said in the output)
  console.log(scratch ? `sync server on PostgreSQL ${scratch.url}` : 'no PostgreSQL reachable: sync server on PGlite');
  srv = await startSyncServer({
    databaseUrl: scratch?.url,
    offices: [
      { name: '北京营业厅', prefix: 'BJ' },
      { name: '上海营业厅', prefix: 'SH' },
    ],
    users: [
      { office: 'BJ', username: 'bj-clerk', password: PASSWORD, role: 'clerk', displayName: '王业务' },
      { office: 'BJ', username: 'bj-manager', password: PASSWORD, role: 'manager', displayName: '刘经理' },
      { office: 'BJ', username: 'bj-agent', password: PASSWORD, role: 'field_agent', displayName: '陈外勤' },
      { office: 'SH', username: 'sh-clerk', password: PASSWORD, role: 'clerk', displayName: '李业务' },
      { office: 'SH', username: 'sh-manager', password: PASSWORD, role: 'manager', displayName: '周经理' },
    ],
  });
  await addNumbers(srv.offices.BJ!, 'bj-manager', [...POOL_A_4008, ...POOL_A_4006]);
  await addNumbers(srv.offices.SH!, 'sh-manager', POOL_B);
});

test.afterAll(async () => {
  await srv?.dispose();
  scratch?.drop();
});

/** In-app navigation (hash route), which also works offline: the page is not loaded again. */
async function nav(page: Page, hash: string) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

async function selectSegment(page: Page, segment: string) {
  await page.getByTestId('lease-segment').getByRole('combobox').click();
  await page.getByRole('option', { name: new RegExp(`^${segment}`) }).click();
}

async function device(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, username, PASSWORD);
  await syncUntilClean(page);
  return page;
}

/** The application form for a new service: customer → number picked and reserved here → draft saved. */
async function sellThroughForm(page: Page, customerName: string, pick: (page: Page) => Promise<string>): Promise<string> {
  await nav(page, '#/applications/new');
  await page.getByTestId('wizard-customer-search').fill(customerName);
  await page.getByTestId('wizard-customer').filter({ hasText: customerName }).first().click();
  await page.getByTestId('wizard-next').click();
  const digits = await pick(page);
  await page.getByTestId(`reserve-${digits}`).click();
  await expect(page.getByTestId('reserved-number').filter({ hasText: digits.slice(-4) })).toHaveCount(1);
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-save').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('草稿', { timeout: 20_000 });
  return digits;
}

async function pickerRows(page: Page): Promise<string[]> {
  await page.getByTestId('picker-search').click();
  const rows = page.getByTestId('picker-results').getByTestId('picker-row');
  await expect(rows.first()).toBeVisible();
  return (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.replace(/\D/g, ''));
}

test('a field agent sells offline from its lease only; every device ends with exactly its office', async ({ browser }) => {
  const clerkA = await device(browser, 'bj-clerk');
  const managerA = await device(browser, 'bj-manager');
  const agent = await device(browser, 'bj-agent');
  const clerkB = await device(browser, 'sh-clerk');

  // 1. Online, the agent takes three 4008 numbers for 48 hours on the 领用号码 screen.
  await nav(agent, '#/numbers/leases');
  await expect(agent.getByTestId('lease-empty')).toBeVisible();
  await agent.getByTestId('lease-count').fill('3');
  await selectSegment(agent, '4008');
  await agent.getByTestId('lease-hours').fill('48');
  await agent.getByTestId('lease-take').click();
  await expect(agent.getByTestId('lease-notice')).toHaveAttribute('data-severity', 'success', { timeout: 30_000 });
  const leased = POOL_A_4008.slice(0, 3);
  await expect(agent.getByTestId('lease-granted-numbers')).toHaveText(leased.map((d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`).join('  '));
  await expect(agent.getByTestId('lease-row')).toHaveCount(1);
  await expect(agent.getByTestId('lease-row')).toHaveAttribute('data-state', 'live');
  await agent.screenshot({ path: 'test-results/field-agent-lease.png', animations: 'disabled', fullPage: true });

  // A request the server refuses is shown with the server's reason: office A has no 4009 numbers.
  await selectSegment(agent, '4009');
  await agent.getByTestId('lease-take').click();
  await expect(agent.getByTestId('lease-notice')).toHaveAttribute('data-severity', 'error', { timeout: 30_000 });
  await expect(agent.getByTestId('lease-notice')).toContainText('服务器拒绝');
  await expect(agent.getByTestId('lease-row')).toHaveCount(1);
  expect(await hook<number>(agent, 'pending')).toBe(0);

  // 2. Offline: a new customer, a leased number through the application form; nothing else offered.
  await agent.context().setOffline(true);
  await expect(agent.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
  await nav(agent, '#/numbers/leases');
  await agent.getByTestId('lease-take').click();
  await expect(agent.getByTestId('lease-notice')).toHaveAttribute('data-severity', 'warning');
  const [agentCustomer] = await hook<string[]>(agent, 'createCustomers', 1, '外勤客户');
  const agentName = (await hook<{ name: string }>(agent, 'getCustomer', agentCustomer)).name;
  const sold = await sellThroughForm(agent, agentName, async (page) => {
    expect(await pickerRows(page)).toEqual(leased);
    return leased[1]!;
  });

  // …and is refused a number it does not hold (the pool page lists it; the repository says no).
  const unleased = POOL_A_4008[4]!;
  await nav(agent, '#/numbers');
  await agent.getByTestId('pool-search').fill(unleased);
  await agent.getByTestId(`reserve-${unleased}`).click();
  await agent.getByTestId('reserve-customer').locator('input').fill(agentName.slice(0, 6));
  await agent.getByRole('option').first().click();
  await agent.getByTestId('reserve-run').click();
  await expect(agent.getByRole('dialog').getByRole('alert')).toContainText('不在您当前有效的领用号码中');
  await agent.keyboard.press('Escape');

  // 3. Meanwhile the clerk of office A, online (its device syncs on its own, here at once), sells a
  // different number: its picker offers the pool but not the agent's live lease.
  await syncUntilClean(clerkA);
  const [clerkCustomer] = await hook<string[]>(clerkA, 'createCustomers', 1, '柜台客户');
  const clerkName = (await hook<{ name: string }>(clerkA, 'getCustomer', clerkCustomer)).name;
  const clerkSold = await sellThroughForm(clerkA, clerkName, async (page) => {
    const offered = await pickerRows(page);
    for (const d of leased) expect(offered).not.toContain(d);
    expect(offered).toContain(POOL_A_4008[3]);
    return POOL_A_4008[3]!;
  });
  expect(clerkSold).not.toBe(sold);
  await syncUntilClean(clerkA);

  // 4. End of day: the agent comes back online; everybody syncs.
  await agent.context().setOffline(false);
  await syncUntilClean(agent);
  expect(await hook<unknown[]>(agent, 'rejected')).toEqual([]);
  for (const page of [clerkA, managerA, clerkB, agent, clerkA, managerA]) await syncUntilClean(page);

  // The manager sees the agent's lease — in English here — and returns it: the unsold numbers go
  // back to the pool, the sold one stays with its customer.
  await nav(managerA, '#/numbers/leases');
  await expect(managerA.getByTestId('lease-row')).toHaveCount(1);
  await expect(managerA.getByTestId('lease-row')).toContainText('陈外勤');
  await managerA.getByRole('button', { name: 'English' }).click();
  await expect(managerA.getByTestId('lease-list')).toContainText('Taken by');
  await expect(managerA.getByTestId('lease-row')).toHaveAttribute('data-state', 'live');
  await managerA.getByTestId('lease-return').click();
  await expect(managerA.getByTestId('lease-notice')).toHaveAttribute('data-severity', 'success', { timeout: 30_000 });
  await expect(managerA.getByTestId('lease-notice')).toContainText('Returned');
  await expect(managerA.getByTestId('lease-row')).toHaveAttribute('data-state', 'returned');
  await managerA.screenshot({ path: 'test-results/field-agent-lease-manager-en.png', animations: 'disabled', fullPage: true });
  await managerA.getByRole('button', { name: '中文' }).click();
  for (const page of [agent, clerkA, clerkB, managerA]) await syncUntilClean(page);
  await nav(agent, '#/numbers/leases');
  await expect(agent.getByTestId('lease-row')).toHaveAttribute('data-state', 'returned');

  // Every device holds exactly its office's records.
  const stores = [];
  for (const page of [clerkA, managerA, agent, clerkB]) stores.push(await expectStoreEqualsServer(page));
  const [sClerkA, sManagerA, sAgent, sClerkB] = stores as [string[], string[], string[], string[]];
  expect(sManagerA).toEqual(sClerkA);
  // a field agent is sent its own leases only (here the only one) and no colleagues' user records
  expect(sAgent).toEqual(sClerkA.filter((k) => !k.startsWith('user:')));
  expect(sAgent.filter((k) => k.startsWith('lease:'))).toHaveLength(1);
  expect(sClerkB.some((k) => sClerkA.includes(k))).toBe(false);
  for (const d of POOL_B) expect(sClerkA.some((k) => k.startsWith(`hotlineNumber:${d}@`))).toBe(false);

  // No number is held by two customers: each sold number is reserved for its own customer, on the server's word.
  const snap = await hook<{ records: { entity: string; id: string; data?: Record<string, unknown> }[] }>(managerA, 'serverSnapshot');
  const numberRecords = snap.records.filter((r) => r.entity === 'hotlineNumber');
  if (numberRecords.some((r) => r.data)) {
    const holder = new Map(numberRecords.map((r) => [r.id, r.data?.customerId ?? null]));
    expect(holder.get(sold)).toBe(agentCustomer);
    expect(holder.get(clerkSold)).toBe(clerkCustomer);
    expect(holder.get(unleased)).toBeNull();
  }
  const held = await managerA.evaluate(async (digits: string[]) => {
    const out: Record<string, string | null> = {};
    const req = indexedDB.open('hotline-office');
    const dbh: IDBDatabase = await new Promise((res, rej) => {
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    const store = dbh.transaction('numbers').objectStore('numbers');
    for (const d of digits) {
      const row = await new Promise<{ status: string; customerId: string | null } | undefined>((res) => {
        const g = store.get(d);
        g.onsuccess = () => res(g.result as never);
      });
      out[d] = row ? `${row.status}:${row.customerId ?? ''}` : null;
    }
    return out;
  }, [sold, clerkSold, unleased]);
  expect(held).toEqual({ [sold]: `reserved:${agentCustomer}`, [clerkSold]: `reserved:${clerkCustomer}`, [unleased]: 'available:' });

  // After the return the clerk is offered the agent's unsold numbers again, never the sold one.
  await nav(clerkA, '#/applications/new');
  await clerkA.getByTestId('wizard-customer-search').fill(clerkName);
  await clerkA.getByTestId('wizard-customer').filter({ hasText: clerkName }).first().click();
  await clerkA.getByTestId('wizard-next').click();
  const offered = await pickerRows(clerkA);
  expect(offered).toContain(leased[0]);
  expect(offered).toContain(leased[2]);
  expect(offered).not.toContain(sold);
});
