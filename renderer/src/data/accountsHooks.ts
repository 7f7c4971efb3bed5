import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { accountHistory, getAccount, listAccounts, type AccountListItem } from './accounts';
import { releaseCooledNumbers } from './accountsNumbers';
import { installTestClock, onClockChange } from './clock';
import type { StoredAccount, StoredAccountEvent } from './accountsTypes';
import { officeSettings } from './numbers';
import type { OfficeSettings } from '../../../shared';

export function useAccounts(filter: { status?: StoredAccount['status']; customerId?: string; text?: string }): AccountListItem[] | undefined {
  return useLiveQuery(() => listAccounts(filter), [filter.status, filter.customerId, filter.text]);
}

export function useAccount(id: string | undefined): StoredAccount | null | undefined {
  return useLiveQuery(async () => (id ? getAccount(id) : null), [id]);
}

export function useAccountHistory(id: string | undefined): StoredAccountEvent[] | undefined {
  return useLiveQuery(async () => (id ? accountHistory(id) : []), [id]);
}

/**
 * Returns cooled numbers to the pool while mounted: at once, whenever the (test) clock moves,
 * and every minute.
 */
export function useCoolingSweeper(intervalMs = 60_000): void {
  useEffect(() => {
    // end-to-end tests move time while on these pages; a no-op unless test hooks were requested
    installTestClock();
    const sweep = () => void releaseCooledNumbers().catch(() => undefined);
    sweep();
    const timer = setInterval(sweep, intervalMs);
    const off = onClockChange(sweep);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [intervalMs]);
}

/** The office settings (cooling days …), defaults filled in. */
export function useOfficeSettings(): OfficeSettings | undefined {
  return useLiveQuery(() => officeSettings(), []);
}
