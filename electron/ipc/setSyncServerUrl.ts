import { checkSyncServerUrl } from '../../shared/ipc/syncServerUrl';
import { syncServerSources } from '../csp';
import type { IpcHandlers, ShellDeps } from './types';

/**
 * The user chose another sync server: persist it (the request was already checked against the
 * shared schema) and report whether the window's CSP now allows a different origin — a loaded
 * page keeps the policy it was loaded with, so the renderer reloads when `reload` is true.
 */
export function createSetSyncServerUrlHandler(deps: Pick<ShellDeps, 'syncServerUrl' | 'setSyncServerUrl'>): IpcHandlers['setSyncServerUrl'] {
  return async ({ url }) => {
    // the schema already refused a bad address; this gives the stored (normalised) form
    const check = checkSyncServerUrl(url);
    if (!check.ok) throw new Error(`setSyncServerUrl：${check.reason}`);
    const before = syncServerSources(deps.syncServerUrl());
    let stored: string;
    try {
      stored = await deps.setSyncServerUrl(check.url);
    } catch (error) {
      throw new Error(`setSyncServerUrl：无法保存服务器地址 — ${(error as Error).message}`, { cause: error });
    }
    const after = syncServerSources(stored);
    const reload = before.length !== after.length || before.some((s, i) => s !== after[i]);
    return { url: stored, reload };
  };
}
