import { useLiveQuery } from 'dexie-react-hooks';
import { customerHistory, getCustomer } from './customers';
import { searchCustomers, type CustomerListItem } from './customersSearch';
import { attachmentMaxBytes, listAttachments } from './attachments';
import { db } from './db';
import type { AccountRow, AttachmentRow, CustomerHistoryRow, CustomerRow, NumberRow } from './rows';

/**
 * Live views of the customer data for React: they re-render when the rows change (in this tab or
 * another). `undefined` while the first answer is loading.
 */

export function useCustomerSearch(query: string, limit = 50): CustomerListItem[] | undefined {
  return useLiveQuery(() => searchCustomers(query, limit), [query, limit]);
}

/** `null` when the customer does not exist. */
export function useCustomer(id: string | undefined): CustomerRow | null | undefined {
  return useLiveQuery(async () => (id ? getCustomer(id) : null), [id]);
}

export function useCustomerHistory(id: string): CustomerHistoryRow[] | undefined {
  return useLiveQuery(() => customerHistory(id), [id]);
}

export function useAttachments(customerId: string): AttachmentRow[] | undefined {
  return useLiveQuery(() => listAttachments(customerId), [customerId]);
}

export function useAttachmentMaxBytes(): number | undefined {
  return useLiveQuery(() => attachmentMaxBytes(), []);
}

export interface CustomerHoldings {
  /** Numbers reserved for or assigned to the customer in the pool. */
  numbers: NumberRow[];
  /** The customer's service accounts (one per hotline service). */
  accounts: AccountRow[];
}

export function useCustomerHoldings(customerId: string): CustomerHoldings | undefined {
  return useLiveQuery(async () => {
    const d = db();
    const [numbers, accounts] = await Promise.all([
      d.numbers.where('customerId').equals(customerId).toArray(),
      d.accounts.where('customerId').equals(customerId).toArray(),
    ]);
    return { numbers, accounts: accounts.filter((a) => !a.deletedAt) };
  }, [customerId]);
}
