import { describe, expect, it, vi } from 'vitest';
import { IPC_ACTIONS, ipcChannel } from '../../shared/ipc';
import { isAppUrl } from '../navigation';
import { checkSender, createIpcHandlers, registerIpcHandlers } from './index';
import type { IpcInvokeEvent, IpcMainLike, ShellDeps } from './index';
import { withPdfExtension } from './printViewToPdf';

const APP = { indexUrl: 'file:///app/dist/renderer/index.html' };
const MAIN_ID = 7;

/** Fakes for everything the handlers touch, recording what was done. */
function fakeShell(overrides: Partial<ShellDeps> = {}) {
  const written: { path: string; data: Uint8Array }[] = [];
  const current = { url: 'http://127.0.0.1:8787' };
  const deps: ShellDeps = {
    appVersion: () => '1.2.3',
    showSaveDialog: vi.fn(async (options) => ({ canceled: false, filePath: options.defaultPath })),
    writeFile: vi.fn(async (filePath: string, data: Uint8Array) => {
      written.push({ path: filePath, data });
    }),
    defaultSaveDirectory: () => '/home/clerk/文档',
    print: vi.fn(async () => ({ success: true, failureReason: '' })),
    printToPdf: vi.fn(async () => new Uint8Array([0x25, 0x50, 0x44, 0x46])),
    syncServerUrl: () => current.url,
    setSyncServerUrl: vi.fn(async (url: string) => {
      current.url = url;
      return url;
    }),
    ...overrides,
  };
  return { deps, written };
}

/** A fake ipcMain that keeps the registered listeners so tests can invoke them like Electron does. */
function fakeIpcMain() {
  const listeners = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  return { ipcMain, listeners };
}

const fromApp = (url = `${APP.indexUrl}#/contracts`): IpcInvokeEvent => ({ sender: { id: MAIN_ID }, senderFrame: { url, parent: null } });

function setup(overrides: Partial<ShellDeps> = {}) {
  const shell = fakeShell(overrides);
  const { ipcMain, listeners } = fakeIpcMain();
  const log = vi.fn();
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers(shell.deps),
    (event) => checkSender(event, { mainWebContentsId: () => MAIN_ID, isAppUrl: (url) => isAppUrl(url, APP) }),
    log,
  );
  const call = (action: string, event: IpcInvokeEvent, ...args: unknown[]) => {
    const listener = listeners.get(`hotline:${action}`);
    if (!listener) throw new Error(`no handler for ${action}`);
    return listener(event, ...args);
  };
  return { ...shell, listeners, call, log };
}

const pdfBytes = new Uint8Array([1, 2, 3]);
const goodArgs: Record<(typeof IPC_ACTIONS)[number], unknown[]> = {
  appVersion: [],
  saveFile: [{ suggestedName: '客户.csv', data: pdfBytes }],
  printView: [],
  printViewToPdf: [{ suggestedName: '合同' }],
  setSyncServerUrl: [{ url: 'https://sync.example.com' }],
};
const badArgs: Record<(typeof IPC_ACTIONS)[number], unknown[]> = {
  appVersion: ['please'],
  saveFile: [{ suggestedName: '/etc/cron.d/x', data: pdfBytes }],
  printView: [{ silent: true }],
  printViewToPdf: [{ suggestedName: 42 }],
  setSyncServerUrl: [{ url: 'https://*.example.com' }],
};

describe('registration', () => {
  it('registers exactly one handler per action on its derived channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(IPC_ACTIONS.map(ipcChannel).sort());
  });
});

describe.each(IPC_ACTIONS)('%s', (action) => {
  it('answers a good call from the app page', async () => {
    const { call } = setup();
    await expect(call(action, fromApp(), ...goodArgs[action])).resolves.toBeDefined();
  });

  it('rejects bad arguments with a message naming the action, and does nothing', async () => {
    const { call, deps, written } = setup();
    await expect(call(action, fromApp(), ...badArgs[action])).rejects.toThrow(new RegExp(`^${action}：参数`));
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.print).not.toHaveBeenCalled();
    expect(deps.printToPdf).not.toHaveBeenCalled();
    expect(deps.setSyncServerUrl).not.toHaveBeenCalled();
    expect(written).toEqual([]);
  });

  it.each([
    ['another webContents', { sender: { id: MAIN_ID + 1 }, senderFrame: { url: APP.indexUrl, parent: null } }],
    ['a sub-frame', { sender: { id: MAIN_ID }, senderFrame: { url: APP.indexUrl, parent: {} } }],
    ['a page from elsewhere', { sender: { id: MAIN_ID }, senderFrame: { url: 'https://evil.example.com/', parent: null } }],
    ['another local file', { sender: { id: MAIN_ID }, senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['a destroyed frame', { sender: { id: MAIN_ID }, senderFrame: null }],
  ])('refuses a call from %s before looking at the arguments', async (_label, event) => {
    const { call, deps, written, log } = setup();
    await expect(call(action, event as IpcInvokeEvent, ...goodArgs[action])).rejects.toThrow(`${action}：调用被拒绝`);
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.print).not.toHaveBeenCalled();
    expect(deps.printToPdf).not.toHaveBeenCalled();
    expect(deps.setSyncServerUrl).not.toHaveBeenCalled();
    expect(written).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`refused ${action}`));
  });
});

