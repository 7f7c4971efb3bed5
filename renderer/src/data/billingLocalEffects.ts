import { accountsTable, type StoredAccount } from './accountsTypes';
import { ledgerTable, type StoredBillingAction, type StoredDispute } from './ledgerTypes';
import { SERVICE_ACCOUNT_STATES, type ServiceAccountState } from '../../../shared';

/**
 * The local effects of two billing commands shown before the server has answered, and taken back
 * when it refuses them. Like a payment's pending entry, each is written in the same transaction as
 * its outbox row; unlike a payment, the server's refusal reconciles only the command's own record
 * (the action, the dispute), so that reconciliation (syncState.reconcileRecord) calls
 * `undoRefusedEffects` with the local row as it was, and the effect is undone here.
 *
 * - Reversing an automatic action puts the account back in the state the action found, as the
 *   server will; the account's fields before are kept on the action row (`pendingAccountBefore`).
 * - An upheld dispute's credit is a pending ledger entry under the id the server will give its
 *   adjustment; the pulled entry replaces it, a refused decision removes it.
 */

/** The account as it was before a pending reversal changed it. */
export interface AccountBefore {
  accountId: string;
  status: ServiceAccountState;
  stateSince: string;
  statusReason: string;
  /** the status the reversal set: only an account still showing it is put back */
  shown: ServiceAccountState;
}

export type ActionWithEffect = StoredBillingAction & { pendingAccountBefore?: AccountBefore };

/** The state an automatic action left the account in (what the server checks before reversing it). */
export function stateAfter(action: StoredBillingAction): ServiceAccountState | null {
  if (action.action === 'suspend') return 'suspended';
  if (action.action === 'resume') return 'active';
  if (action.action === 'terminate') return 'terminated';
  return null;
}

const isState = (v: unknown): v is ServiceAccountState => typeof v === 'string' && (SERVICE_ACCOUNT_STATES as readonly string[]).includes(v);

/**
 * The account's fields once the reversal is done, as server/billing/ledgerOps reverseAction sets
 * them: the state before the action (logged in its details), since the day it began, and the reason.
 */
export function reversedAccountFields(action: StoredBillingAction, reason: string, today: string): Pick<StoredAccount, 'status' | 'stateSince' | 'statusReason'> {
  const d = action.details ?? {};
  const previous = isState(d.previousState) ? d.previousState : action.action === 'resume' ? 'suspended' : 'active';
  return { status: previous, stateSince: typeof d.previousStateSince === 'string' ? d.previousStateSince : today, statusReason: `经理撤销自动操作：${reason}` };
}

/**
 * Applies a pending reversal to the account, when the account still shows what the action left
 * (else the server will refuse it too, and nothing is shown). Returns what to keep for an undo.
 */
export async function applyReversalToAccount(action: StoredBillingAction, reason: string, today: string): Promise<AccountBefore | undefined> {
  const after = stateAfter(action);
  const account = await accountsTable().get(action.accountId);
  if (!after || !account || account.status !== after) return undefined;
  const fields = reversedAccountFields(action, reason, today);
  await accountsTable().update(account.id, fields);
  return { accountId: account.id, status: account.status, stateSince: account.stateSince, statusReason: account.statusReason, shown: fields.status };
}

/**
 * After the server's copy of an action or dispute replaced the local one (inside the same
 * transaction): a refused command's local effect is taken back. `server` is the server's record
 * data, or null when it has none.
 */
export async function undoRefusedEffects(entity: string, local: unknown, server: Record<string, unknown> | null): Promise<void> {
  if (!local || typeof local !== 'object') return;
  if (entity === 'billingAction') {
    const before = (local as ActionWithEffect).pendingAccountBefore;
    if (!before || (server && server.reversedAt)) return;
    const account = await accountsTable().get(before.accountId);
    // a later change (a pull, another act) wins over the undo
    if (!account || account.status !== before.shown) return;
    await accountsTable().update(account.id, { status: before.status, stateSince: before.stateSince, statusReason: before.statusReason });
  } else if (entity === 'callDispute') {
    const entryId = (local as StoredDispute).ledgerEntryId;
    if (!entryId || (server && server.ledgerEntryId === entryId)) return;
    const entry = await ledgerTable().get(entryId);
    if (entry && typeof entry.version !== 'number') await ledgerTable().delete(entryId);
  }
}
