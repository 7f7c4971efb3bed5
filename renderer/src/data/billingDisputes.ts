import { NotFoundError, PermissionError, ValidationError } from './errors';
import { writeWithOutbox } from './outbox';
import { requirePermission } from './session';
import { officeToday } from './ledger';
import { disputesTable, type StoredDispute } from './ledgerTypes';
import { MUTATION_ROLES, ROLE_LABELS, parseYuanToFen } from '../../../shared';

/**
 * Call-record disputes (话单异议, 400 agreement 第四条(一)6) on this device: the server's disputes
 * arrive by pull (entity 'callDispute'); raising and deciding one are the sync commands
 * `dispute.raise` / `dispute.resolve`, written here as pending rows in the same transaction. The
 * three-month window is measured on the call's date, which only the server holds (call records
 * stay there), so the server decides it and a late dispute comes back refused.
 */

/** The office's disputes, newest first. */
export async function listDisputes(): Promise<StoredDispute[]> {
  const rows = await disputesTable().toArray();
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
  if (!MUTATION_ROLES['dispute.raise'].includes(user.role)) throw new PermissionError('dispute.raise', user.role, `当前用户「${user.name}」（${ROLE_LABELS[user.role]}）无权提出话单异议，请由营业厅业务员或经理办理。`);
  const fields: Record<string, string> = {};
  const carrier = String(form.carrier ?? '').trim();
  const carrierRecordId = String(form.carrierRecordId ?? '').trim();
  const reason = String(form.reason ?? '').trim();
  if (!carrier) fields.carrier = '运营商：必填。';
  if (!carrierRecordId) fields.carrierRecordId = '话单流水号：必填。';
  if (!reason) fields.reason = '异议原因：必填。';
  else if (reason.length > 500) fields.reason = '异议原因：最多 500 个字符。';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const same = await disputesTable().where('[carrier+carrierRecordId]').equals([carrier, carrierRecordId]).first();
  if (same && same.status === 'open') throw new ValidationError({ carrierRecordId: `话单流水号：${carrierRecordId} 已有未处理的异议。` });
  const row: StoredDispute = { id: crypto.randomUUID(), carrier, carrierRecordId, accountId: form.accountId, raisedOn: await officeToday(), reason, status: 'open', outcome: null, adjustmentFen: null, ledgerEntryId: null };
  await writeWithOutbox([disputesTable()], async (ctx) => {
    await disputesTable().add(row);
    await ctx.enqueue({ name: 'dispute.raise', args: { id: row.id, carrier, carrierRecordId, reason } });
  });
  return row;
}

/**
 * A manager decides a dispute; an upheld one with an amount credits the account by an adjustment
 * the SERVER books (with the id made here), arriving on the next pull. It is not written here as a
 * pending entry: a refused decision reconciles the dispute only, and would leave that entry behind.
 */
export async function resolveDispute(id: string, r: { outcome: 'upheld' | 'rejected'; note: string; adjustmentYuan?: string }): Promise<StoredDispute> {
  await requirePermission('payment.void');
  const dispute = await disputesTable().get(id);
  if (!dispute) throw new NotFoundError(`话单异议 ${id} 不存在。`);
  const fields: Record<string, string> = {};
  if (dispute.status !== 'open') fields.outcome = `处理结果：该异议已处理（${dispute.status === 'upheld' ? '成立' : '不成立'}）。`;
  if (r.outcome !== 'upheld' && r.outcome !== 'rejected') fields.outcome = '处理结果：必须是成立或不成立。';
  const note = String(r.note ?? '').trim();
  if (!note) fields.note = '处理结果说明：必填。';
  let adjustmentFen = 0;
  if (r.outcome === 'upheld' && String(r.adjustmentYuan ?? '').trim()) {
    const amount = parseYuanToFen(String(r.adjustmentYuan), '调账金额');
    if (!amount.ok) fields.adjustmentYuan = amount.reason.replace(/^调账金额/, '调账金额：');
    else adjustmentFen = amount.fen;
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const adjustmentId = adjustmentFen > 0 ? crypto.randomUUID() : null;
  const row: StoredDispute = { ...dispute, status: r.outcome, outcome: note, adjustmentFen: adjustmentId ? adjustmentFen : null, ledgerEntryId: adjustmentId };
  await writeWithOutbox([disputesTable()], async (ctx) => {
    await disputesTable().put(row);
    await ctx.enqueue({ name: 'dispute.resolve', args: { id, outcome: r.outcome, note, ...(adjustmentId ? { adjustmentFen, adjustmentId } : {}) } });
  });
  return row;
}
