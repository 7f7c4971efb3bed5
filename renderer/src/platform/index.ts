/**
 * The renderer's seam to the desktop shell. Import `platform` from here; never touch
 * `window.hotline` elsewhere.
 */
import type { HotlineBridge } from '../../../shared/ipc';
import { pickPlatform } from './pick';
import type { Platform } from './types';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts inside the desktop app; absent in a plain browser. */
    hotline?: HotlineBridge;
  }
}

export const platform: Platform = pickPlatform(window);

export { pickPlatform, isHotlineBridge } from './pick';
export { PLATFORM_HINTS } from './hints';
export type { Platform, PlatformHint, SaveFileRequest, SaveFileResult } from './types';
