import type { Mutation } from '../../../shared/sync/index';
import { getCachedSession, isUnlocked, replaceSession, type CachedSession } from '../data/auth';
import {
  applyPulledPage,
  bindStoreToOffice,
  emptyEntityTables,
  getCursor,
  getLastSyncAt,
  nextPending,
  pendingCount,
  reconcileRecord,
  setLastSyncAt,
  settlePushed,
  syncClientId,
} from '../data/syncState';
import { SyncApi, SyncHttpError, isTransient } from './api';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { downloadMissing, uploadPending } from './attachments';
import { EMPTY_PROGRESS, useSyncStatus, type SyncProgress } from './store';
import { translate, type MutationTarget } from './translate';

/**
 * The client sync engine (issue 6 item 6). One run = push the outbox in seq order in batches →
 * upload attachment bytes (after their records) → pull pages until caught up → fetch missing
 * attachment bytes. Runs by itself while online (on start, on the `online` event, every
 * `intervalMs`), retries failures with exponential backoff and jitter, and never runs twice at
 * once. Everything it keeps lives in the local store, so a run killed anywhere resumes: unsent
 * mutations stay in the outbox (a replay gets the server's stored answers), and each pulled page
 * is saved with its cursor in one transaction.
 */

export interface EngineOptions {
  pushBatch: number;
  pullPage: number;
  intervalMs: number;
  backoff: BackoffOptions;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { pushBatch: 200, pullPage: 2000, intervalMs: 60_000, backoff: DEFAULT_BACKOFF };

export function apiFor(cached: CachedSession): SyncApi {
  return new SyncApi(cached.serverUrl, {
    current: async () => (await getCachedSession())?.session ?? null,
    replace: replaceSession,
  });
}

/** The office this device works for: the first of the user's offices (the store holds one office). */
export function officeOf(cached: CachedSession): string {
  const o = cached.session.user.offices[0];
  if (!o) throw new SyncHttpError(403, 'NO_OFFICE', '该账号不属于任何营业厅', 'the account belongs to no office');
  return o.id;
}

/**
 * Where a run's time goes, as User Timing measures (`sync.*`): visible in Chromium's performance
 * panel and read by the benchmark (bench/sync.ts), which clears them between its scenarios (a
 * periodic run may follow the one measured: the engine never clears them itself).
 */
export const SYNC_MEASURES = ['sync.push.request', 'sync.push.settle', 'sync.pull.wait', 'sync.pull.apply'] as const;

function measure(name: (typeof SYNC_MEASURES)[number], start: number): number {
  const end = performance.now();
  performance.measure(name, { start, end });
  return end;
}

function set(p: Partial<SyncProgress>) {
  useSyncStatus.setState((s) => ({ progress: { ...s.progress, ...p } }));
}

/** Record keys of pending local changes: pulled copies of those records wait for the push. */
async function pendingTargets(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const row of await nextPending(100_000)) {
    const t = translate(row).target;
    if (t) keys.add(`${t.entity}:${t.id}`);
  }
  return keys;
}

async function pushAll(api: SyncApi, cid: string, officeId: string, batch: number): Promise<void> {
  for (;;) {
    const rows = await nextPending(batch);
    if (rows.length === 0) return;
    const mutations: Mutation[] = [];
    const skipped: number[] = [];
    const targets = new Map<number, MutationTarget>();
    for (const row of rows) {
      const t = translate(row);
      if (t.kind === 'skip') {
        skipped.push(row.seq!);
        continue;
      }
      if (t.target) targets.set(row.seq!, t.target);
      mutations.push({ seq: row.seq!, mutationId: row.mutationId, officeId, name: t.name, args: t.args, ...(t.baseVersion === undefined ? {} : { baseVersion: t.baseVersion }) });
    }
    let t = performance.now();
    const res = mutations.length ? await api.push(cid, mutations) : { results: [], lastSeq: 0 };
    t = measure('sync.push.request', t);
    await settlePushed(res.results, skipped);
    // Rejected: the local change did not happen on the server. Reconcile the record with the
    // server's copy (or remove it when the server has none) so the device shows what is true.
    let rejected = 0;
    for (const r of res.results) {
      if (r.status !== 'rejected') continue;
      rejected++;
      const target = targets.get(r.seq);
      if (target) await reconcileRecord(target.entity, target.id, await api.record(officeId, target.entity, target.id), officeId);
    }
    useSyncStatus.setState((s) => ({ lastRejected: s.lastRejected + rejected }));
    set({ pushed: useSyncStatus.getState().progress.pushed + res.results.length + skipped.length, remaining: await pendingCount() });
    measure('sync.push.settle', t);
    if (res.retryAfterMs !== undefined || res.results.length < mutations.length) {
      throw new SyncHttpError(503, 'RETRY_LATER', '服务器繁忙，稍后自动重试', 'server busy, retrying later');
    }
  }
}

