import { getCachedSession, replaceSession } from './auth';
import { SyncApi, SyncHttpError, SyncNetworkError } from '../sync/api';
import type { BillingSettings, LedgerEntry } from '../../../shared';
import type { StoredBillingAction } from './ledgerTypes';

/**
 * The billing calls that only the server can make (docs/billing.md, REST): a manager's adjustment
 * and the reversal of an automatic action change the server's ledger and account state at once, so
 * they are online actions, not queued commands; the action log is read from the server. Tests hand
 * the repositories a fake of this interface.
 */
export interface BillingServer {
  postAdjustment(accountId: string, body: { id: string; amountFen: number; reason: string }): Promise<LedgerEntry>;
  listActions(): Promise<StoredBillingAction[]>;
  reverseAction(actionId: string, reason: string): Promise<StoredBillingAction>;
  getSettings(): Promise<BillingSettings>;
  putSettings(patch: Partial<BillingSettings>): Promise<BillingSettings>;
}

/** The server of the signed-in sync session, or null when this device has never logged in. */
export async function billingServer(): Promise<BillingServer | null> {
  const cached = await getCachedSession();
  const office = cached?.session.user.offices[0]?.id;
  if (!cached || !office) return null;
  const api = new SyncApi(cached.serverUrl, { current: async () => (await getCachedSession())?.session ?? null, replace: replaceSession });
  const base = `/v1/offices/${encodeURIComponent(office)}/billing`;
  return {
    postAdjustment: (accountId, body) => api.authedJson<LedgerEntry>('POST', `${base}/accounts/${encodeURIComponent(accountId)}/adjustments`, body),
    listActions: async () => (await api.authedJson<{ actions: StoredBillingAction[] }>('GET', `${base}/actions`)).actions,
    reverseAction: (actionId, reason) => api.authedJson<StoredBillingAction>('POST', `${base}/actions/${encodeURIComponent(actionId)}/reverse`, { reason }),
    getSettings: () => api.authedJson<BillingSettings>('GET', `${base}/settings`),
    putSettings: (patch) => api.authedJson<BillingSettings>('PUT', `${base}/settings`, patch),
  };
}

/** A zh-CN sentence for a failed server call (the server's own message when it sent one). */
export function serverErrorText(e: unknown): string {
  if (e instanceof SyncNetworkError) return '无法连接同步服务器，请联网后再试。';
  if (e instanceof SyncHttpError) return e.message;
  return (e as Error).message;
}

export const OFFLINE_ONLY_MESSAGE = '此操作由服务器直接记账，须登录同步服务器并联网后办理。';
