// Issue 6 end to end, the hard cases against a real server process on loopback (PGlite): the
// server KILLED in the middle of a push and restarted (nothing lost, nothing duplicated); the
// network toggled 20 times during a sync; a page closed in the middle of a pull resumes from the
// saved cursor. Afterwards every device's store equals the server's snapshot of its office.
import { expect, test } from '@playwright/test';
import { startSyncServer, type SyncServerHandle } from './support/server';
import { expectStoreEqualsServer, hook, login, openSyncArea, syncUntilClean } from './support/syncClient';

const PASSWORD = 'correct-horse-9';
let srv: SyncServerHandle;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  srv = await startSyncServer({
    offices: [{ name: '广州营业厅', prefix: 'GZ' }],
    users: [
      { office: 'GZ', username: 'gz-chen', password: PASSWORD, role: 'clerk' },
      { office: 'GZ', username: 'gz-lin', password: PASSWORD, role: 'clerk' },
    ],
  });
});

test.afterAll(async () => {
  await srv?.dispose();
});

type Snapshot = { records: { entity: string; id: string; data: { name?: string } }[] };

function customersOf(s: Snapshot) {
  return s.records.filter((r) => r.entity === 'customer');
}

test('the server killed in the middle of a push and restarted: nothing lost, nothing duplicated', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, 'gz-chen', PASSWORD);
  await syncUntilClean(page);
  await ctx.setOffline(true);
  const ids = await hook<string[]>(page, 'createCustomers', 450, 'K');

  // Pushed in batches of 200 (coming online starts the sync): kill the server just after the
  // second batch is sent.
  let pushes = 0;
  const second = new Promise<void>((resolve) => {
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/sync/push') && ++pushes === 2) resolve();
    });
  });
  await ctx.setOffline(false);
  const run = hook(page, 'syncNow');
  await second;
  await page.waitForTimeout(30);
  await srv.kill();
  await run;
  const left = await hook<number>(page, 'pending');
  expect(left).toBeGreaterThanOrEqual(50);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-error', 'true');

  await srv.start();
  // what survived the kill: the first batch at least, never more than was sent
  const survived = customersOf(await hook<Snapshot>(page, 'serverSnapshot')).length;
  expect(survived).toBeGreaterThanOrEqual(200);
  expect(survived).toBeLessThanOrEqual(400);
  await syncUntilClean(page);
  const snap = await hook<Snapshot>(page, 'serverSnapshot');
  const customers = customersOf(snap);
  expect(customers).toHaveLength(450);
  expect(new Set(customers.map((c) => c.id))).toEqual(new Set(ids));
  expect(new Set(customers.map((c) => c.data.name)).size).toBe(450);
  await expectStoreEqualsServer(page);
  await expect(page.getByTestId('sync-rejected-empty')).toBeVisible();
  await ctx.close();
});

test('the network toggled 20 times during a sync: the sync completes, the store equals the server', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, 'gz-lin', PASSWORD);
  const ids = await hook<string[]>(page, 'createCustomers', 200, 'T');
  const run = hook(page, 'syncNow');
  for (let i = 0; i < 20; i++) {
    await ctx.setOffline(i % 2 === 0);
    await page.waitForTimeout(60 + ((i * 37) % 90));
  }
  await ctx.setOffline(false);
  await run;
  await syncUntilClean(page);
  const snap = await hook<Snapshot>(page, 'serverSnapshot');
  for (const id of ids) expect(customersOf(snap).some((c) => c.id === id)).toBe(true);
  expect(customersOf(snap)).toHaveLength(650);
  await expectStoreEqualsServer(page);
  await ctx.close();
});

test('a page closed in the middle of a pull resumes from its saved cursor', async ({ browser }) => {
  const ctx = await browser.newContext();
  // Pull pages of 250, and every page after the first slowed down, so the window can be closed
  // after the first page of this fresh device's initial sync (started by the login) is saved.
  let pages = 0;
  await ctx.route('**/v1/sync/pull', async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    pages++;
    if (pages > 1) await new Promise((r) => setTimeout(r, 3_000));
    await route.continue({ postData: JSON.stringify({ ...body, limit: 250 }) }).catch(() => undefined);
  });
  let page = await openSyncArea(ctx);
  await login(page, srv.url, 'gz-chen', PASSWORD);
  await expect.poll(async () => Object.values(await hook<Record<string, number>>(page, 'cursor'))[0] ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
  const saved = Object.values(await hook<Record<string, number>>(page, 'cursor'))[0]!;
  await page.close();
  await ctx.unroute('**/v1/sync/pull');

  const seen: number[] = [];
  ctx.on('request', (r) => {
    if (r.url().endsWith('/v1/sync/pull')) seen.push(Object.values((r.postDataJSON() as { cursor: Record<string, number> }).cursor)[0] ?? 0);
  });
  page = await ctx.newPage();
  await page.goto('/#/sync');
  // the new window needs the password (the login is cached, not the unlock)
  await page.getByTestId('sync-password').fill(PASSWORD);
  await page.getByTestId('sync-login-submit').click();
  await expect(page.getByTestId('sync-lock')).toBeHidden();
  await page.waitForFunction(() => Boolean((window as unknown as { __hotlineSync?: unknown }).__hotlineSync));
  await syncUntilClean(page);
  expect(seen[0]).toBeGreaterThanOrEqual(saved);
  await expectStoreEqualsServer(page);
  await ctx.close();
});
