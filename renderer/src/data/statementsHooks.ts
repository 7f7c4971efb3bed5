import { useLiveQuery } from 'dexie-react-hooks';
import { can } from '../../../shared';
import { getCurrentUser } from './session';
import { billsOfAccount } from './statements';
import type { StoredBill } from './ledgerTypes';

/** The bills the server published for an account (newest first), live. */
export function useAccountBills(accountId: string): StoredBill[] | undefined {
  return useLiveQuery(() => billsOfAccount(accountId), [accountId]);
}

/** Whether the current user may see the office summary (every customer's balance: managers). */
export function useSeesOfficeSummary(): boolean | undefined {
  return useLiveQuery(async () => {
    const u = await getCurrentUser();
    return !!u && can(u.role, 'report.view');
  }, []);
}
