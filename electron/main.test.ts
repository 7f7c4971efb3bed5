/* eslint-disable @typescript-eslint/no-explicit-any -- loose stand-ins for Electron classes in this one test */
/**
 * The main process's wiring, exercised against a stand-in for Electron (no binary exists on CI
 * machines): the window's security options, the CSP on responses, the navigation guard on every
 * webContents, the single-instance lock, the menu and the IPC registration.
 * The real-binary counterpart is tests/electron-launch.spec.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    lock: true,
    windows: [] as any[],
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    headersListener: undefined as undefined | ((details: unknown, cb: (r: unknown) => void) => void),
    permissionHandler: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    menuTemplate: undefined as unknown,
    appEvents: new Map<string, (...args: unknown[]) => void>(),
    quit: 0,
    openedExternally: [] as string[],
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeWebContents extends EventEmitter {
    id = 41;
    windowOpenHandler: ((d: { url: string }) => { action: string }) | undefined;
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) { this.windowOpenHandler = h; }
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded: string | undefined;
    constructor(public options: Record<string, any>) {
      super();
      fake.windows.push(this);
      fake.appEvents.get('web-contents-created')?.({}, this.webContents);
    }
    loadFile(file: string) { this.loaded = `file:${file}`; return Promise.resolve(); }
    loadURL(url: string) { this.loaded = url; return Promise.resolve(); }
    isDestroyed() { return false; }
    isMinimized() { return false; }
    isMaximized() { return false; }
    maximize() {}
    getNormalBounds() { return { x: this.options.x, y: this.options.y, width: this.options.width, height: this.options.height }; }
    getTitle() { return 'Hotline Office'; }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    app: {
      requestSingleInstanceLock: () => fake.lock,
      quit: () => { fake.quit += 1; },
      on: (name: string, listener: (...args: unknown[]) => void) => { fake.appEvents.set(name, listener); },
      whenReady: () => Promise.resolve(),
      getPath: () => fake.userData,
      setPath: vi.fn(),
      getVersion: () => '9.9.9',
      isPackaged: true,
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { fake.menuTemplate = m; } },
    dialog: { showSaveDialog: vi.fn(), showErrorBox: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => { fake.ipc.set(channel, listener); } },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (l: typeof fake.headersListener) => { fake.headersListener = l; } },
        setPermissionRequestHandler: (h: typeof fake.permissionHandler) => { fake.permissionHandler = h; },
      },
    },
    shell: { openExternal: (url: string) => { fake.openedExternally.push(url); return Promise.resolve(); } },
  };
});

let win: any;
beforeAll(async () => {
  fake.userData = mkdtempSync(path.join(tmpdir(), 'hotline-main-'));
  await import('./main');
  await new Promise((resolve) => setImmediate(resolve));
  win = fake.windows[0];
});
afterAll(() => rmSync(fake.userData, { recursive: true, force: true }));

describe('main process wiring', () => {
  it('opens one sandboxed, isolated window with the preload and the built renderer', () => {
    expect(fake.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(win.loaded).toMatch(/^file:.*renderer[/\\]index\.html$/);
    expect(win.options).toMatchObject({ width: 1280, height: 800, x: 320, y: 120 });
  });

  it('puts the strict CSP on every response', () => {
    let result: any;
    fake.headersListener!({ url: 'file:///x/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => { result = r; });
    expect(result.responseHeaders['Content-Type']).toEqual(['text/html']);
    expect(result.responseHeaders['Content-Security-Policy'][0]).toMatch(/^default-src 'none'; script-src 'self';/);
  });

  it('denies every browser permission request', () => {
    const cb = vi.fn();
    fake.permissionHandler!({}, 'geolocation', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('refuses navigation away from the app and window.open', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const away = { url: 'https://example.com/', preventDefault: vi.fn() };
    win.webContents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { url: `${win.loaded.replace(/^file:/, 'file://')}#/settings`, preventDefault: vi.fn() };
    win.webContents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(win.webContents.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual([]);
    expect(warn).toHaveBeenCalledWith('[navigation] denied https://example.com/');
    warn.mockRestore();
  });

  it('registers the five IPC channels and answers only the main window', async () => {
    expect([...fake.ipc.keys()].sort()).toEqual(['hotline:appVersion', 'hotline:printView', 'hotline:printViewToPdf', 'hotline:saveFile', 'hotline:setSyncServerUrl']);
    const appVersion = fake.ipc.get('hotline:appVersion')!;
    const pageUrl = win.loaded.replace(/^file:/, 'file://');
    await expect(appVersion({ sender: { id: 41 }, senderFrame: { url: pageUrl, parent: null } })).resolves.toBe('9.9.9');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(appVersion({ sender: { id: 99 }, senderFrame: { url: pageUrl, parent: null } })).rejects.toThrow('调用被拒绝');
    warn.mockRestore();
  });

  it('builds connect-src from the sync server the user sets, keeps it in userData, refuses a bad one', async () => {
    const connectSrc = () => {
      let result: any;
      fake.headersListener!({ url: 'file:///x/index.html', responseHeaders: {} }, (r) => { result = r; });
      return (result.responseHeaders['Content-Security-Policy'][0] as string).split('; ').find((d) => d.startsWith('connect-src'));
    };
    expect(connectSrc()).toBe("connect-src 'self' http://127.0.0.1:8787 http://localhost:8787");
    const set = fake.ipc.get('hotline:setSyncServerUrl')!;
    const fromPage = { sender: { id: 41 }, senderFrame: { url: win.loaded.replace(/^file:/, 'file://'), parent: null } };
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await expect(set(fromPage, { url: 'https://sync.example.com/hotline/' })).resolves.toEqual({ url: 'https://sync.example.com/hotline', reload: true });
    expect(connectSrc()).toBe("connect-src 'self' https://sync.example.com");
    expect(JSON.parse(readFileSync(path.join(fake.userData, 'sync-server.json'), 'utf8'))).toEqual({ syncServerUrl: 'https://sync.example.com/hotline' });
    // the same origin again: nothing for the page to reload
    await expect(set(fromPage, { url: 'https://sync.example.com/other' })).resolves.toEqual({ url: 'https://sync.example.com/other', reload: false });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(set(fromPage, { url: 'https://*.example.com' })).rejects.toThrow('setSyncServerUrl：参数无效');
    await expect(set({ ...fromPage, sender: { id: 99 } }, { url: 'https://evil.example' })).rejects.toThrow('调用被拒绝');
    expect(connectSrc()).toBe("connect-src 'self' https://sync.example.com");
    warn.mockRestore();
    info.mockRestore();
  });

  it('installs the zh-CN menu and focuses the window on a second launch', () => {
    expect((fake.menuTemplate as { label: string }[]).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    const focus = vi.fn();
    win.show = vi.fn();
    win.focus = focus;
    fake.appEvents.get('second-instance')!();
    expect(focus).toHaveBeenCalled();
    expect(fake.quit).toBe(0);
  });

  it('remembers the window bounds in userData when it closes', async () => {
    const { loadWindowState } = await import('./windowState');
    win.options.x = 100;
    win.emit('close');
    expect(loadWindowState(path.join(fake.userData, 'window-state.json'))).toEqual({
      bounds: { x: 100, y: 120, width: 1280, height: 800 },
      maximized: false,
    });
  });
});

