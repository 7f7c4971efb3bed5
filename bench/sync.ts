/**
 * Issue 6 item 8: sync at office scale, client in Debian's Chromium against the built renderer,
 * server as a real process on loopback (PGlite), both seeded with the same records.
 *
 *   S1  initial sync of 100k customers + 20k applications into an empty device
 *       floor: raw IndexedDB write of the same records in the same page (batches of 1,000)
 *       peer:  PouchDB replication of the same documents from express-pouchdb on loopback
 *       goals: ≤ 20 s and ≤ 1.5 × the floor
 *   S2  push 1k local changes / pull and apply 1k changes made elsewhere (goals ≤ 2 s / ≤ 1 s)
 *   S3  200 simulated agents (HTTP clients) syncing at once — 10 % racing for the same 50
 *       numbers — p95 of an agent's sync (goal ≤ 30 s) and double allocations (must be 0)
 *
 * BENCH_SYNC_SCALE=0.05 scales record and agent counts down for a quick run.
 * BENCH_SYNC_ONLY=S1,S2 runs only the scenarios named. The engine's per-phase User Timing
 * measures (push request/settle, pull wait/apply) are printed beside S1 and S2.
 * BENCH_RENDERER_DIR=<dir> reuses a built renderer. Prints the figures, writes bench/results/sync.json.
 */
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { createScratchDatabase, probePostgres } from '../server/src/index';
import { freePort, startSyncServer } from '../tests/support/server';

const SCALE = Number(process.env.BENCH_SYNC_SCALE ?? 1);
const N_CUSTOMERS = Math.max(100, Math.round(100_000 * SCALE));
const N_APPLICATIONS = Math.max(20, Math.round(20_000 * SCALE));
const N_S2 = Math.max(50, Math.round(1_000 * Math.min(1, SCALE * 4)));
const N_AGENTS = Math.max(10, Math.round(200 * SCALE));
const N_RACERS = Math.max(2, Math.round(N_AGENTS * 0.1));
const N_CONTESTED = 50;
// BENCH_SYNC_ONLY=S2,S3 runs only those scenarios (BENCH_SYNC_ONLY_S1=1 is BENCH_SYNC_ONLY=S1)
const ONLY = new Set((process.env.BENCH_SYNC_ONLY ?? (process.env.BENCH_SYNC_ONLY_S1 ? 'S1' : 'S1,S2,S3')).split(',').map((x) => x.trim().toUpperCase()));
const PASSWORD = 'bench-password-1';
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

// ---- the records (one generator for the sync server and the PouchDB peer) ----------------------
// Self-contained so its source can run in the server seeding process too.
function makeRecords(kind: 'customer' | 'application', from: number, to: number): { id: string; data: Record<string, unknown> }[] {
  const out: { id: string; data: Record<string, unknown> }[] = [];
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  for (let i = from; i < to; i++) {
    if (kind === 'customer') {
      out.push({
        id: `c0000000-0000-4000-8000-${hex(i, 12)}`,
        data: {
          name: `基准测试${i}号科技有限公司`,
          uscc: `91110105${hex(i * 7919, 9).toUpperCase().slice(-9)}X`,
          legalRepresentative: '张三',
          address: `北京市朝阳区基准路 ${i} 号`,
          handlerName: '李四',
          handlerIdNumber: `110105199001${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}X`,
          handlerMobile: `139${String(10_000_000 + (i % 90_000_000)).slice(-8)}`,
          landline: `010-${60_000_000 + (i % 30_000_000)}`,
          email: i % 2 ? `c${i}@example.com` : null,
          attachments: [],
          realNameStatus: 'verified',
          notes: '',
          usccOverrideReason: null,
          usccOverrideBy: null,
          usccOverrideAt: null,
        },
      });
    } else {
      out.push({
        id: `a0000000-0000-4000-8000-${hex(i, 12)}`,
        data: {
          customerId: `c0000000-0000-4000-8000-${hex(i * 5, 12)}`,
          kind: 'new',
          numberDigits: null,
          packageId: null,
          accountId: null,
          usageScope: '企业客服热线',
          destinationNumbers: ['01060000000'],
          openingDate: '2026-12-01',
          termMonths: 12,
          contactName: '李四',
          contactPhone: '13900000000',
          notes: '',
        },
      });
    }
  }
  return out;
}

