import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './csp';
import { SyncServerSetting, loadSyncServerUrl, saveSyncServerUrl, syncServerSettingFile } from './syncServerSetting';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hotline-sync-server-'));
  file = syncServerSettingFile(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const connectSrc = (url: string) => buildContentSecurityPolicy({ syncServerUrl: url }).split('; ').find((d) => d.startsWith('connect-src'));

describe('the saved sync server', () => {
  it('starts from the start-up address, then keeps the user\'s choice across starts', () => {
    const first = new SyncServerSetting(file, 'http://127.0.0.1:8787');
    expect(first.get()).toBe('http://127.0.0.1:8787');
    expect(first.set(' https://Sync.Example.com:8443/hotline/ ')).toBe('https://sync.example.com:8443/hotline');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ syncServerUrl: 'https://sync.example.com:8443/hotline' });
    const next = new SyncServerSetting(file, 'http://127.0.0.1:8787');
    expect(next.get()).toBe('https://sync.example.com:8443/hotline');
    expect(connectSrc(next.get())).toBe("connect-src 'self' https://sync.example.com:8443");
  });

  it('refuses to save a bad address and keeps the current one', () => {
    const s = new SyncServerSetting(file, 'http://127.0.0.1:8787');
    expect(() => s.set('https://*.example.com')).toThrow('通配符');
    expect(() => s.set('ws://example.com')).toThrow('http');
    expect(s.get()).toBe('http://127.0.0.1:8787');
    expect(loadSyncServerUrl(file)).toBeNull();
  });

  it.each([
    ['broken JSON', '{"syncServerUrl": '],
    ['a wildcard written by hand', JSON.stringify({ syncServerUrl: 'https://*' })],
    ['a source list written by hand', JSON.stringify({ syncServerUrl: "https://a.example 'unsafe-eval'" })],
    ['another scheme', JSON.stringify({ syncServerUrl: 'data:text/html,x' })],
    ['no address', JSON.stringify({})],
  ])('ignores a file with %s: the policy never widens', (_label, content) => {
    writeFileSync(file, content);
    expect(loadSyncServerUrl(file)).toBeNull();
    const s = new SyncServerSetting(file, 'http://127.0.0.1:8787');
    expect(connectSrc(s.get())).toBe("connect-src 'self' http://127.0.0.1:8787 http://localhost:8787");
  });

  it('writes through a temporary file and leaves none behind', () => {
    saveSyncServerUrl(file, 'https://sync.example.com');
    expect(readFileSync(file, 'utf8')).toContain('https://sync.example.com');
    expect(loadSyncServerUrl(file)).toBe('https://sync.example.com');
    expect(() => readFileSync(`${file}.${process.pid}.tmp`)).toThrow();
  });
});
