/**
 * Issue 4 item 9: the local store at office scale, in Debian's Chromium against the built renderer.
 *
 * Seeds 100k customers and 200k numbers into IndexedDB through the data layer's bench hook
 * (renderer/src/data/numbersBench.ts, installed only when the page sets __HOTLINE_TEST_HOOKS__),
 * then measures, inside the page so no CDP round-trip is counted:
 *   - customer search p50/p95            (goal p95 ≤ 50 ms)
 *   - number picker filter p50/p95       (goal p95 ≤ 100 ms)
 *   - time to first rendered customer list after a reload (goal ≤ 1 s)
 * Prints the figures and writes bench/results/numbers-idb.json. No thresholds fail anything.
 *
 * Run: `npm run bench` (all benches) or `npx tsx bench/numbers-idb.ts`.
 * BENCH_RENDERER_DIR=<dir> reuses a built renderer instead of building one.
 * BENCH_COMPARE_DIR=<dir> also times the first customer list of another build (e.g. the previous
 * commit's), alternating with this one on the same store and the same origin, so both see the same
 * moments of a shared machine; BENCH_LIST_RUNS=<n> runs per build (default 3; 5 when comparing).
 * BENCH_FIRST_LIST_ONLY=1 skips the search and picker timings.
 */
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { mkdirSync, writeFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import type {} from '../renderer/src/data/numbersBench';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const NUMBERS = Number(process.env.BENCH_NUMBERS ?? 200_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const viteConfig = `${root}renderer/vite.config.ts`;

interface Stats { n: number; p50: number; p95: number; max: number; mean: number }

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/** A free loopback port (BENCH_PORT if set), so the bench never clashes with a test server. */
/** Median time per query label: repeated runs separate a slow query from a busy moment of the machine. */
function perLabelMedian(samples: { label: string; ms: number }[]): Record<string, number> {
  const by = new Map<string, number[]>();
  for (const q of samples) by.set(q.label, [...(by.get(q.label) ?? []), q.ms]);
  return Object.fromEntries([...by].map(([label, ms]) => [label, stats(ms).p50]));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
};

/**
 * One origin serving each build under its own path (/a/, /b/): IndexedDB belongs to the origin,
 * so both builds open the same seeded store. Plain static files, no caching headers.
 */
function serveBuilds(port: number, dirs: Record<string, string>): Promise<Server> {
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, prefix, ...rest] = url.pathname.split('/');
    const dir = dirs[prefix ?? ''];
    const file = dir ? join(dir, normalize(rest.join('/') || 'index.html').replace(/^(\.\.[/\\])+/, '')) : '';
    if (!dir || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

interface CpuProfile { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples?: number[]; timeDeltas?: number[] }

/** Self time of a V8 CPU profile summed per script file (the hashed asset name), top ten. */
function cpuByScript(profile: CpuProfile): Record<string, number> {
  const urlOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url.split('/').pop() || `(${n.callFrame.functionName || 'native'})`]));
  const by = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const key = urlOf.get(id) ?? '?';
    by.set(key, (by.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return Object.fromEntries([...by].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => [k, Math.round(v)]));
}

async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  if (process.env.BENCH_PROFILE_DIR) return 4791; // a kept store is found again only on the same origin
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function main() {
  const PORT = await freePort();
  let outDir = process.env.BENCH_RENDERER_DIR;
  if (!outDir || !existsSync(outDir)) {
    outDir = '/tmp/hotline-bench-renderer';
    console.log(`building the renderer into ${outDir} …`);
    await build({ configFile: viteConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  }
  const compareDir = process.env.BENCH_COMPARE_DIR;
  const server = await serveBuilds(PORT, compareDir ? { a: outDir, b: compareDir } : { a: outDir });
  const base = `http://127.0.0.1:${PORT}/a/`;
  // BENCH_PROFILE_DIR keeps the browser profile, so a seeded store is reused by the next run (same
  // port: IndexedDB belongs to the origin).
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const contextOptions = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' as const };
  const browser = profileDir ? null : await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // The service worker of the browser build (issue 6) is kept out: the figures are those of the
  // local store and the app's start, as in the desktop app (file://, no worker).
  const context = browser
    ? await browser.newContext(contextOptions)
    : await chromium.launchPersistentContext(profileDir!, { ...contextOptions, executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await context.addInitScript(() => {
      (window as unknown as { __HOTLINE_TEST_HOOKS__: boolean }).__HOTLINE_TEST_HOOKS__ = true;
      // Time to first customer row, from navigation start (performance.now() is relative to it).
      const w = window as unknown as { __firstCustomerRowMs?: number };
      const observer = new MutationObserver(() => {
        if (w.__firstCustomerRowMs === undefined && document.querySelector('[data-testid="customer-row"], [data-bench="customer-list"] .MuiDataGrid-row')) {
          w.__firstCustomerRowMs = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(base);
    await page.waitForFunction(() => Boolean(window.__hotlineBench), null, { timeout: 30_000 });

    const loadAtStart = loadavg()[0]!;
    console.log(`seeding ${CUSTOMERS} customers and ${NUMBERS} numbers …`);
    const seed = await page.evaluate(
      async ([c, n]) => {
        const hook = window.__hotlineBench!;
        const before = await hook.counts();
        if (before.customers === c && before.numbers === n) return { reused: true, counts: before };
        await hook.clear();
        const t0 = performance.now();
        await hook.seedCustomers(c!);
        const t1 = performance.now();
        await hook.seedNumbers(n!);
        const t2 = performance.now();
        return { customersMs: Math.round(t1 - t0), numbersMs: Math.round(t2 - t1), counts: await hook.counts() };
      },
      [CUSTOMERS, NUMBERS],
    );
    console.log('seeded:', seed);

    const listOnly = process.env.BENCH_FIRST_LIST_ONLY === '1';
    type Timed = Awaited<ReturnType<NonNullable<typeof window.__hotlineBench>['timePickerFilters']>>;
    const customerSearch: Awaited<ReturnType<NonNullable<typeof window.__hotlineBench>['timeCustomerSearches']>> = listOnly ? [] : await page.evaluate(() => window.__hotlineBench!.timeCustomerSearches());
    const picker: Timed = listOnly ? [] : await page.evaluate(() => window.__hotlineBench!.timePickerFilters());

    // A fresh navigation to the customer list with the store already full: the time to the first
    // row, and when the page's own script ran (DOMContentLoaded) and how many scripts had loaded by
    // the first row — what the list waited for besides its query.
    const firstList = async (buildBase: string) => {
      await page.goto('about:blank');
      await page.goto(`${buildBase}#/customers`);
      return page
        .waitForFunction(() => {
          const ms = (window as unknown as { __firstCustomerRowMs?: number }).__firstCustomerRowMs;
          if (ms === undefined) return undefined;
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js') && r.responseEnd <= ms).length;
          return { ms, domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN, scriptsBeforeFirstRow: scripts };
        }, null, { timeout: 30_000 })
        .then((h) => h.jsonValue() as Promise<{ ms: number; domContentLoadedMs: number; scriptsBeforeFirstRow: number }>)
        .catch(() => ({ ms: NaN, domContentLoadedMs: NaN, scriptsBeforeFirstRow: NaN }));
    };
    const listRuns = Number(process.env.BENCH_LIST_RUNS ?? (compareDir ? 5 : 3));
    const firstRuns: Awaited<ReturnType<typeof firstList>>[] = [];
    const compareRuns: Awaited<ReturnType<typeof firstList>>[] = [];
    for (let i = 0; i < listRuns; i++) {
      firstRuns.push(await firstList(base));
      if (compareDir) compareRuns.push(await firstList(`http://127.0.0.1:${PORT}/b/`));
    }
    if (process.env.BENCH_CPU_PROFILE) {
      // One more run of this build under the V8 profiler (open the .cpuprofile in Chromium's
      // DevTools), with the main thread's time per script printed: what the list waited for.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await page.goto('about:blank');
      await cdp.send('Profiler.start');
      const run = await firstList(base);
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(profile));
      console.log(`CPU profile of a run of ${Math.round(run.ms)} ms written to ${process.env.BENCH_CPU_PROFILE}`);
      console.log('main-thread time by script (ms):', cpuByScript(profile));
    }
    const describeRuns = (runs: typeof firstRuns) => ({
      runs: runs.map((r) => Math.round(r.ms)),
      median: stats(runs.map((r) => r.ms)).p50,
      domContentLoadedMs: runs.map((r) => Math.round(r.domContentLoadedMs)),
      scriptsBeforeFirstRow: runs.map((r) => r.scriptsBeforeFirstRow),
    });

    const result = {
      at: new Date().toISOString(),
      browser: `chromium ${browser?.version() ?? 'persistent profile'}`,
      // the machine is shared: a high load average inflates every figure below
      machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 10) / 10, loadAverage1mAtStart: Math.round(loadAtStart * 10) / 10 },
      seeded: seed,
      customerSearch: { ...stats(customerSearch.map((s) => s.ms)), goalP95Ms: 50, medianByQuery: perLabelMedian(customerSearch), queries: customerSearch },
      pickerFilter: {
        ...stats(picker.map((s) => s.ms)),
        goalP95Ms: 100,
        medianByQuery: perLabelMedian(picker),
        // which route (index keys or key scan, numbersPicker.ts) answered each filter
        routeByQuery: Object.fromEntries(picker.map((q) => [q.label, q.route])),
        queries: picker,
      },
      firstCustomerListMs: { ...describeRuns(firstRuns), goalMs: 1000 },
      ...(compareDir ? { firstCustomerListMsOfComparedBuild: { dir: compareDir, ...describeRuns(compareRuns) } } : {}),
    };
    const summary = {
      'customer search': `p50 ${result.customerSearch.p50} ms, p95 ${result.customerSearch.p95} ms (goal p95 ≤ 50 ms, ${result.customerSearch.n} queries)`,
      'picker filter': `p50 ${result.pickerFilter.p50} ms, p95 ${result.pickerFilter.p95} ms (goal p95 ≤ 100 ms, ${result.pickerFilter.n} queries)`,
      'first customer list': `${result.firstCustomerListMs.runs.join(' / ')} ms, median ${result.firstCustomerListMs.median} (goal ≤ 1000 ms)`,
      ...(result.firstCustomerListMsOfComparedBuild
        ? { 'first customer list, compared build': `${result.firstCustomerListMsOfComparedBuild.runs.join(' / ')} ms, median ${result.firstCustomerListMsOfComparedBuild.median}` }
        : {}),
      'load average (1 min)': `${result.machine.loadAverage1mAtStart} at start, ${result.machine.loadAverage1m} at end, on ${result.machine.cpus} cores`,
    };
    console.table(summary);
    const slowest = (m: Record<string, number>) => Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k}: ${v} ms`);
    console.log('slowest picker filters (median of runs):', slowest(result.pickerFilter.medianByQuery));
    console.log('slowest customer searches (median of runs):', slowest(result.customerSearch.medianByQuery));
    mkdirSync(`${root}bench/results`, { recursive: true });
    // a first-list-only run keeps the full run's figures of search and picker
    const out = `bench/results/numbers-idb${listOnly ? '-first-list' : ''}.json`;
    writeFileSync(`${root}${out}`, JSON.stringify({ summary, ...result }, null, 2) + '\n');
    console.log(`wrote ${out}`);
  } finally {
    await context.close();
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

await main();