const SEED = `
// tsx (esbuild keepNames) wraps inner functions in __name(); the copied source needs it defined
const __name = (f) => f;
const { writeRecords } = await import(ROOT + '/server/src/sync/changes.ts');
${makeRecords.toString()}
const officeId = ids.S1;
for (const [kind, n] of [['customer', ${N_CUSTOMERS}], ['application', ${N_APPLICATIONS}]]) {
  for (let from = 0; from < n; from += 1000) {
    const batch = makeRecords(kind, from, Math.min(n, from + 1000));
    await db.transaction((tx) => writeRecords(tx, officeId, 'bench-seed', batch.map((r) => ({ entity: kind, id: r.id, data: { ...r.data, status: kind === 'customer' ? 'active' : 'draft' }, deleted: false, changedFields: Object.keys(r.data) }))));
  }
}
`;

interface Stats { n: number; p50: number; p95: number; max: number; mean: number }
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const r = (x: number) => Math.round(x);
  return { n: s.length, p50: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1] ?? NaN), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

async function hook<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(async ([n, a]) => {
    const h = (window as unknown as { __hotlineSync: Record<string, (...x: unknown[]) => unknown> }).__hotlineSync;
    return (await h[n as string]!(...(a as unknown[]))) as never;
  }, [name, args] as const);
}

interface Timings { pushMs: number; pullMs: number; totalMs: number }

/** The engine's User Timing measures of its last run (renderer/src/sync/engine.ts): ms and count per phase. */
async function phases(page: Page): Promise<Record<string, { ms: number; n: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { ms: number; n: number }> = {};
    for (const e of performance.getEntriesByType('measure')) {
      if (!e.name.startsWith('sync.')) continue;
      const p = (out[e.name.slice(5)] ??= { ms: 0, n: 0 });
      p.ms += e.duration;
      p.n++;
    }
    for (const p of Object.values(out)) p.ms = Math.round(p.ms);
    return out;
  });
}

/** Logs in through the sync screen and waits for the first (initial) sync to finish. */
async function loginAndSync(page: Page, base: string, serverUrl: string, username: string): Promise<Timings> {
  await page.goto(`${base}/#/sync`);
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(): define it there
  await page.evaluate('globalThis.__name = (f) => f');
  await page.getByTestId('sync-server-url').fill(serverUrl);
  await page.getByTestId('sync-username').fill(username);
  await page.getByTestId('sync-password').fill(PASSWORD);
  await page.getByTestId('sync-login-submit').click();
  await page.getByTestId('sync-account').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => {
    const s = (window as unknown as { __hotlineSync: { status(): { running: boolean; lastTimings: unknown; lastError: unknown } } }).__hotlineSync.status();
    return !s.running && (s.lastTimings || s.lastError);
  }, undefined, { timeout: 900_000, polling: 250 });
  const s = await hook<{ recentRuns: (Timings & { pulled: number })[]; lastError: { message: string } | null }>(page, 'status');
  if (s.lastError) throw new Error(`sync failed: ${s.lastError.message}`);
  // the initial sync is the run that pulled the most (a periodic run may have followed it)
  return [...s.recentRuns].sort((x, y) => y.pulled - x.pulled)[0]!;
}

/** Raw IndexedDB write of the given stores' rows (read first, untimed) into a fresh database. */
async function rawWrite(page: Page): Promise<{ ms: number; records: number }> {
  return page.evaluate(async () => {
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    const open = (name: string, up?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((res, rej) => {
        const o = up ? indexedDB.open(name, 1) : indexedDB.open(name);
        if (up) o.onupgradeneeded = () => up(o.result);
        o.onsuccess = () => res(o.result);
        o.onerror = () => rej(o.error);
      });
    const src = await open('hotline-office');
    const customers = await req(src.transaction('customers').objectStore('customers').getAll());
    const applications = await req(src.transaction('applications').objectStore('applications').getAll());
    src.close();
    // the same indexes as the app's tables (renderer/src/data/db.ts), so only the sync logic differs
    const dst = await open('bench-floor', (db) => {
      const c = db.createObjectStore('customers', { keyPath: 'id' });
      for (const k of ['name', 'uscc', 'handlerMobile', 'updatedAt']) c.createIndex(k, k);
      c.createIndex('searchTokens', 'searchTokens', { multiEntry: true });
      const a = db.createObjectStore('applications', { keyPath: 'id' });
      for (const k of ['status', 'customerId', 'numberDigits', 'accountId', 'updatedAt']) a.createIndex(k, k);
    });
    const t0 = performance.now();
    for (const [store, rows] of [['customers', customers], ['applications', applications]] as const) {
      for (let i = 0; i < rows.length; i += 1000) {
        const tx = dst.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const r of rows.slice(i, i + 1000)) os.put(r);
        await new Promise<void>((res, rej) => ((tx.oncomplete = () => res()), (tx.onerror = () => rej(tx.error))));
      }
    }
    const ms = performance.now() - t0;
    dst.close();
    return { ms, records: customers.length + applications.length };
  });
}

