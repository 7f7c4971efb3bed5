// Issue 6 end to end, against a real sync server process on loopback (PGlite): two users of one
// office edit offline in two browser contexts and converge (a same-field clash resolved on the
// conflicts screen); the app opens offline from the cached login; a push whose answer is lost is
// replayed without duplicates; two offices see nothing of each other; afterwards every device's
// store equals the server's snapshot of its office.
import { expect, test } from '@playwright/test';
import { startSyncServer, type SyncServerHandle } from './support/server';
import { customer, expectStoreEqualsServer, hook, login, openSyncArea, syncUntilClean } from './support/syncClient';

const PASSWORD = 'correct-horse-9';
let srv: SyncServerHandle;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  srv = await startSyncServer({
    offices: [
      { name: '北京营业厅', prefix: 'BJ' },
      { name: '上海营业厅', prefix: 'SH' },
    ],
    users: [
      { office: 'BJ', username: 'bj-wang', password: PASSWORD, role: 'clerk', displayName: '王业务' },
      { office: 'BJ', username: 'bj-zhao', password: PASSWORD, role: 'clerk', displayName: '赵业务' },
      { office: 'SH', username: 'sh-li', password: PASSWORD, role: 'clerk', displayName: '李业务' },
    ],
  });
});

test.afterAll(async () => {
  await srv?.dispose();
});

test('two users of one office edit offline and converge; a clash is resolved on the conflicts screen', async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await openSyncArea(ctxA);
  const b = await openSyncArea(ctxB);
  await login(a, srv.url, 'bj-wang', PASSWORD);
  await login(b, srv.url, 'bj-zhao', PASSWORD);

  const first = await hook<string[]>(a, 'createCustomers', 3, 'A');
  await syncUntilClean(a);
  await syncUntilClean(b);
  expect((await customer(b, first[0]!))?.name).toBe((await customer(a, first[0]!))?.name);

  // Both go offline and edit: the same field of customer 0 (a clash), different fields elsewhere.
  await ctxA.setOffline(true);
  await ctxB.setOffline(true);
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
  await hook(a, 'updateCustomer', first[0], { landline: '010-66660001' });
  await hook(b, 'updateCustomer', first[0], { landline: '010-77770002' });
  await hook(b, 'updateCustomer', first[1], { address: '北京市海淀区离线路 2 号' });
  const newA = await hook<string[]>(a, 'createCustomers', 1, 'A', 100);
  const newB = await hook<string[]>(b, 'createCustomers', 2, 'B');
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-pending', '4');

  // A comes back first and syncs before B is online: the automatic sync that starts when a
  // device comes online would otherwise let B's push win the race and swap the roles below.
  await ctxA.setOffline(false);
  await syncUntilClean(a);
  await ctxB.setOffline(false);
  await syncUntilClean(b);

  // B's landline edit clashed with A's: the server kept A's value and made a conflict for a person.
  const conflict = b.getByTestId('sync-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toHaveAttribute('data-field', 'landline');
  await expect(conflict.getByTestId('sync-conflict-server')).toHaveText('010-66660001');
  await expect(conflict.getByTestId('sync-conflict-mine')).toHaveText('010-77770002');
  await b.screenshot({ path: 'test-results/sync-conflict.png', animations: 'disabled', fullPage: true });
  await conflict.getByTestId('sync-conflict-keep-mine').click();
  await expect(b.getByTestId('sync-conflicts-empty')).toBeVisible();

  await syncUntilClean(b);
  await syncUntilClean(a);
  for (const page of [a, b]) {
    expect((await customer(page, first[0]!))?.landline).toBe('010-77770002');
    expect((await customer(page, first[1]!))?.address).toBe('北京市海淀区离线路 2 号');
    for (const id of [...first, ...newA, ...newB]) expect(await customer(page, id)).not.toBeNull();
  }
  const storeA = await expectStoreEqualsServer(a);
  const storeB = await expectStoreEqualsServer(b);
  expect(storeA).toEqual(storeB);
  expect(storeA.filter((k) => k.startsWith('customer:'))).toHaveLength(6);
  await expect(a.getByTestId('sync-rejected-empty')).toBeVisible();
  await a.screenshot({ path: 'test-results/sync-area.png', animations: 'disabled', fullPage: true });
  await ctxA.close();
  await ctxB.close();
});

