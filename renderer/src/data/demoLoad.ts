import type { Table } from 'dexie';
import { db } from './db';
import { nowIso } from './clock';
import { ValidationError } from './errors';
import { writeWithOutbox } from './outbox';
import { ensureDefaultUsers } from './session';
import { ensureDefaultGradeRules, listGradeRules } from './gradeRules';
import { officeSettings } from './numbers';
import { listUsers } from './users';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, generateDemoOffice, type DemoOffice, type DemoSize } from './demoGenerate';
import { applicationsTable } from './applicationsTypes';
import { accountEventsTable, accountsTable } from './accountsTypes';
import { msg, toOfficeDate } from '../../../shared';

/**
 * Loads the demo office into an EMPTY store (issue 4 item 7), through the data layer's one bulk
 * path: rows in chunks, each chunk in one transaction with one outbox mutation. The mutation
 * carries the seed and the chunk, not the rows: the generator is deterministic, so that is the
 * whole change, and a server can tell demo data from real data by its name.
 */

const OFFER_KEY = 'demoOffer';

export type DemoOfferState = 'offer' | 'dismissed' | 'loaded' | 'not-empty';

/** True when nothing of an office is stored yet (no customers, numbers or applications). */
export async function isStoreEmpty(): Promise<boolean> {
  const d = db();
  const counts = await Promise.all([d.customers.count(), d.numbers.count(), d.applications.count()]);
  return counts.every((n) => n === 0);
}

/** Whether the shell should offer the demo office now. */
export async function demoOfferState(): Promise<DemoOfferState> {
  const row = await db().meta.get(OFFER_KEY);
  if (row?.value === 'dismissed') return 'dismissed';
  if (row?.value === 'loaded') return 'loaded';
  return (await isStoreEmpty()) ? 'offer' : 'not-empty';
}

/** "Start with an empty office": remembered on this device (a device preference, not synced). */
export async function dismissDemoOffer(): Promise<void> {
  await db().meta.put({ key: OFFER_KEY, value: 'dismissed' });
}

export interface DemoProgress {
  done: number;
  total: number;
  /** Which kind of rows is being written: packages, customers, numbers, applications, accounts. */
  stage: keyof DemoOffice | 'done';
}

export interface DemoLoadOptions {
  seed?: number;
  size?: DemoSize;
  chunkSize?: number;
  onProgress?: (p: DemoProgress) => void;
}

export interface DemoLoadResult {
  customers: number;
  numbers: number;
  applications: number;
  accounts: number;
  packages: number;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function loadDemoOffice(opts: DemoLoadOptions = {}): Promise<DemoLoadResult> {
  if (!(await isStoreEmpty())) throw new ValidationError({ demo: msg('demo.storeNotEmpty') });
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const chunkSize = opts.chunkSize ?? 500;
  await ensureDefaultUsers();
  await ensureDefaultGradeRules();
  const users = await listUsers();
  const clerk = users.find((u) => u.role === 'clerk') ?? users[0]!;
  const manager = users.find((u) => u.role === 'manager') ?? clerk;
  const settings = await officeSettings();
  const now = nowIso();
  const office = generateDemoOffice({
    seed,
    now,
    today: toOfficeDate(now, settings.timeZone),
    users: { clerk: { id: clerk.id, name: clerk.name }, manager: { id: manager.id, name: manager.name } },
    gradeTable: await listGradeRules(),
    size: opts.size ?? DEFAULT_DEMO_SIZE,
  });
  const d = db();
  const plan: [keyof DemoOffice, Table][] = [
    ['packages', d.packages],
    ['customers', d.customers],
    ['numbers', d.numbers],
    ['numberEvents', d.numberEvents],
    ['applications', applicationsTable()],
    ['accounts', accountsTable()],
    ['accountEvents', accountEventsTable()],
  ];
  const total = plan.reduce((s, [k]) => s + office[k].length, 0);
  let done = 0;
  opts.onProgress?.({ done, total, stage: 'packages' });
  for (const [kind, table] of plan) {
    const rows = office[kind] as unknown[];
    for (let from = 0; from < rows.length; from += chunkSize) {
      const chunk = rows.slice(from, from + chunkSize);
      await writeWithOutbox([table], async ({ enqueue }) => {
        await table.bulkAdd(chunk);
        await enqueue({ name: 'demo.load', args: { seed, kind, from, count: chunk.length } });
      });
      done += chunk.length;
      opts.onProgress?.({ done, total, stage: kind });
      await yieldToUi();
    }
  }
  await d.meta.put({ key: OFFER_KEY, value: 'loaded' });
  opts.onProgress?.({ done: total, total, stage: 'done' });
  return {
    customers: office.customers.length,
    numbers: office.numbers.length,
    applications: office.applications.length,
    accounts: office.accounts.length,
    packages: office.packages.length,
  };
}
