import type { ComponentType } from 'react';
import { SyncStatus } from './SyncStatus';

/**
 * Places in the shell that later areas fill. To fill one, replace `null` with the component,
 * e.g. `export const SyncStatusSlot: ComponentType | null = SyncStatusIndicator;`
 */

/** Shown in the top bar, left of the language switch: the sync state (online, pending, conflicts). */
export const SyncStatusSlot: ComponentType | null = SyncStatus;