async function pullAll(api: SyncApi, cid: string, officeId: string, page: number): Promise<string | null> {
  let serverTime: string | null = null;
  let next = api.pull(cid, await getCursor(), page);
  // tables empty before this run (an initial sync): their rows need no read before the write
  const fresh = await emptyEntityTables();
  for (;;) {
    let t = performance.now();
    const res = await next;
    t = measure('sync.pull.wait', t);
    // Fetch the following page while this one is written (the server's cursor is known now);
    // pages are still applied one after the other, each saved with its own cursor.
    if (res.hasMore) {
      next = api.pull(cid, res.cursor, page);
      next.catch(() => undefined); // awaited on the next turn; an apply failure must not leave it unhandled
    }
    await applyPulledPage(res.changes, res.cursor, officeId, await pendingTargets(), fresh);
    measure('sync.pull.apply', t);
    serverTime = res.serverTime;
    const p = useSyncStatus.getState().progress;
    set({ pulled: p.pulled + res.changes.length, pages: p.pages + 1 });
    if (!res.hasMore) return serverTime;
  }
}

export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private intervalTimer: ReturnType<typeof setInterval> | null = null;
  private started = false;
  readonly options: EngineOptions;

  constructor(options: Partial<EngineOptions> = {}) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
  }

  private readonly onOnline = () => {
    useSyncStatus.setState({ online: true, attempt: 0 });
    void this.syncNow();
  };

  private readonly onOffline = () => {
    useSyncStatus.setState({ online: false });
  };

  /** Automatic sync: on start, when the browser comes back online, and every intervalMs. */
  start(): void {
    if (this.started) return;
    this.started = true;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.intervalTimer = setInterval(() => {
      if (navigator.onLine && !this.retryTimer) void this.syncNow();
    }, this.options.intervalMs);
    void getLastSyncAt().then((at) => useSyncStatus.setState({ lastSyncAt: at }));
    void pendingCount().then((n) => set({ remaining: n }));
    if (navigator.onLine) void this.syncNow();
  }

  stop(): void {
    this.started = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.intervalTimer = this.retryTimer = null;
  }

  /** Runs a sync now (or joins the one running and runs once more after it). */
  syncNow(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.syncNow();
      }
    });
    return this.running;
  }

  /** Resolves when no run is in progress or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    const cached = await getCachedSession();
    // nobody logged in, or a saved login not yet unlocked in this window: nothing to do
    if (!cached || !isUnlocked(cached.session.user.id)) {
      useSyncStatus.setState({ lastError: null });
      return;
    }
    useSyncStatus.setState({ running: true, online: navigator.onLine, lastRejected: 0, progress: { ...EMPTY_PROGRESS, phase: 'push', remaining: await pendingCount() } });
    try {
      const api = apiFor(cached);
      const officeId = officeOf(cached);
      await bindStoreToOffice(officeId);
      const cid = await syncClientId(cached.session.user.id);
      const t0 = performance.now();
      await pushAll(api, cid, officeId, this.options.pushBatch);
      const t1 = performance.now();
      set({ phase: 'attachments' });
      await uploadPending(api, officeId, (done, total) => set({ attachmentsDone: done, attachmentsTotal: total }));
      const t2 = performance.now();
      set({ phase: 'pull' });
      const serverTime = await pullAll(api, cid, officeId, this.options.pullPage);
      const t3 = performance.now();
      set({ phase: 'attachments' });
      const up = useSyncStatus.getState().progress;
      await downloadMissing(api, officeId, (done, total) => set({ attachmentsDone: up.attachmentsDone + done, attachmentsTotal: up.attachmentsTotal + total }));
      const at = serverTime ?? new Date().toISOString();
      await setLastSyncAt(at);
      const t4 = performance.now();
      const lastTimings = { pushMs: Math.round(t1 - t0), attachmentsMs: Math.round(t2 - t1 + (t4 - t3)), pullMs: Math.round(t3 - t2), totalMs: Math.round(t4 - t0) };
      const { pushed, pulled } = useSyncStatus.getState().progress;
      const recentRuns = [...useSyncStatus.getState().recentRuns, { pushed, pulled, pushMs: lastTimings.pushMs, pullMs: lastTimings.pullMs, totalMs: lastTimings.totalMs }].slice(-10);
      useSyncStatus.setState({ lastSyncAt: at, lastError: null, attempt: 0, nextRetryAt: null, lastTimings, recentRuns });
      set({ phase: 'done', remaining: await pendingCount() });
    } catch (e) {
      const transient = isTransient(e);
      const err = e as Error & { code?: string };
      const attempt = useSyncStatus.getState().attempt + 1;
      useSyncStatus.setState({ lastError: { message: err.message, code: err.code, transient, at: new Date().toISOString() }, attempt });
      set({ phase: 'error', remaining: await pendingCount() });
      if (transient && this.started) this.scheduleRetry(attempt);
    } finally {
      useSyncStatus.setState({ running: false });
    }
  }

  private scheduleRetry(attempt: number): void {
    const delay = backoffDelay(attempt, this.options.backoff);
    useSyncStatus.setState({ nextRetryAt: Date.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (navigator.onLine) void this.syncNow();
    }, delay);
  }
}

/** The app's engine (one per window). */
export const syncEngine = new SyncEngine();
