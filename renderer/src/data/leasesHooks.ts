import { useLiveQuery } from 'dexie-react-hooks';
import { leaseHolderNames, listLeases, type LeaseRecord } from './leases';

/** The leases this device holds records of (live: a pull or a return re-renders). */
export function useLeases(): LeaseRecord[] | undefined {
  return useLiveQuery(() => listLeases(), []);
}

/** Display names of the office's people by id, for "who holds this lease". */
export function useUserNames(): Map<string, string> | undefined {
  return useLiveQuery(() => leaseHolderNames(), []);
}
