import { describe, expect, it } from 'vitest';
import {
  IPC_ACTIONS,
  MAX_SAVE_BYTES,
  SaveFileResponse,
  PrintViewResponse,
  ipcChannel,
  ipcContract,
  isIpcAction,
  parseIpcRequest,
  checkSyncServerUrl,
} from './index';
import type { HotlineBridge } from './index';

describe('IPC channels', () => {
  it('derives one distinct, prefixed channel per action', () => {
    const channels = IPC_ACTIONS.map(ipcChannel);
    expect(channels).toEqual(['hotline:appVersion', 'hotline:saveFile', 'hotline:printView', 'hotline:printViewToPdf', 'hotline:setSyncServerUrl']);
    expect(new Set(channels).size).toBe(IPC_ACTIONS.length);
  });

  it('has a schema pair for exactly the declared actions', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...IPC_ACTIONS].sort());
  });

  it('recognises only declared action names', () => {
    expect(isIpcAction('saveFile')).toBe(true);
    expect(isIpcAction('send')).toBe(false);
    expect(isIpcAction(undefined)).toBe(false);
  });
});

describe('request validation', () => {
  const bytes = new Uint8Array([1, 2, 3]);

  it('accepts a well-formed saveFile request, Chinese names included', () => {
    const r = parseIpcRequest('saveFile', [
      { suggestedName: '客户清单 2026-11.xlsx', data: bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] },
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.data).toBe(bytes);
  });

  it('accepts filters left out', () => {
    expect(parseIpcRequest('saveFile', [{ suggestedName: 'a.csv', data: bytes }]).ok).toBe(true);
  });

  it.each([
    ['a path', { suggestedName: '../../etc/passwd', data: bytes }, 'suggestedName'],
    ['a Windows path', { suggestedName: 'C:\\x.txt', data: bytes }, 'suggestedName'],
    ['an empty name', { suggestedName: '', data: bytes }, 'suggestedName'],
    ['a control character', { suggestedName: 'a\u0000b', data: bytes }, 'suggestedName'],
    ['a trailing dot', { suggestedName: 'report.', data: bytes }, 'suggestedName'],
    ['a name of ..', { suggestedName: '..', data: bytes }, 'suggestedName'],
    ['data as a string', { suggestedName: 'a.txt', data: 'hello' }, 'data'],
    ['data as a plain array', { suggestedName: 'a.txt', data: [1, 2] }, 'data'],
    ['an extension with a dot', { suggestedName: 'a.txt', data: bytes, filters: [{ name: 'T', extensions: ['.txt'] }] }, 'filters'],
    ['an unknown key', { suggestedName: 'a.txt', data: bytes, path: '/tmp/x' }, 'path'],
  ])('refuses saveFile with %s, naming the field', (_label, request, field) => {
    const r = parseIpcRequest('saveFile', [request]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('saveFile');
      expect(r.message).toContain(field);
    }
  });

  it('refuses data larger than the limit', () => {
    const big = new Uint8Array(MAX_SAVE_BYTES + 1);
    const r = parseIpcRequest('saveFile', [{ suggestedName: 'a.bin', data: big }]);
    expect(r.ok).toBe(false);
  });

  it('accepts a Uint8Array from another realm (copied over a bridge)', () => {
    const foreign = Object.create(null) as object;
    Object.defineProperty(foreign, Symbol.toStringTag, { value: 'Uint8Array' });
    Object.defineProperty(foreign, 'byteLength', { value: 3 });
    expect(parseIpcRequest('saveFile', [{ suggestedName: 'a.bin', data: foreign }]).ok).toBe(true);
  });

  it('takes no argument for appVersion and printView', () => {
    expect(parseIpcRequest('appVersion', []).ok).toBe(true);
    expect(parseIpcRequest('printView', []).ok).toBe(true);
    expect(parseIpcRequest('appVersion', ['x']).ok).toBe(false);
    expect(parseIpcRequest('printView', [{}]).ok).toBe(false);
  });

  it('refuses more than one argument', () => {
    const r = parseIpcRequest('printViewToPdf', [{ suggestedName: 'a.pdf' }, 'extra']);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('参数过多') });
  });

  it('validates printViewToPdf', () => {
    expect(parseIpcRequest('printViewToPdf', [{ suggestedName: '合同 HT-2026-001.pdf' }]).ok).toBe(true);
    expect(parseIpcRequest('printViewToPdf', [{ suggestedName: '/tmp/x.pdf' }]).ok).toBe(false);
    expect(parseIpcRequest('printViewToPdf', [undefined]).ok).toBe(false);
  });
});

