import { create } from 'zustand';

/** What the status indicator and the sync area show; written only by the engine. */

export type SyncPhase = 'idle' | 'push' | 'attachments' | 'pull' | 'done' | 'error';

export interface SyncProgress {
  phase: SyncPhase;
  /** mutations the server answered in this run */
  pushed: number;
  /** changes received in this run */
  pulled: number;
  /** local mutations still waiting */
  remaining: number;
  attachmentsDone: number;
  attachmentsTotal: number;
  /** pages of the pull saved in this run (each with its cursor) */
  pages: number;
}

export interface SyncError {
  message: string;
  code?: string;
  /** retried by itself (network, server restarting) or needs the user (log in again, update the app) */
  transient: boolean;
  at: string;
}

export interface SyncStatus {
  online: boolean;
  running: boolean;
  progress: SyncProgress;
  lastSyncAt: string | null;
  lastError: SyncError | null;
  /** when the next automatic attempt is due after a failure (epoch ms), else null */
  nextRetryAt: number | null;
  attempt: number;
  /** rejected mutations in the last run */
  lastRejected: number;
  /** how long each phase of the last successful run took (ms), for the benchmark and support */
  lastTimings: { pushMs: number; attachmentsMs: number; pullMs: number; totalMs: number } | null;
  /** the last successful runs, newest last (an automatic run may follow the one you started) */
  recentRuns: { pushed: number; pulled: number; pushMs: number; pullMs: number; totalMs: number }[];
}

export const EMPTY_PROGRESS: SyncProgress = { phase: 'idle', pushed: 0, pulled: 0, remaining: 0, attachmentsDone: 0, attachmentsTotal: 0, pages: 0 };

export const useSyncStatus = create<SyncStatus>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  running: false,
  progress: EMPTY_PROGRESS,
  lastSyncAt: null,
  lastError: null,
  nextRetryAt: null,
  attempt: 0,
  lastRejected: 0,
  lastTimings: null,
  recentRuns: [],
}));
