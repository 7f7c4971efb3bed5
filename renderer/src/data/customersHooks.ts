import { useLiveQuery } from 'dexie-react-hooks';
import { customerHistory, getCustomer } from './customers';
import { searchCustomers, type CustomerListItem } from './customersSearch';
import { attachmentMaxBytes, listAttachments } from './attachments';
import type { AttachmentRow, CustomerHistoryRow, CustomerRow } from './rows';

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
