import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { countApplicationsByStatus, getApplication, listApplications, type ApplicationListFilter, type ApplicationListItem } from './applications';
import { listPackages, type StoredPackage } from './packages';
import type { StoredApplication } from './applicationsTypes';
import type { CustomerRow, NumberRow } from './rows';

/** Live views for the applications area; `undefined` while the first answer loads. */

export function useApplications(filter: ApplicationListFilter): ApplicationListItem[] | undefined {
  return useLiveQuery(() => listApplications(filter), [filter.status, filter.text, filter.customerId, filter.accountId, filter.limit]);
}

export function useApplicationCounts(): Record<string, number> | undefined {
  return useLiveQuery(() => countApplicationsByStatus(), []);
}

/** `null` when it does not exist. */
export function useApplication(id: string | undefined): StoredApplication | null | undefined {
  return useLiveQuery(async () => (id ? getApplication(id) : null), [id]);
}

export function usePackages(): StoredPackage[] | undefined {
  return useLiveQuery(() => listPackages(), []);
}

export function useCustomerRow(id: string | null | undefined): CustomerRow | null | undefined {
  return useLiveQuery(async () => (id ? ((await db().customers.get(id)) ?? null) : null), [id]);
}

export function useNumberRow(digits: string | null | undefined): NumberRow | null | undefined {
  return useLiveQuery(async () => (digits ? ((await db().numbers.get(digits)) ?? null) : null), [digits]);
}

/** Numbers reserved for a customer (the wizard offers these first). */
export function useReservedNumbers(customerId: string | null | undefined): NumberRow[] | undefined {
  return useLiveQuery(
    async () => (customerId ? (await db().numbers.where('customerId').equals(customerId).toArray()).filter((n) => n.status === 'reserved') : []),
    [customerId],
  );
}

/** A package by id, including retired ones (an old form keeps its package). */
export function usePackageRow(id: string | null | undefined): StoredPackage | null | undefined {
  return useLiveQuery(async () => (id ? (((await db().packages.get(id)) as StoredPackage | undefined) ?? null) : null), [id]);
}
