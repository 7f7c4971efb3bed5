/**
 * The sync server the user chose in the app, kept in the profile folder (userData) so the next
 * start builds the window's CSP for it. Read with the same strict check the IPC request passed
 * (shared/ipc/syncServerUrl.ts): a hand-edited or corrupted file never widens the policy, it is
 * simply ignored and the start-up default (HOTLINE_SYNC_URL or the loopback server) applies.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSyncServerUrl } from '../shared/ipc/syncServerUrl';

export const SYNC_SERVER_SETTING_FILE = 'sync-server.json';

export function syncServerSettingFile(userDataDir: string): string {
  return path.join(userDataDir, SYNC_SERVER_SETTING_FILE);
}

/** The saved address, or null (no file, bad JSON, an address the check refuses). */
export function loadSyncServerUrl(file: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { syncServerUrl?: unknown };
    const check = checkSyncServerUrl(parsed?.syncServerUrl);
    return check.ok ? check.url : null;
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a crash mid-write never leaves half a file. */
export function saveSyncServerUrl(file: string, url: string): void {
  const check = checkSyncServerUrl(url);
  if (!check.ok) throw new Error(check.reason);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ syncServerUrl: check.url }, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}

/**
 * The address the window may reach now: the user's saved choice, else the start-up one. Holds the
 * current value for the CSP and the IPC handler; `set` persists first, so a failed write changes nothing.
 */
export class SyncServerSetting {
  private current: string;

  constructor(
    private readonly file: string,
    startupUrl: string,
  ) {
    this.current = loadSyncServerUrl(file) ?? startupUrl;
  }

  get(): string {
    return this.current;
  }

  set(url: string): string {
    saveSyncServerUrl(this.file, url);
    this.current = loadSyncServerUrl(this.file) ?? this.current;
    return this.current;
  }
}
