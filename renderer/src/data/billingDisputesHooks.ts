import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { listDisputes } from './billingDisputes';
import type { StoredDispute } from './ledgerTypes';

export type DisputeRow = StoredDispute & { pending: boolean };

/** One account's disputes, live, each marked pending while its raise/resolve waits in the outbox. */
export function useAccountDisputes(accountId: string | undefined): DisputeRow[] | undefined {
  return useLiveQuery(async () => {
    if (!accountId) return [];
    const rows = await listDisputes(accountId);
    const waiting = new Set(
      (await db().outbox.where('status').equals('pending').filter((r) => r.name === 'dispute.raise' || r.name === 'dispute.resolve').toArray()).map((r) => String((r.args as { id?: unknown }).id)),
    );
    return rows.map((d) => ({ ...d, pending: waiting.has(d.id) }));
  }, [accountId]);
}
