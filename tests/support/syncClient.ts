// Helpers for the sync end-to-end tests: log in through the sync screen, drive the page's
// `window.__hotlineSync` (the same repositories and engine the screens use) and compare a device's
// store with the server's snapshot of its office; seed an office over the server's API first.
import { randomUUID } from 'node:crypto';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/index';

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

/**
 * A device of `context` signed in as the user and caught up: the sync area opened (at `viewport`
 * when given, before signing in), the login, then syncs until nothing is pending.
 */
export async function signedInPage(context: BrowserContext, serverUrl: string, username: string, password: string, opts: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await openSyncArea(context);
  if (opts.viewport) await page.setViewportSize(opts.viewport);
  await login(page, serverUrl, username, password);
  await syncUntilClean(page);
  return page;
}

/** A user's session on the server's API in one office, for seeding it before a device signs in. */
export interface OfficeApi {
  readonly officeId: string;
  readonly token: string;
  /** a REST call with the user's token; throws on an error status, returns the parsed JSON */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read arbitrary JSON answers
  api(method: string, path: string, json?: unknown): Promise<any>;
  /** pushes one sync command into the office, from a seeding client of its own; it must be applied */
  run(name: string, args: unknown): Promise<void>;
}

export async function officeApi(serverUrl: string, officeId: string, username: string, password: string): Promise<OfficeApi> {
  let token = '';
  const api = async (method: string, path: string, json?: unknown) => {
    const res = await fetch(serverUrl + path, { method, headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) }, body: json === undefined ? undefined : JSON.stringify(json) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  token = (await api('POST', '/v1/auth/login', { username, password })).accessToken;
  let seq = 0;
  const clientId = `seed-${randomUUID()}`;
  const run = async (name: string, args: unknown) => {
    const r = await api('POST', '/v1/sync/push', { clientId, protocolVersion: SYNC_PROTOCOL_VERSION, mutations: [{ seq: ++seq, mutationId: randomUUID(), officeId, name, args }] });
    expect(r.results[0].status).toBe('applied');
  };
  return { officeId, token, api, run };
}

/**
 * A customer with an active account on a hotline number of its own, created the way devices do:
 * the number added to the pool, a package, the customer, the number allocated, the account
 * (`account` holds its own fields; customer, number and package are filled in). Returns the ids.
 */
export async function seedHotlineAccount(
  office: OfficeApi,
  opts: { hotline: string; packageData: Record<string, unknown>; customerName: string; accountId?: string; account: Record<string, unknown> },
): Promise<{ packageId: string; customerId: string; accountId: string }> {
  await office.api('POST', `/v1/offices/${office.officeId}/numbers`, { numbers: [opts.hotline] });
  const packageId = randomUUID();
  await office.run('record.create', { entity: 'package', id: packageId, data: opts.packageData });
  const customerId = randomUUID();
  await office.run('record.create', { entity: 'customer', id: customerId, data: { name: opts.customerName } });
  await office.run('number.allocate', { number: opts.hotline, customerId });
  const accountId = opts.accountId ?? randomUUID();
  await office.run('record.create', { entity: 'account', id: accountId, data: { ...opts.account, customerId, numberDigits: opts.hotline, packageId } });
  return { packageId, customerId, accountId };
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