describe('setSyncServerUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://sync.example.com/', 'https://sync.example.com'],
    ['  https://Sync.Example.com:8443/hotline/  ', 'https://sync.example.com:8443/hotline'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['https://同步.例子.中国', expect.stringMatching(/^https:\/\/xn--[a-z0-9-]+\.xn--[a-z0-9-]+\.xn--[a-z0-9-]+$/)],
  ])('accepts %s as %s', (input, stored) => {
    expect(checkSyncServerUrl(input)).toMatchObject({ ok: true, url: stored });
    expect(parseIpcRequest('setSyncServerUrl', [{ url: input }]).ok).toBe(true);
  });

  it.each([
    ['a wildcard host', 'https://*.example.com', '通配符'],
    ['a wildcard port', 'https://example.com:*', '通配符'],
    ['another scheme', 'ftp://example.com', 'http'],
    ['a javascript: URL', 'javascript:alert(1)', 'http'],
    ['a file: URL', 'file:///etc/passwd', 'http'],
    ['credentials', 'https://user:pw@example.com', '用户名'],
    ['a query', 'https://example.com/?x=1', '查询'],
    ['a fragment', 'https://example.com/#a', '片段'],
    ['a CSP source list smuggled in', 'https://example.com https://evil.example', '无效'],
    ['a quote', "https://example.com/'unsafe-inline'", '路径'],
    ['nothing', '', '不能为空'],
  ])('refuses %s, naming the problem', (_label, input, reason) => {
    const check = checkSyncServerUrl(input);
    expect(check.ok && check.url.includes("'")).toBe(false);
    if (reason) expect(check).toMatchObject({ ok: false, reason: expect.stringContaining(reason) });
    if (!check.ok) {
      const r = parseIpcRequest('setSyncServerUrl', [{ url: input }]);
      expect(r).toMatchObject({ ok: false, message: expect.stringContaining('url（服务器地址）') });
    }
  });

  it('takes exactly { url }', () => {
    expect(parseIpcRequest('setSyncServerUrl', ['http://127.0.0.1:8787']).ok).toBe(false);
    expect(parseIpcRequest('setSyncServerUrl', [{ url: 'http://127.0.0.1:8787', csp: "'unsafe-eval'" }]).ok).toBe(false);
  });
});

describe('response schemas', () => {
  it('describe what the handlers return', () => {
    expect(SaveFileResponse.safeParse({ saved: false }).success).toBe(true);
    expect(SaveFileResponse.safeParse({ saved: true, path: '/home/u/a.csv' }).success).toBe(true);
    expect(SaveFileResponse.safeParse({ saved: 'yes' }).success).toBe(false);
    expect(PrintViewResponse.safeParse({ printed: false, failureReason: 'cancelled' }).success).toBe(true);
    expect(ipcContract.appVersion.response.safeParse('').success).toBe(false);
  });
});

describe('HotlineBridge type', () => {
  it('is one named function per action with the contract types', async () => {
    const bridge: HotlineBridge = {
      appVersion: async () => '1.0.0',
      saveFile: async ({ suggestedName }) => ({ saved: true, path: `/x/${suggestedName}` }),
      printView: async () => ({ printed: true }),
      printViewToPdf: async () => ({ saved: false }),
      setSyncServerUrl: async ({ url }) => ({ url, reload: false }),
    };
    // @ts-expect-error appVersion takes no argument
    void (() => bridge.appVersion('x'));
    await expect(bridge.saveFile({ suggestedName: 'a.txt', data: new Uint8Array() })).resolves.toEqual({ saved: true, path: '/x/a.txt' });
  });
});