/** express-pouchdb on loopback with the same documents; the page replicates it into its IndexedDB. */
async function pouchPeer(page: Page): Promise<{ ms: number; docs: number } | { error: string }> {
  let server: HttpServer | undefined;
  try {
    const PouchDB = require('pouchdb');
    PouchDB.plugin(require('pouchdb-adapter-memory'));
    const Mem = PouchDB.defaults({ adapter: 'memory' });
    const express = require('express');
    const app = express();
    // the page is on another loopback origin
    app.use((req: { method: string; headers: Record<string, string> }, res: { setHeader(k: string, v: string): void; sendStatus(n: number): void }, next: () => void) => {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, accept, authorization');
      if (req.method === 'OPTIONS') return res.sendStatus(200);
      next();
    });
    app.use('/', require('express-pouchdb')(Mem, { mode: 'minimumForPouchDB', logPath: '/tmp/hotline-bench-pouch.log' }));
    const db = new Mem('bench');
    for (const [kind, n] of [['customer', N_CUSTOMERS], ['application', N_APPLICATIONS]] as const) {
      for (let from = 0; from < n; from += 5000) {
        await db.bulkDocs(makeRecords(kind, from, Math.min(n, from + 5000)).map((r) => ({ _id: r.id, type: kind, ...r.data })));
      }
    }
    server = await new Promise<HttpServer>((res) => {
      const s = app.listen(0, '127.0.0.1', () => res(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`;
    await page.addScriptTag({ path: require.resolve('pouchdb/dist/pouchdb.min.js') });
    return await page.evaluate(async (remote) => {
      const P = (window as unknown as { PouchDB: new (n: string) => { info(): Promise<{ doc_count: number }> } & Record<string, unknown> }).PouchDB as unknown as {
        new (n: string): { info(): Promise<{ doc_count: number }> };
        replicate(a: string, b: unknown, o: object): Promise<unknown>;
      };
      const local = new P('bench-peer');
      const t0 = performance.now();
      await P.replicate(remote, local, { batch_size: 1000, batches_limit: 4 });
      const ms = performance.now() - t0;
      return { ms, docs: (await local.info()).doc_count };
    }, url);
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    server?.close();
  }
}

// ---- S3: simulated agents (plain HTTP clients speaking the protocol) ----------------------------
/** Like the app's engine: a busy server (503/429) is retried with exponential backoff and jitter. */
async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    if (r.ok) return (await r.json()) as T;
    if ((r.status === 503 || r.status === 429) && attempt < 30) {
      retries++;
      await new Promise((res) => setTimeout(res, 50 + Math.random() * Math.min(5_000, 100 * 2 ** attempt)));
      continue;
    }
    throw new Error(`${url}: ${r.status} ${await r.text()}`);
  }
}
let retries = 0;
/** the app engine's page (DEFAULT_ENGINE_OPTIONS.pullPage in renderer/src/sync/engine.ts) */
const PULL_PAGE = 2000;

async function s3(serverUrl: string, officeId: string) {
  const manager = await post<{ accessToken: string }>(`${serverUrl}/v1/auth/login`, { username: 'race-manager', password: PASSWORD });
  const contested = Array.from({ length: N_CONTESTED }, (_, i) => `4008${String(100_000 + i).padStart(6, '0')}`);
  await post(`${serverUrl}/v1/offices/${officeId}/numbers`, { numbers: contested }, manager.accessToken);
  const agents = await Promise.all(
    Array.from({ length: N_AGENTS }, async (_, i) => {
      const s = await post<{ accessToken: string }>(`${serverUrl}/v1/auth/login`, { username: `agent${i}`, password: PASSWORD });
      return { i, token: s.accessToken, clientId: `bench-agent-${i}-${Date.now()}` };
    }),
  );
  const wins = new Map<string, number>();
  // where an agent's time goes: its push request, then its pull pages
  const pushMs: number[] = [];
  const pullMs: number[] = [];
  const pullPages: number[] = [];
  const t0 = performance.now();
  const durations = await Promise.all(
    agents.map(async (a) => {
      const start = performance.now();
      const racer = a.i < N_RACERS;
      const mutations: unknown[] = [];
      let seq = 0;
      const customerIds: string[] = [];
      for (let k = 0; k < 20; k++) {
        const id = crypto.randomUUID();
        customerIds.push(id);
        mutations.push({ seq: ++seq, mutationId: crypto.randomUUID(), officeId, name: 'record.create', args: { entity: 'customer', id, data: { name: `代理${a.i}客户${k}` } } });
      }
      if (racer) {
        for (const n of contested) mutations.push({ seq: ++seq, mutationId: crypto.randomUUID(), officeId, name: 'number.allocate', args: { number: n, customerId: customerIds[0] } });
      }
      const pushed = await post<{ results: { status: string; seq: number }[] }>(`${serverUrl}/v1/sync/push`, { clientId: a.clientId, protocolVersion: 1, mutations }, a.token);
      pushMs.push(performance.now() - start);
      const pullStart = performance.now();
      let pages = 0;
      for (const r of pushed.results) {
        if (r.seq > 20 && r.status === 'applied') {
          const n = contested[r.seq - 21]!;
          wins.set(n, (wins.get(n) ?? 0) + 1);
        }
      }
      let cursor: Record<string, number> = {};
      for (;;) {
        const p = await post<{ cursor: Record<string, number>; hasMore: boolean }>(`${serverUrl}/v1/sync/pull`, { clientId: a.clientId, protocolVersion: 1, cursor, limit: PULL_PAGE }, a.token);
        cursor = p.cursor;
        pages++;
        if (!p.hasMore) break;
      }
      pullMs.push(performance.now() - pullStart);
      pullPages.push(pages);
      return performance.now() - start;
    }),
  );
  const wall = performance.now() - t0;
  // the server's own view: each contested number held by at most one customer
  const snap = await (await fetch(`${serverUrl}/v1/offices/${officeId}/snapshot?entity=hotlineNumber`, { headers: { authorization: `Bearer ${manager.accessToken}` } })).json() as { records: { id: string; data: { customerId: string | null; status: string } }[] };
  const held = snap.records.filter((r) => contested.includes(r.id) && r.data.customerId).length;
  const doubleAllocations = [...wins.values()].filter((v) => v > 1).length;
  const busyRetries = retries;
  retries = 0;
  return { busyRetries, agents: N_AGENTS, racers: N_RACERS, contested: N_CONTESTED, wallMs: Math.round(wall), perAgentMs: stats(durations), pushMs: stats(pushMs), pullMs: stats(pullMs), pullPages: stats(pullPages), winners: [...wins.values()].reduce((a, b) => a + b, 0), numbersHeld: held, doubleAllocations };
}

async function main() {
  console.log(`sync bench: scale ${SCALE} → S1 ${N_CUSTOMERS} customers + ${N_APPLICATIONS} applications, S2 ${N_S2}, S3 ${N_AGENTS} agents (${N_RACERS} racing for ${N_CONTESTED} numbers)`);
  let outDir = process.env.BENCH_RENDERER_DIR;
  if (!outDir || !existsSync(outDir)) {
    outDir = '/tmp/hotline-bench-sync-renderer';
    await build({ configFile: `${root}renderer/vite.config.ts`, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  }
  const port = await freePort();
  const web = await preview({ configFile: `${root}renderer/vite.config.ts`, build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
  const base = `http://127.0.0.1:${port}`;

  const t0 = performance.now();
  const users = [
    { office: 'S1', username: 's1-clerk', password: PASSWORD, role: 'clerk' as const },
    { office: 'S2', username: 's2-a', password: PASSWORD, role: 'clerk' as const },
    { office: 'S2', username: 's2-b', password: PASSWORD, role: 'clerk' as const },
    { office: 'RACE', username: 'race-manager', password: PASSWORD, role: 'manager' as const },
    ...Array.from({ length: N_AGENTS }, (_, i) => ({ office: 'RACE', username: `agent${i}`, password: PASSWORD, role: 'clerk' as const })),
  ];
  const srv = await startSyncServer({
    offices: [{ name: 'S1', prefix: 'S1' }, { name: 'S2', prefix: 'S2' }, { name: 'RACE', prefix: 'RACE' }],
    users,
    // the 120k records are S1's; S2 and S3 use offices of their own
    extraSeed: ONLY.has('S1') ? SEED : undefined,
    env: { LOG_LEVEL: 'error', LOGIN_RATE_MAX: '100000' },
  });
  console.log(`server seeded and up in ${Math.round((performance.now() - t0) / 1000)} s at ${srv.url}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const result: Record<string, unknown> = { bench: 'sync', scale: SCALE, machine: { cpus: cpus().length, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) } };
  try {
    // S1
    if (ONLY.has('S1')) {
    const ctx1 = await browser.newContext();
    const p1 = await ctx1.newPage();
    const s1 = await loginAndSync(p1, base, srv.url, 's1-clerk');
    const s1Phases = await phases(p1);
    const held = (await hook<unknown[]>(p1, 'localVersions')).length;
    const floor = await rawWrite(p1);
    const peer = process.env.BENCH_SYNC_SKIP_PEER ? { error: 'skipped (BENCH_SYNC_SKIP_PEER)' } : await pouchPeer(p1);
    const records = N_CUSTOMERS + N_APPLICATIONS;
    result.S1 = {
      records,
      held,
      syncMs: s1.totalMs,
      floorMs: Math.round(floor.ms),
      ratioToFloor: Math.round((s1.totalMs / floor.ms) * 100) / 100,
      phases: s1Phases,
      peer: 'error' in peer ? peer : { ms: Math.round(peer.ms), docs: peer.docs, ratioToFloor: Math.round((peer.ms / floor.ms) * 100) / 100 },
      goals: { syncMs: 20_000, ratioToFloor: 1.5 },
    };
    await ctx1.close();
    console.log('S1', JSON.stringify(result.S1));
    }

    // S2
    if (ONLY.has('S2')) {
    const ctxA = await browser.newContext();
    const ctxB = await browser.newContext();
    const a = await ctxA.newPage();
    const b = await ctxB.newPage();
    await loginAndSync(a, base, srv.url, 's2-a');
    await loginAndSync(b, base, srv.url, 's2-b');
    await hook(a, 'createCustomers', N_S2, 'S2');
    for (const p of [a, b]) await p.evaluate(() => performance.clearMeasures());
    const push = (await hook<{ lastTimings: Timings }>(a, 'syncNow')).lastTimings;
    const pushPhases = await phases(a);
    const pull = (await hook<{ lastTimings: Timings }>(b, 'syncNow')).lastTimings;
    const pullPhases = await phases(b);
    result.S2 = { changes: N_S2, pushMs: push.pushMs, pullApplyMs: pull.pullMs, phases: { push: pushPhases, pull: pullPhases }, goals: { pushMs: 2_000, pullApplyMs: 1_000 } };
    await ctxA.close();
    await ctxB.close();
    console.log('S2', JSON.stringify(result.S2));
    }

    // S3, on the embedded PGlite server, then on PostgreSQL when one answers
    if (ONLY.has('S3')) {
    result.S3 = { pglite: await s3(srv.url, srv.offices.RACE!), goals: { p95Ms: 30_000, doubleAllocations: 0 } };
    console.log('S3 pglite', JSON.stringify((result.S3 as { pglite: unknown }).pglite));
    const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const probe = await probePostgres(pgUrl);
    if (probe.ok) {
      const scratch = await createScratchDatabase(pgUrl, `hotline_bench_sync_${process.pid}`);
      const pg = await startSyncServer({ offices: [{ name: 'RACE', prefix: 'RACE' }], users: users.filter((u) => u.office === 'RACE'), databaseUrl: scratch.url, env: { LOG_LEVEL: 'error', LOGIN_RATE_MAX: '100000' } });
      try {
        (result.S3 as Record<string, unknown>).postgres = await s3(pg.url, pg.offices.RACE!);
      } finally {
        await pg.dispose();
        await scratch.drop();
      }
      console.log('S3 postgres', JSON.stringify((result.S3 as { postgres: unknown }).postgres));
    } else {
      (result.S3 as Record<string, unknown>).postgres = { skipped: probe.reason };
    }
    }
  } finally {
    await browser.close();
    await srv.dispose();
    web.httpServer.close();
  }
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/sync.json`, JSON.stringify(result, null, 2) + '\n');
  console.log('wrote bench/results/sync.json');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
