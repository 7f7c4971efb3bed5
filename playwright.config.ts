import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download cannot run on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=zh-CN',
];
const RENDERER_PORT = Number(process.env.E2E_RENDERER_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${RENDERER_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
    // The browser build registers a service worker (renderer/src/serviceWorkerRegister.ts); once it
    // controls a page, page.route may miss requests it answers. Only tests/offline-reload.spec.ts,
    // which tests the worker, allows it (test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
  webServer: {
    // The renderer is built by `npm test` before Playwright starts (scripts/test-all.mjs).
    command: `node scripts/serve-renderer.mjs --port ${RENDERER_PORT}`,
    url: `http://127.0.0.1:${RENDERER_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
