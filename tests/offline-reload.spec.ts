import { test, expect, type Page } from '@playwright/test';

// Issue 6: the browser build (`npm start` without Electron) reloads while offline. Its service
// worker (renderer/src/serviceWorkerRegister.ts, Workbox precache from renderer/vite.config.ts)
// serves the app shell from the cache; the data is the page's own IndexedDB.

// The only spec that lets the worker register: playwright.config.ts blocks it everywhere else.
test.use({ serviceWorkers: 'allow' });

async function saveOfficeName(page: Page, name: string) {
  await page.goto('/#/settings');
  // the office profile is edited by a manager (the default local user is a clerk)
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId('user-option-manager').click();
  await page.getByLabel('机构名称').fill(name);
  await page.getByLabel('地址').fill('郑州市金水区花园路 1 号');
  await page.getByLabel('法定代表人').fill('李娜');
  await page.getByLabel('联系电话').fill('13812345678');
  await page.getByLabel('开户银行').fill('招商银行郑州分行');
  await page.getByLabel('银行账号').fill('6225880123456789');
  await page.getByLabel('合同编号前缀').fill('LX');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('snackbar')).toContainText('机构信息已保存');
}

/** Resolves once a service worker controls the page and has finished precaching (it is active). */
async function controlledByServiceWorker(page: Page): Promise<string> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 60_000 });
  return page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '');
}

test('a reload while offline opens the app from the service worker, showing the local data', async ({ page, context, baseURL }) => {
  await saveOfficeName(page, '离线重载营业部');
  expect(await controlledByServiceWorker(page)).toBe(`${baseURL}/sw.js`);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByTestId('office-name')).toHaveText('离线重载营业部');
  await expect(page.getByLabel('合同编号前缀')).toHaveValue('LX');
  // another area's code (loaded on demand) comes from the precache too
  await page.getByRole('navigation').getByRole('link', { name: '号码', exact: true }).click();
  await expect(page.getByTestId('area-error')).toHaveCount(0);
  await expect(page.getByRole('main').getByText('正在加载…')).toHaveCount(0);

  // Only the app's own files are cached: nothing of the sync server (another origin, /v1/…).
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls;
  });
  expect(cached.length).toBeGreaterThan(10);
  expect(cached.filter((u) => !u.startsWith(`${baseURL}/`) || /\/v1\//.test(u))).toEqual([]);
  await context.setOffline(false);
});

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  // The control: the same reload fails without the worker, so the test above can fail.
  test('a reload while offline cannot open the app', async ({ page, context }) => {
    await saveOfficeName(page, '离线重载营业部');
    await context.setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.setOffline(false);
  });
});
