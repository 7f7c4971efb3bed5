/**
 * The desktop app as a user gets it: Playwright launches the built Electron app.
 *
 * Runs only where an Electron binary exists and runs (and, on Linux, a display: use xvfb-run).
 * Elsewhere, such as machines that install with ELECTRON_SKIP_BINARY_DOWNLOAD=1, every test is
 * reported skipped with the reason. It never substitutes Chromium: that would prove nothing about
 * the preload, the sandbox or the main process.
 */
import { test, expect, _electron as electron } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_ACTIONS } from '../shared/ipc';
import type { HotlineBridge } from '../shared/ipc';
import { displayProblem, findElectron } from '../scripts/find-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = process.env.RENDERER_OUT_DIR ?? path.join(root, 'dist', 'renderer');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

// Decided before anything is launched.
const probe = findElectron();
const skipReason = probe.ok ? displayProblem() : probe.reason;
// The list reporter shows skipped tests without their reason: say it once, when the file is loaded.
if (skipReason && !process.env.TEST_WORKER_INDEX) console.log(`[electron-launch] skipped: ${skipReason}`);

type HotlineWindow = Window & { hotline?: HotlineBridge; require?: unknown };

test.describe('Electron desktop app', () => {
  test.skip(skipReason !== null, `Electron not launched: ${skipReason}`);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let profile: string;
  const mainLog: string[] = [];

  test.beforeAll(async () => {
    if (!probe.ok) return;
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error(`no built renderer in ${rendererDir}: run \`npm run build:renderer\` first`);
    }
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`scripts/build-electron.mjs failed:\n${built.stderr}`);

    profile = mkdtempSync(path.join(tmpdir(), 'hotline-electron-'));
    app = await electron.launch({
      executablePath: probe.path,
      // Chromium refuses to run as root with its OS sandbox (CI containers); the JS sandbox and
      // context isolation checked below do not depend on it.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      cwd: root,
      env: { ...process.env, HOTLINE_RENDERER_DIR: rendererDir, HOTLINE_USER_DATA_DIR: profile },
    });
    const collect = (chunk: Buffer) => mainLog.push(...chunk.toString().split('\n'));
    app.process().stdout?.on('data', collect);
    app.process().stderr?.on('data', collect);
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('opens the main window on the app page, titled Hotline Office', async () => {
    await expect(page).toHaveTitle(/Hotline Office/);
    expect(page.url()).toMatch(/^file:\/\/.*\/index\.html/);
    await expect(page.locator('#root')).not.toBeEmpty();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('gives the page no Node.js: no require, no process', async () => {
    // The window options themselves (sandbox, contextIsolation, nodeIntegration off) are checked
    // in electron/main.test.ts; here is what they mean to a page.
    expect(await page.evaluate(() => typeof (window as HotlineWindow).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  test('exposes window.hotline with one function per contract action, and it answers', async () => {
    const keys = await page.evaluate(() => Object.keys((window as HotlineWindow).hotline ?? {}).sort());
    expect(keys).toEqual([...IPC_ACTIONS].sort());
    expect(await page.evaluate(() => (window as HotlineWindow).hotline!.appVersion())).toBe(version);
  });

  test('the main process refuses bad arguments', async () => {
    const message = await page.evaluate(() =>
      (window as HotlineWindow).hotline!
        .saveFile({ suggestedName: '../../x', data: new Uint8Array([1]) })
        .then(() => 'saved', (error: Error) => error.message),
    );
    expect(message).toContain('参数无效');
  });

  test('enforces the Content-Security-Policy: an injected inline script does not run', async () => {
    // page.evaluate itself is exempt from CSP, so the probe is a <script> element the page adds.
    const result = await page.evaluate(() => {
      const probe = window as unknown as { __cspProbe?: string };
      const script = document.createElement('script');
      script.textContent = 'window.__cspProbe = "ran";';
      document.head.append(script);
      script.remove();
      return probe.__cspProbe ?? 'blocked';
    });
    expect(result).toBe('blocked');
  });

  test('refuses navigation to an outside URL and window.open', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect.poll(() => mainLog.some((line) => line.includes('[navigation] denied https://example.com/'))).toBe(true);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
