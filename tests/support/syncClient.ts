// Browser-side helpers for the sync end-to-end tests: log in through the sync screen, drive the
// page's `window.__hotlineSync` (the same repositories and engine the screens use) and compare a
// device's store with the server's snapshot of its office.
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Calls `window.__hotlineSync[name](...args)` in the page. */
export async function hook<T = unknown>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([n, a]) => {
      const h = (window as unknown as { __hotlineSync?: Record<string, (...x: unknown[]) => unknown> }).__hotlineSync;
      if (!h) throw new Error('window.__hotlineSync is missing');
      return (await h[n as string]!(...(a as unknown[]))) as never;
    },
    [name, args] as const,
  );
}

export async function openSyncArea(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/#/sync');
  await expect(page.getByTestId('sync-area')).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(() => Boolean((window as unknown as { __hotlineSync?: unknown }).__hotlineSync));
  return page;
}

export async function login(page: Page, serverUrl: string, username: string, password: string): Promise<void> {
  const form = page.getByTestId('sync-login-form');
  await expect(form).toBeVisible();
  await page.getByTestId('sync-server-url').fill(serverUrl);
  await page.getByTestId('sync-username').fill(username);
  await page.getByTestId('sync-password').fill(password);
  await page.getByTestId('sync-login-submit').click();
  await expect(page.getByTestId('sync-account')).toBeVisible({ timeout: 30_000 });
}

interface Status {
  lastError: { message: string } | null;
}

/** Syncs until nothing is pending and the run ended without error (bounded). */
export async function syncUntilClean(page: Page, tries = 8): Promise<void> {
  let last = '';
  for (let i = 0; i < tries; i++) {
    const s = await hook<Status>(page, 'syncNow');
    const pending = await hook<number>(page, 'pending');
    if (!s.lastError && pending === 0) return;
    last = `${s.lastError?.message ?? ''} pending=${pending}`;
    await page.waitForTimeout(300);
  }
  throw new Error(`sync did not settle: ${last}`);
}

type Version = { entity: string; id: string; version: number };

/** The device's records as entity:id@version, and the server snapshot of its office the same way. */
export async function storeAndSnapshot(page: Page): Promise<{ local: string[]; server: string[] }> {
  const local = await hook<Version[]>(page, 'localVersions');
  const snap = await hook<{ records: Version[] }>(page, 'serverSnapshot');
  const key = (r: Version) => `${r.entity}:${r.id}@${r.version}`;
  return { local: local.map(key).sort(), server: snap.records.map(key).sort() };
}

export async function expectStoreEqualsServer(page: Page): Promise<string[]> {
  const { local, server } = await storeAndSnapshot(page);
  expect(local).toEqual(server);
  return local;
}

export interface CustomerView {
  id: string;
  name: string;
  landline: string;
  address: string;
  version: number;
}

export async function customer(page: Page, id: string): Promise<CustomerView | null> {
  return hook<CustomerView | null>(page, 'getCustomer', id);
}
