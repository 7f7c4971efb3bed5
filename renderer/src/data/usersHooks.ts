import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ensureDefaultUsers, getCurrentUser, loginUserId } from './session';
import { listUsers } from './users';
import type { UserRow } from './rows';

/**
 * The current user, live; a fresh store gets its default profiles first (a live query may not
 * write, so that happens in an effect). `undefined` while loading, `null` when none is chosen.
 */
export function useCurrentUser(): UserRow | null | undefined {
  useEffect(() => {
    void ensureDefaultUsers();
  }, []);
  return useLiveQuery(() => getCurrentUser(), []);
}

export function useUsers(): UserRow[] | undefined {
  return useLiveQuery(() => listUsers(), []);
}

/** The user a sync login fixed for this device (`null`: none, local profiles may be switched). */
export function useLoginUserId(): string | null | undefined {
  return useLiveQuery(() => loginUserId(), []);
}
