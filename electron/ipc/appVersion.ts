import type { IpcHandlers, ShellDeps } from './types';

export function createAppVersionHandler(deps: Pick<ShellDeps, 'appVersion'>): IpcHandlers['appVersion'] {
  return async () => deps.appVersion();
}