describe('appVersion', () => {
  it('returns the application version', async () => {
    await expect(setup().call('appVersion', fromApp())).resolves.toBe('1.2.3');
  });
});

describe('saveFile', () => {
  it('suggests the name in the documents folder, adds "all files", writes where the user chose', async () => {
    const { call, deps, written } = setup({
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/clerk/桌面/客户-最终.csv' })),
    });
    const result = await call('saveFile', fromApp(), { suggestedName: '客户.csv', data: pdfBytes, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(deps.showSaveDialog).toHaveBeenCalledWith({
      title: '保存文件',
      defaultPath: '/home/clerk/文档/客户.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }, { name: '所有文件', extensions: ['*'] }],
    });
    expect(result).toEqual({ saved: true, path: '/home/clerk/桌面/客户-最终.csv' });
    expect(written).toEqual([{ path: '/home/clerk/桌面/客户-最终.csv', data: pdfBytes }]);
  });

  it('writes nothing when the user cancels', async () => {
    const { call, written } = setup({ showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) });
    await expect(call('saveFile', fromApp(), ...goodArgs.saveFile)).resolves.toEqual({ saved: false });
    expect(written).toEqual([]);
  });

  it('reports a write failure with the path', async () => {
    const { call } = setup({
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/ro/x.csv' })),
      writeFile: vi.fn(async () => { throw new Error('EACCES: permission denied'); }),
    });
    await expect(call('saveFile', fromApp(), ...goodArgs.saveFile)).rejects.toThrow('saveFile：无法写入 /ro/x.csv — EACCES');
  });
});

describe('printView', () => {
  it('prints the window', async () => {
    const { call, deps } = setup();
    await expect(call('printView', fromApp())).resolves.toEqual({ printed: true });
    expect(deps.print).toHaveBeenCalledTimes(1);
  });

  it('reports a cancelled print dialog without rejecting', async () => {
    const { call } = setup({ print: vi.fn(async () => ({ success: false, failureReason: 'cancelled' })) });
    await expect(call('printView', fromApp())).resolves.toEqual({ printed: false, failureReason: 'cancelled' });
  });
});

describe('printViewToPdf', () => {
  it('asks where to save with a .pdf name, renders the PDF and writes it', async () => {
    const { call, deps, written } = setup();
    await expect(call('printViewToPdf', fromApp(), { suggestedName: '合同 HT-001' })).resolves.toEqual({
      saved: true,
      path: '/home/clerk/文档/合同 HT-001.pdf',
    });
    expect(deps.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'PDF 文档', extensions: ['pdf'] }] }));
    expect(written).toEqual([{ path: '/home/clerk/文档/合同 HT-001.pdf', data: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }]);
  });

  it('does not render anything when the user cancels', async () => {
    const { call, deps, written } = setup({ showSaveDialog: vi.fn(async () => ({ canceled: true })) });
    await expect(call('printViewToPdf', fromApp(), { suggestedName: 'a.pdf' })).resolves.toEqual({ saved: false });
    expect(deps.printToPdf).not.toHaveBeenCalled();
    expect(deps.setSyncServerUrl).not.toHaveBeenCalled();
    expect(written).toEqual([]);
  });

  it('adds the .pdf extension only when missing', () => {
    expect(withPdfExtension('a')).toBe('a.pdf');
    expect(withPdfExtension('a.PDF')).toBe('a.PDF');
    expect(withPdfExtension('a.pdf.txt')).toBe('a.pdf.txt.pdf');
  });
});

describe('setSyncServerUrl', () => {
  it('stores the address and asks for a reload only when the allowed origin changes', async () => {
    const { call, deps } = setup();
    await expect(call('setSyncServerUrl', fromApp(), { url: 'https://sync.example.com/hotline' })).resolves.toEqual({ url: 'https://sync.example.com/hotline', reload: true });
    expect(deps.setSyncServerUrl).toHaveBeenCalledWith('https://sync.example.com/hotline');
    await expect(call('setSyncServerUrl', fromApp(), { url: 'https://sync.example.com' })).resolves.toEqual({ url: 'https://sync.example.com', reload: false });
  });

  it('treats 127.0.0.1 and localhost of the same port as the same server', async () => {
    const { call } = setup();
    await expect(call('setSyncServerUrl', fromApp(), { url: 'http://localhost:8787' })).resolves.toEqual({ url: 'http://localhost:8787', reload: false });
  });

  it('reports a failed save with the reason, and the address stays', async () => {
    const { call, deps } = setup({ setSyncServerUrl: vi.fn(async () => { throw new Error('EROFS: read-only file system'); }) });
    await expect(call('setSyncServerUrl', fromApp(), { url: 'https://sync.example.com' })).rejects.toThrow('setSyncServerUrl：无法保存服务器地址 — EROFS');
    expect(deps.syncServerUrl()).toBe('http://127.0.0.1:8787');
  });
});
