import { NotFoundError, PermissionError, ValidationError, type ErrorText } from './errors';
import { amountFieldText, maxCharsText, requiredText } from './billingMessages';
import { writeWithOutbox } from './outbox';
import { requirePermission } from './session';
import { officeToday } from './ledger';
import { disputesTable, ledgerTable, type StoredDispute, type StoredLedgerEntry } from './ledgerTypes';
import { nowIso } from './clock';
import { db } from './db';
import { billingSettings } from './billingSettings';
import { META_RECORD_PREFIX, type MetaRecord } from './syncStateApply';
import { MUTATION_ROLES, ROLE_LABELS, disputeDeadline, msg, officeDayOfMs, parseYuanToFen } from '../../../shared';

/**
 * Call-record disputes (话单异议, 400 agreement 第四条(一)6) on this device: the server's disputes
 * arrive by pull (entity 'callDispute'); raising and deciding one are the sync commands
 * `dispute.raise` / `dispute.resolve`, written here as pending rows in the same transaction. The
 * three-month window is measured on the call's date: when this device holds the call record it
 * refuses a late dispute at once; otherwise (call records mostly stay on the server) the server
 * decides and a late dispute comes back refused with the deadline.
 */

/** The office date of a call this device holds (a pulled `callRecord`), or null. */
async function localCallDay(carrier: string, carrierRecordId: string): Promise<string | null> {
  const rows = await db().meta.where('key').startsWith(`${META_RECORD_PREFIX}callRecord:`).toArray();
  for (const r of rows) {
    const data = (r.value as MetaRecord).data;
    if (data.carrierRecordId !== carrierRecordId || (data.carrier !== undefined && data.carrier !== carrier)) continue;
    const ms = typeof data.startAt === 'string' ? Date.parse(data.startAt) : Number.NaN;
    if (!Number.isNaN(ms)) return officeDayOfMs(ms, (await billingSettings()).timeZone);
  }
  return null;
}

/** The office's disputes (or one account's), newest first. */
export async function listDisputes(accountId?: string): Promise<StoredDispute[]> {
  const rows = accountId ? await disputesTable().where('accountId').equals(accountId).toArray() : await disputesTable().toArray();
  return rows.sort((a, b) => (a.raisedOn > b.raisedOn ? -1 : a.raisedOn < b.raisedOn ? 1 : a.id.localeCompare(b.id)));
}

export interface DisputeForm {
  accountId: string;
  carrier: string;
  carrierRecordId: string;
  reason: string;
}

/** Office staff raise a dispute of one call record with a reason (pending until the server books it). */
export async function raiseDispute(form: DisputeForm): Promise<StoredDispute> {
  const user = await requirePermission('payment.record');
  // the server takes dispute.raise from office staff only (a field agent carries no call records)
  if (!MUTATION_ROLES['dispute.raise'].includes(user.role)) throw new PermissionError('dispute.raise', user.role, msg('billing.staffOnly', { name: user.name, role: ROLE_LABELS[user.role], action: '提出话单异议' }));
  const fields: Record<string, ErrorText> = {};
  const carrier = String(form.carrier ?? '').trim();
  const carrierRecordId = String(form.carrierRecordId ?? '').trim();
  const reason = String(form.reason ?? '').trim();
  if (!carrier) fields.carrier = requiredText('运营商');
  if (!carrierRecordId) fields.carrierRecordId = requiredText('话单流水号');
  if (!reason) fields.reason = requiredText('异议原因');
  else if (reason.length > 500) fields.reason = maxCharsText('异议原因', 500);
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const day = await localCallDay(carrier, carrierRecordId);
  const today = await officeToday();
  if (day && today > disputeDeadline(day)) {
    throw new ValidationError({ carrierRecordId: msg('billing.disputeLate', { day, deadline: disputeDeadline(day), today }) });
  }
  const same = await disputesTable().where('[carrier+carrierRecordId]').equals([carrier, carrierRecordId]).first();
  if (same && same.status === 'open') throw new ValidationError({ carrierRecordId: msg('billing.disputeOpen', { id: carrierRecordId }) });
  const row: StoredDispute = { id: crypto.randomUUID(), carrier, carrierRecordId, accountId: form.accountId, raisedOn: today, reason, status: 'open', outcome: null, adjustmentFen: null, ledgerEntryId: null };
  await writeWithOutbox([disputesTable()], async (ctx) => {
    await disputesTable().add(row);
    await ctx.enqueue({ name: 'dispute.raise', args: { id: row.id, carrier, carrierRecordId, reason } });
  });
  return row;
}

/**
 * A manager decides a dispute; an upheld one with an amount credits the account by an adjustment
 * the SERVER books with the id made here. The credit shows at once as a pending ledger entry under
 * that id (written with the decision and its outbox row): the pulled entry replaces it, and a
 * refused decision removes it when the dispute is reconciled (billingLocalEffects.ts).
 */
export async function resolveDispute(id: string, r: { outcome: 'upheld' | 'rejected'; note: string; adjustmentYuan?: string }): Promise<StoredDispute> {
  const user = await requirePermission('payment.void');
  const dispute = await disputesTable().get(id);
  if (!dispute) throw new NotFoundError(msg('billing.disputeNotFound', { id }));
  const fields: Record<string, ErrorText> = {};
  if (dispute.status !== 'open') fields.outcome = msg('billing.disputeDecided', { status: dispute.status === 'upheld' ? '成立' : '不成立' });
  if (r.outcome !== 'upheld' && r.outcome !== 'rejected') fields.outcome = msg('billing.disputeOutcome');
  const note = String(r.note ?? '').trim();
  if (!note) fields.note = requiredText('处理结果说明');
  let adjustmentFen = 0;
  if (r.outcome === 'upheld' && String(r.adjustmentYuan ?? '').trim()) {
    // named as the form labels it (退还金额)
    const amount = parseYuanToFen(String(r.adjustmentYuan), '退还金额');
    if (!amount.ok) fields.adjustmentYuan = amountFieldText(amount, '退还金额');
    else adjustmentFen = amount.fen;
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const adjustmentId = adjustmentFen > 0 ? crypto.randomUUID() : null;
  const row: StoredDispute = { ...dispute, status: r.outcome, outcome: note, adjustmentFen: adjustmentId ? adjustmentFen : null, ledgerEntryId: adjustmentId };
  const today = await officeToday();
  const at = nowIso();
  // the server's adjustment (ledgerOps resolveDispute → postAdjustment), as it will read
  const credit: StoredLedgerEntry | null = adjustmentId
    ? { id: adjustmentId, accountId: dispute.accountId, kind: 'adjustment', category: 'principal', amountFen: adjustmentFen, effectiveOn: today, dueOn: today, method: null, reference: null, reason: `话单异议成立（${dispute.carrierRecordId}）：${note}`, approvedBy: user.id, reverses: null, billId: null, createdBy: user.id, createdAt: at, updatedAt: at }
    : null;
  await writeWithOutbox([disputesTable(), ledgerTable()], async (ctx) => {
    await disputesTable().put(row);
    if (credit) await ledgerTable().add(credit);
    await ctx.enqueue({ name: 'dispute.resolve', args: { id, outcome: r.outcome, note, ...(adjustmentId ? { adjustmentFen, adjustmentId } : {}) } });
  });
  return row;
}
