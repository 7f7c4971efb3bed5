import { REAL_NAME_STATUS_LABELS, msg, termList, type RealNameStatus } from '../../../shared';
import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, ValidationError } from './errors';
import { writeWithOutbox } from './outbox';
import { requirePermission } from './session';
import type { CustomerRow } from './rows';

/**
 * 实名核验: a clerk or manager compares the registration data with the scans and marks the customer
 * verified, or not verified with a reason. A transfer (过户) needs a verified customer, and the
 * 400 agreement 第二条 requires the data to be true, so verification needs the licence and the
 * handler's ID scan on file. Changing the real-name fields afterwards sends it back to pending
 * (customers.ts).
 */

/** The scans a verification needs: the business licence and the handler's ID (photo side). */
const REQUIRED_SCANS = [
  ['business_licence', '营业执照'],
  ['handler_id_front', '经办人身份证人像面'],
] as const;

const MIN_REASON = 4;

export async function verifyCustomer(
  id: string,
  outcome: Exclude<RealNameStatus, 'pending'>,
  reason = '',
): Promise<CustomerRow> {
  const user = await requirePermission('customer.verify');
  const note = reason.trim();
  if (outcome === 'rejected' && note.length < MIN_REASON) {
    throw new ValidationError({ reason: msg('form.reasonMin', { label: '核验不通过的原因', min: MIN_REASON }) });
  }
  const d = db();
  return writeWithOutbox([d.customers, d.customerHistory], async ({ enqueue }) => {
    const old = await d.customers.get(id);
    if (!old || old.deletedAt) throw new NotFoundError(msg('notFound.customer'));
    if (outcome === 'verified') {
      const kinds = new Set((old.attachments ?? []).map((a) => a.kind));
      const missing = REQUIRED_SCANS.filter(([kind]) => !kinds.has(kind)).map(([, label]) => label);
      if (missing.length > 0) {
        throw new ValidationError({ attachments: msg('customer.verifyNeedsScans', { kinds: termList(missing, 'list.and') }) });
      }
    }
    const at = nowIso();
    const next: CustomerRow = {
      ...old,
      realNameStatus: outcome,
      verifiedAt: at,
      verifiedBy: user.id,
      // A rejection's reason goes to the notes the clerk sees beside the status.
      notes: outcome === 'rejected' ? note : old.notes,
      version: old.version + 1,
      updatedAt: at,
      updatedBy: user.id,
    };
    await d.customers.put(next);
    await d.customerHistory.add({
      id: crypto.randomUUID(),
      customerId: id,
      at,
      userId: user.id,
      userName: user.name,
      field: 'realNameStatus',
      oldValue: REAL_NAME_STATUS_LABELS[old.realNameStatus],
      newValue: note ? `${REAL_NAME_STATUS_LABELS[outcome]}：${note}` : REAL_NAME_STATUS_LABELS[outcome],
    });
    await enqueue({
      name: 'record.update',
      args: { entity: 'customer', id, fields: { realNameStatus: next.realNameStatus, verifiedAt: at, verifiedBy: user.id, notes: next.notes } },
      baseVersion: old.version,
    });
    return next;
  });
}