test('the app opens offline from the cached login; a wrong password is refused', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, 'bj-wang', PASSWORD);
  // what the device keeps: a session and a verifier, never the password
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('hotline-office');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('meta').objectStore('meta').getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
          all.onerror = () => reject(all.error);
        };
      }),
  );
  expect(stored).toContain('"verifier"');
  expect(stored).not.toContain(PASSWORD);

  // A new window of the same profile (in the browser the page itself needs the network to load;
  // Electron loads it from file://), then offline: the saved login opens it with the password.
  const again = await ctx.newPage();
  await again.goto('/#/sync');
  const lock = again.getByTestId('sync-lock');
  await expect(lock).toBeVisible({ timeout: 30_000 });
  await ctx.setOffline(true);
  await expect(again.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
  await again.getByTestId('sync-password').fill('wrong-password');
  await again.getByTestId('sync-login-submit').click();
  await expect(again.getByTestId('sync-login-error')).toBeVisible();
  await again.getByTestId('sync-password').fill(PASSWORD);
  await again.getByTestId('sync-login-submit').click();
  await expect(lock).toBeHidden();
  await expect(again.getByTestId('sync-account-user')).toHaveText('王业务');
  await ctx.close();
});

test('a push whose answer was lost is replayed: stored answers, no duplicates', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await openSyncArea(ctx);
  await login(page, srv.url, 'bj-zhao', PASSWORD);
  await syncUntilClean(page);
  // customers only: each create also writes a line of the customer's history (customerHistory)
  const customers = async () => (await hook<{ records: { entity: string }[] }>(page, 'serverSnapshot')).records.filter((r) => r.entity === 'customer').length;
  const before = await customers();
  const ids = await hook<string[]>(page, 'createCustomers', 5, 'R');

  // The server processes the first push, but its answer never reaches the device.
  let lost = 0;
  await page.route('**/v1/sync/push', async (route) => {
    if (lost === 0) {
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  const replay = page.waitForResponse('**/v1/sync/push');
  await hook(page, 'syncNow');
  expect(lost).toBe(1);
  expect(await hook<number>(page, 'pending')).toBe(5);
  await syncUntilClean(page);
  const body = (await (await replay).json()) as { results: { replayed: boolean; status: string }[] };
  expect(body.results.map((r) => [r.status, r.replayed])).toEqual(ids.map(() => ['applied', true]));
  expect((await customers()) - before).toBe(5);
  await expectStoreEqualsServer(page);
  await ctx.close();
});

test('an attachment follows its record: uploaded by SHA-256, fetched by the other device', async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await openSyncArea(ctxA);
  const b = await openSyncArea(ctxB);
  await login(a, srv.url, 'bj-wang', PASSWORD);
  await login(b, srv.url, 'bj-zhao', PASSWORD);
  const [id] = await hook<string[]>(a, 'createCustomers', 1, 'F', 500);
  const sha = await hook<string>(a, 'addPdf', id, '营业执照扫描件');
  await syncUntilClean(a);
  await expect(a.getByTestId('sync-attachments')).toHaveText('1/1');
  await syncUntilClean(b);
  expect(await hook(b, 'attachments', id)).toEqual([{ sha256: sha, size: expect.any(Number), hasBytes: true }]);
  await expectStoreEqualsServer(b);
  await ctxA.close();
  await ctxB.close();
});

test('two offices see nothing of each other', async ({ browser }) => {
  const sh = await browser.newContext();
  const bj = await browser.newContext();
  const pSh = await openSyncArea(sh);
  const pBj = await openSyncArea(bj);
  await login(pSh, srv.url, 'sh-li', PASSWORD);
  await login(pBj, srv.url, 'bj-wang', PASSWORD);
  const shIds = await hook<string[]>(pSh, 'createCustomers', 2, 'SH');
  await syncUntilClean(pSh);
  await syncUntilClean(pBj);
  const shStore = await expectStoreEqualsServer(pSh);
  const bjStore = await expectStoreEqualsServer(pBj);
  expect(shStore.filter((k) => k.startsWith('customer:'))).toHaveLength(2);
  for (const id of shIds) {
    expect(await customer(pBj, id)).toBeNull();
    expect(bjStore.some((k) => k.includes(id))).toBe(false);
  }
  expect(bjStore.some((k) => shStore.includes(k))).toBe(false);
  await sh.close();
  await bj.close();
});
