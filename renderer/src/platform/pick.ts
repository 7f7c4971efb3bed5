import { IPC_ACTIONS } from '../../../shared/ipc/channels';
import type { HotlineBridge } from '../../../shared/ipc';
import { createBrowserPlatform } from './browser';
import type { BrowserEnv } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

/** True when the value has every function of the contract (what the preload exposes). */
export function isHotlineBridge(value: unknown): value is HotlineBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return IPC_ACTIONS.every((action) => typeof candidate[action] === 'function');
}

/**
 * The Electron bridge when the preload exposed one on `window.hotline`, the browser fallbacks
 * otherwise. A half-formed `hotline` (not the preload's) is ignored rather than trusted.
 */
export function pickPlatform(host: { hotline?: unknown }, browserEnv?: () => BrowserEnv): Platform {
  if (isHotlineBridge(host.hotline)) return createElectronPlatform(host.hotline);
  return createBrowserPlatform(browserEnv?.());
}
