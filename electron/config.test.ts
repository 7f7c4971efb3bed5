import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SERVER_URL, resolveShellConfig } from './config';

describe('resolveShellConfig', () => {
  it('defaults to the embedded sync server and the built renderer beside the main file', () => {
    const c = resolveShellConfig({}, '/app/dist/electron');
    expect(c.syncServerUrl).toBe(DEFAULT_SYNC_SERVER_URL);
    expect(c.devServerUrl).toBeUndefined();
    expect(c.rendererIndexFile).toBe('/app/dist/renderer/index.html');
    expect(c.rendererIndexUrl).toBe('file:///app/dist/renderer/index.html');
    expect(c.preloadFile).toBe('/app/dist/electron/preload.cjs');
    expect(c.warnings).toEqual([]);
  });

  it('takes a sync server and a loopback dev server from the environment', () => {
    const c = resolveShellConfig({ HOTLINE_SYNC_URL: 'https://sync.example.com/', HOTLINE_DEV_SERVER_URL: 'http://localhost:5173' }, '/a');
    expect(c.syncServerUrl).toBe('https://sync.example.com');
    expect(c.devServerUrl).toBe('http://localhost:5173/');
  });

  it('refuses a non-loopback dev server and a non-http sync URL, with a warning each', () => {
    const c = resolveShellConfig({ HOTLINE_SYNC_URL: 'file:///etc', HOTLINE_DEV_SERVER_URL: 'http://evil.example.com:5173' }, '/a');
    expect(c.syncServerUrl).toBe(DEFAULT_SYNC_SERVER_URL);
    expect(c.devServerUrl).toBeUndefined();
    expect(c.warnings).toHaveLength(2);
  });

  it('lets tests point at a renderer built elsewhere and a profile of their own', () => {
    const c = resolveShellConfig({ HOTLINE_RENDERER_DIR: '/tmp/r', HOTLINE_USER_DATA_DIR: '/tmp/profile' }, '/a');
    expect(c.rendererIndexFile).toBe('/tmp/r/index.html');
    expect(c.userDataDir).toBe('/tmp/profile');
    expect(resolveShellConfig({}, '/a').userDataDir).toBeUndefined();
  });
});
