import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_ACTIONS } from '../shared/ipc';
import type { HotlineBridge } from '../shared/ipc';

// The real 'electron' module only works inside Electron: stand in for the two parts the preload uses.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: { invoke: electron.invoke },
}));

let bridge: HotlineBridge;
beforeAll(async () => {
  await import('./preload');
  bridge = electron.exposed.get('hotline') as HotlineBridge;
});

describe('preload', () => {
  it('exposes only window.hotline, with exactly one function per contract action', () => {
    expect([...electron.exposed.keys()]).toEqual(['hotline']);
    expect(Object.keys(bridge).sort()).toEqual([...IPC_ACTIONS].sort());
    for (const action of IPC_ACTIONS) expect(typeof bridge[action]).toBe('function');
  });

  it('invokes each action on its own channel with exactly its one argument', async () => {
    const data = new Uint8Array([1]);
    await expect(bridge.appVersion()).resolves.toEqual({ channel: 'hotline:appVersion', args: [] });
    await expect(bridge.printView()).resolves.toEqual({ channel: 'hotline:printView', args: [] });
    await expect(bridge.saveFile({ suggestedName: 'a.csv', data })).resolves.toEqual({
      channel: 'hotline:saveFile',
      args: [{ suggestedName: 'a.csv', data }],
    });
    // Extra arguments from a careless or hostile caller are not forwarded.
    const loose = bridge.printViewToPdf as (...args: unknown[]) => Promise<unknown>;
    await expect(loose({ suggestedName: 'a.pdf' }, 'extra')).resolves.toEqual({
      channel: 'hotline:printViewToPdf',
      args: [{ suggestedName: 'a.pdf' }],
    });
  });
});
