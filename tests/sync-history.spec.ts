// A customer's change history travels: one clerk registers and edits a customer, another edits it
// on a second device; after both sync, the history tab of that customer shows the same lines on
// both devices — each change once, by the name of who made it, in the server's order.
import { expect, test, type Page } from '@playwright/test';
import { startSyncServer, type SyncServerHandle } from './support/server';
import { customer, hook, login, openSyncArea, syncUntilClean } from './support/syncClient';

const PASSWORD = 'correct-horse-9';
let srv: SyncServerHandle;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  srv = await startSyncServer({
    offices: [{ name: '郑州营业厅', prefix: 'ZZ' }],
    users: [
      { office: 'ZZ', username: 'zz-wang', password: PASSWORD, role: 'clerk', displayName: '王业务' },
      { office: 'ZZ', username: 'zz-zhao', password: PASSWORD, role: 'clerk', displayName: '赵业务' },
    ],
  });
});

test.afterAll(async () => {
  await srv?.dispose();
});

/** The history tab of a customer as the person sees it: user, field, old, new per row (newest first). */
async function historyRows(page: Page, customerId: string): Promise<string[][]> {
  await page.goto(`/#/customers/${customerId}`);
  await page.getByTestId('tab-history').click();
  const rows = page.getByTestId('history-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const out: string[][] = [];
  for (const row of await rows.all()) out.push((await row.locator('td').allInnerTexts()).slice(1));
  return out;
}

test('a customer\'s history is the same on every device after a sync, each change once, by who made it', async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await openSyncArea(ctxA);
  const b = await openSyncArea(ctxB);
  await login(a, srv.url, 'zz-wang', PASSWORD);
  await login(b, srv.url, 'zz-zhao', PASSWORD);

  const [id] = await hook<string[]>(a, 'createCustomers', 1, 'H');
  await hook(a, 'updateCustomer', id, { address: '郑州市金水区历史路 1 号' });
  await syncUntilClean(a);
  await syncUntilClean(b);
  await hook(b, 'updateCustomer', id, { landline: '0371-66668888' });
  await syncUntilClean(b);
  await syncUntilClean(a);
  expect((await customer(a, id!))?.landline).toBe('0371-66668888');

  const onA = await historyRows(a, id!);
  const onB = await historyRows(b, id!);
  expect(onA).toEqual(onB);
  // newest first: B's landline, A's address, A's registration — each once (A's own optimistic lines were replaced)
  expect(onA.map((r) => r[0])).toEqual(['赵业务', '王业务', '王业务']);
  expect(onA[0]![3]).toBe('0371-66668888');
  expect(onA[1]![3]).toBe('郑州市金水区历史路 1 号');
  await a.screenshot({ path: 'test-results/sync-history.png', animations: 'disabled', fullPage: true });
  await ctxA.close();
  await ctxB.close();
});
