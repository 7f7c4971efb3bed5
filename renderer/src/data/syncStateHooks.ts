import { useLiveQuery } from 'dexie-react-hooks';
import { getCachedSession, type CachedSession } from './auth';
import { pendingCount, rejectedMutations, type RejectedMutation } from './syncState';
import { listConflicts, type ConflictView } from './syncStateConflicts';

/** Live views of the sync bookkeeping for React (`undefined` while the first answer loads). */

export function usePendingCount(): number | undefined {
  return useLiveQuery(() => pendingCount(), []);
}

export function useRejectedMutations(): RejectedMutation[] | undefined {
  return useLiveQuery(() => rejectedMutations(), []);
}

export function useConflicts(): ConflictView[] | undefined {
  return useLiveQuery(() => listConflicts(), []);
}

/** `null` when no one has logged in on this device. */
export function useCachedSession(): CachedSession | null | undefined {
  return useLiveQuery(() => getCachedSession(), []);
}
