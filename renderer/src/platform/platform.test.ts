import { describe, expect, it, vi } from 'vitest';
import type { HotlineBridge } from '../../../shared/ipc';
import type { BrowserEnv } from './browser';
import { PLATFORM_HINTS } from './hints';
import { isHotlineBridge, pickPlatform } from './pick';

function fakeBridge(overrides: Partial<HotlineBridge> = {}): HotlineBridge {
  return {
    appVersion: vi.fn(async () => '2.0.0'),
    saveFile: vi.fn(async ({ suggestedName }) => ({ saved: true, path: `/docs/${suggestedName}` })),
    printView: vi.fn(async () => ({ printed: true })),
    printViewToPdf: vi.fn(async ({ suggestedName }) => ({ saved: true, path: `/docs/${suggestedName}` })),
    setSyncServerUrl: vi.fn(async ({ url }) => ({ url, reload: true })),
    ...overrides,
  };
}

function fakeBrowser() {
  const links: { href: string; download: string; clicked: boolean; removed: boolean; style: { display: string }; rel: string }[] = [];
  const blobs: Blob[] = [];
  const titles: string[] = [];
  const later: (() => void)[] = [];
  const document = {
    title: '客户 — Hotline Office',
    createElement: () => {
      const link = { href: '', download: '', rel: '', style: { display: '' }, clicked: false, removed: false,
        click() { this.clicked = true; }, remove() { this.removed = true; } };
      links.push(link);
      return link;
    },
    body: { append: vi.fn() },
  };
  const env: BrowserEnv = {
    document: document as unknown as BrowserEnv['document'],
    createObjectURL: (blob) => { blobs.push(blob); return `blob:test/${blobs.length}`; },
    revokeObjectURL: vi.fn(),
    print: vi.fn(() => { titles.push(document.title); }),
    later: (callback) => void later.push(callback),
    version: '0.1.0',
  };
  return { env, links, blobs, titles, later, document };
}

describe('pickPlatform', () => {
  it('uses the Electron bridge when window.hotline is the preload bridge', async () => {
    const bridge = fakeBridge();
    const platform = pickPlatform({ hotline: bridge });
    expect(platform.kind).toBe('electron');
    await expect(platform.appVersion()).resolves.toBe('2.0.0');
  });

  it('falls back to the browser when there is no bridge', async () => {
    const { env } = fakeBrowser();
    const platform = pickPlatform({}, () => env);
    expect(platform.kind).toBe('browser');
    await expect(platform.appVersion()).resolves.toBe('0.1.0');
  });

  it.each([
    ['null', null],
    ['a string', 'hotline'],
    ['an object missing a function', { appVersion: (): string => '1', saveFile: (): number => 1, printView: (): number => 1 }],
    ['an object with a non-function member', { appVersion: '1', saveFile: (): number => 1, printView: (): number => 1, printViewToPdf: (): number => 1 }],
  ])('ignores a window.hotline that is %s', (_label, hotline) => {
    expect(isHotlineBridge(hotline)).toBe(false);
    expect(pickPlatform({ hotline }, () => fakeBrowser().env).kind).toBe('browser');
  });
});

describe('Electron platform', () => {
  it('passes a save to the bridge without the MIME type', async () => {
    const bridge = fakeBridge();
    const data = new Uint8Array([1, 2]);
    const platform = pickPlatform({ hotline: bridge });
    await expect(platform.saveFile({ suggestedName: 'a.csv', data, mimeType: 'text/csv', filters: [{ name: 'CSV', extensions: ['csv'] }] }))
      .resolves.toEqual({ saved: true, path: '/docs/a.csv' });
    expect(bridge.saveFile).toHaveBeenCalledWith({ suggestedName: 'a.csv', data, filters: [{ name: 'CSV', extensions: ['csv'] }] });
  });

  it('treats a cancelled print dialog as done and a failed print as an error', async () => {
    const cancelled = pickPlatform({ hotline: fakeBridge({ printView: async () => ({ printed: false, failureReason: 'cancelled' }) }) });
    await expect(cancelled.printView()).resolves.toBeUndefined();
    const failed = pickPlatform({ hotline: fakeBridge({ printView: async () => ({ printed: false, failureReason: 'failed' }) }) });
    await expect(failed.printView()).rejects.toThrow('打印失败');
  });

  it('hands the sync server to the shell, which says whether the page must reload for its CSP', async () => {
    const bridge = fakeBridge();
    await expect(pickPlatform({ hotline: bridge }).allowSyncServer('https://sync.example.com')).resolves.toEqual({ url: 'https://sync.example.com', reload: true });
    expect(bridge.setSyncServerUrl).toHaveBeenCalledWith({ url: 'https://sync.example.com' });
  });

  it('prints to PDF through the bridge', async () => {
    const bridge = fakeBridge();
    await expect(pickPlatform({ hotline: bridge }).printViewToPdf('合同.pdf')).resolves.toEqual({ saved: true, path: '/docs/合同.pdf' });
    expect(bridge.printViewToPdf).toHaveBeenCalledWith({ suggestedName: '合同.pdf' });
  });
});

describe('browser platform', () => {
  it('has no window policy to change: any sync server, never a reload', async () => {
    await expect(pickPlatform({}, () => fakeBrowser().env).allowSyncServer('https://sync.example.com')).resolves.toEqual({ url: 'https://sync.example.com', reload: false });
  });

  it('saves by downloading a Blob under the suggested name, then revokes the URL', async () => {
    const { env, links, blobs, later } = fakeBrowser();
    const platform = pickPlatform({}, () => env);
    const result = await platform.saveFile({ suggestedName: '客户.csv', data: new TextEncoder().encode('名称\n'), mimeType: 'text/csv' });
    expect(result).toEqual({ saved: true });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ href: 'blob:test/1', download: '客户.csv', clicked: true, removed: true });
    expect(blobs[0]!.type).toBe('text/csv');
    expect(await blobs[0]!.text()).toBe('名称\n');
    expect(env.revokeObjectURL).not.toHaveBeenCalled();
    later.forEach((callback) => callback());
    expect(env.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });

  it('prints with window.print()', async () => {
    const { env } = fakeBrowser();
    await pickPlatform({}, () => env).printView();
    expect(env.print).toHaveBeenCalledTimes(1);
  });

  it('prints to PDF through the print dialog, titled with the suggested name, and returns the hint', async () => {
    const { env, titles, document } = fakeBrowser();
    const result = await pickPlatform({}, () => env).printViewToPdf('合同 HT-001.pdf');
    expect(titles).toEqual(['合同 HT-001']);
    expect(document.title).toBe('客户 — Hotline Office');
    expect(result).toEqual({ saved: false, hint: 'browser-print-to-pdf' });
    expect(PLATFORM_HINTS[result.hint!]['zh-CN']).toContain('另存为 PDF');
  });
});
