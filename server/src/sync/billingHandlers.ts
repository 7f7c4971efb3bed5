import { rejection, type MutationArgs, type RejectionCode } from '../../../shared/sync/index';
import { BillingRefused, postAdjustment, raiseDispute, resolveDispute, reverseAction, reverseEntry } from '../billing/ledgerOps';
import { saveBillingSettings } from '../billing/settings';
import { balanceOf } from '../billing/ledger';
import { Rejected, type HandlerOutcome, type MutationContext } from './context';
import { billingRefusalMessage, refusalTexts, type RefusalContext, type RefusalMessage } from './billingRefusalMessages';

/**
 * The billing acts a device queues offline (docs/billing.md, "Sync"): adjustments, reversals of
 * ledger entries and of automatic actions, disputes and the billing settings. Each is re-executed
 * with the same ledgerOps/settings functions the REST routes use, inside the push transaction and
 * its savepoint, against the SERVER's ledger and account state; the ids the device made become the
 * ids of the entries and disputes, so the pulled records replace the device's pending copies.
 * Roles are checked by the catalogue (MUTATION_ROLES: managers, a dispute is raised by staff);
 * every read is scoped to the mutation's office, so another office's account is "not found".
 */

/** Billing refusal codes → the protocol's stored-rejection codes (the billing code stays in the text). */
const CODES: Record<string, RejectionCode> = {
  ACCOUNT_NOT_FOUND: 'ACCOUNT_NOT_FOUND',
  ENTRY_NOT_FOUND: 'NOT_FOUND',
  ACTION_NOT_FOUND: 'NOT_FOUND',
  DISPUTE_NOT_FOUND: 'NOT_FOUND',
  CALL_NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  ALREADY_REVERSED: 'INVALID_TRANSITION',
  NOT_REVERSIBLE: 'INVALID_TRANSITION',
  STATE_CHANGED: 'INVALID_TRANSITION',
  NUMBER_TAKEN: 'INVALID_TRANSITION',
  DISPUTE_CLOSED: 'INVALID_TRANSITION',
};

/**
 * A stored rejection that names a catalog message (messageCode + params, as sync validation's do):
 * the device shows it in its own language; message/messageEn carry the same text for older clients.
 */
function rejectWith(code: RejectionCode, m: RefusalMessage, field?: string, billingCode?: string): never {
  const { zh, en } = refusalTexts(m);
  throw new Rejected({ ...rejection(code, { zh, en: billingCode ? `${en} (${billingCode})` : en, field }), messageCode: m.code, params: m.params });
}

/**
 * Runs a billing operation; its refusal becomes a stored rejection with the field and the catalog
 * message (both languages; the billing code stays in the English text for logs), or the server's
 * own pair where the catalog has no twin.
 */
async function refusalsRejected<T>(c: RefusalContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof BillingRefused) {
      const code = CODES[e.code] ?? 'INVALID_ARGS';
      const m = billingRefusalMessage(e, c);
      if (m) rejectWith(code, m, e.field, e.code);
      throw new Rejected(rejection(code, { zh: e.message, en: `${e.messageEn} (${e.code})`, field: e.field }));
    }
    throw e;
  }
}

export async function ledgerAdjust(ctx: MutationContext, a: MutationArgs<'ledger.adjust'>): Promise<HandlerOutcome> {
  const entry = await refusalsRejected({ command: 'ledger.adjust', args: a }, () => postAdjustment(ctx.tx, ctx.officeId, ctx.auth.userId, { id: a.id, accountId: a.accountId, amountFen: a.amountFen, reason: a.reason }));
  return { result: { ledgerEntryId: entry.id, accountId: entry.accountId, balanceFen: await balanceOf(ctx.tx, ctx.officeId, entry.accountId) } };
}

export async function ledgerReverse(ctx: MutationContext, a: MutationArgs<'ledger.reverse'>): Promise<HandlerOutcome> {
  const entry = await refusalsRejected({ command: 'ledger.reverse', args: a }, () => reverseEntry(ctx.tx, ctx.officeId, ctx.auth.userId, a.entryId, a.reason, a.id));
  return { result: { ledgerEntryId: entry.id, reverses: a.entryId, accountId: entry.accountId, balanceFen: await balanceOf(ctx.tx, ctx.officeId, entry.accountId) } };
}

export async function billingActionReverse(ctx: MutationContext, a: MutationArgs<'billingAction.reverse'>): Promise<HandlerOutcome> {
  const row = await refusalsRejected({ command: 'billingAction.reverse', args: a }, () => reverseAction(ctx.tx, ctx.officeId, ctx.auth.userId, a.actionId, a.reason));
  return { result: { actionId: row.id, accountId: row.accountId, reversedAt: row.reversedAt } };
}

/** Changed billing settings; an older device's `timeZone`, `suspensionToTerminationDays` or `coolingDays` key counts as a change but is ignored (the office's rules are office.update's). */
export async function billingSettingsUpdate(ctx: MutationContext, a: MutationArgs<'billingSettings.update'>): Promise<HandlerOutcome> {
  const keys = Object.keys(a.patch);
  if (keys.length === 0) rejectWith('INVALID_ARGS', { code: 'billing.noSettingsChange', params: {} }, 'patch');
  const settings = await saveBillingSettings(ctx.tx, ctx.officeId, a.patch, ctx.auth.userId);
  return { result: { settings } };
}

export async function disputeRaise(ctx: MutationContext, a: MutationArgs<'dispute.raise'>): Promise<HandlerOutcome> {
  const d = await refusalsRejected({ command: 'dispute.raise', args: a }, () => raiseDispute(ctx.tx, ctx.officeId, ctx.auth.userId, a));
  return { result: { disputeId: d.id, accountId: d.accountId, raisedOn: d.raisedOn } };
}

export async function disputeResolve(ctx: MutationContext, a: MutationArgs<'dispute.resolve'>): Promise<HandlerOutcome> {
  const d = await refusalsRejected({ command: 'dispute.resolve', args: a }, () => resolveDispute(ctx.tx, ctx.officeId, ctx.auth.userId, a.id, { outcome: a.outcome, note: a.note, adjustmentFen: a.adjustmentFen, adjustmentId: a.adjustmentId }));
  return { result: { disputeId: d.id, status: d.status, ledgerEntryId: d.ledgerEntryId } };
}
