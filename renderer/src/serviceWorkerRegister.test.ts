import { describe, expect, it } from 'vitest';
import { shouldRegisterServiceWorker, type ServiceWorkerHost } from './serviceWorkerRegister';

const browser: ServiceWorkerHost = { protocol: 'http:', hasDesktopBridge: false, hasServiceWorkerApi: true, production: true };

describe('shouldRegisterServiceWorker', () => {
  it('registers in the production browser build over http and https', () => {
    expect(shouldRegisterServiceWorker(browser)).toBe(true);
    expect(shouldRegisterServiceWorker({ ...browser, protocol: 'https:' })).toBe(true);
  });

  it("never under Electron's file:// page, nor wherever the desktop bridge exists", () => {
    expect(shouldRegisterServiceWorker({ ...browser, protocol: 'file:' })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...browser, hasDesktopBridge: true })).toBe(false);
  });

  it('not in development (the Vite dev server has no worker) nor without the API', () => {
    expect(shouldRegisterServiceWorker({ ...browser, production: false })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...browser, hasServiceWorkerApi: false })).toBe(false);
  });
});
