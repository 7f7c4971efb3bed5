import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/index';
import { overdueOn, type CallDispute, type LedgerEntry } from '../../../shared/billing/index';
import { addDays, disputeDeadline, formatFen, isIsoDate } from '../../../shared/domain/index';
import type { RecordData } from '../../../shared/sync/index';
import { numberRecord, type NumberRow } from '../numbers/pool';
import { loadBillingAccount, lockAccountRecord } from './accounts';
import { appendLedger, publishLedger, readEntry, readLedger } from './ledger';
import { putRecords, type BillingRecordWrite } from './records';
import { ACTION_COLUMNS, actionRecords, type ActionRow } from './actionLog';
import { pendingFinalBillMonth } from './run';
import { loadBillingSettings, officeToday } from './settings';

/**
 * A refusal: a route turns it into a 4xx with the zh-CN message, the sync command into a stored
 * rejection (sync/billingHandlers.ts) with both languages and the field it is about.
 */
export class BillingRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
    readonly messageEn: string = message,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function requireAccount(tx: Queryable, officeId: string, accountId: string) {
  const rec = await lockAccountRecord(tx, officeId, accountId);
  if (!rec) throw new BillingRefused(404, 'ACCOUNT_NOT_FOUND', `服务账户 ${accountId} 不存在。`, `service account ${accountId} does not exist`, 'accountId');
  return rec;
}

/** 调账: a manager's correction with a reason (credit > 0, charge < 0); the manager is recorded as approver. */
export async function postAdjustment(tx: Queryable, officeId: string, managerId: string, a: { id?: string; accountId: string; amountFen: number; reason: string; effectiveOn?: string }): Promise<LedgerEntry> {
  await requireAccount(tx, officeId, a.accountId);
  const settings = await loadBillingSettings(tx, officeId);
  const today = await officeToday(tx, settings.timeZone);
  const on = a.effectiveOn ?? today;
  if (!isIsoDate(on)) throw new BillingRefused(400, 'INVALID_DATE', `生效日期：“${on}”不是有效日期。`, `effective date: "${on}" is not a valid date`, 'effectiveOn');
  const [entry] = await appendLedger(tx, officeId, [{ id: a.id, accountId: a.accountId, kind: 'adjustment', amountFen: a.amountFen, effectiveOn: on, reason: a.reason, approvedBy: managerId, createdBy: managerId }]);
  if (!entry) {
    const same = a.id ? await readEntry(tx, officeId, a.id) : null;
    if (same && same.kind === 'adjustment' && same.amountFen === a.amountFen && same.accountId === a.accountId) return same;
    throw new BillingRefused(409, 'ALREADY_EXISTS', `调账编号 ${a.id} 已用于另一笔账目。`, `adjustment id ${a.id} is already used by another entry`, 'id');
  }
  await publishLedger(tx, officeId, [entry]);
  return entry;
}

/**
 * 冲正: cancels one entry by an opposite entry (the original stays). Each entry is reversed at most
 * once. `id` (the sync command's) becomes the reversal's id: the same reversal again returns it.
 */
export async function reverseEntry(tx: Queryable, officeId: string, managerId: string, entryId: string, reason: string, id?: string): Promise<LedgerEntry> {
  const original = await readEntry(tx, officeId, entryId);
  if (!original) throw new BillingRefused(404, 'ENTRY_NOT_FOUND', `账目 ${entryId} 不存在。`, `ledger entry ${entryId} does not exist`, 'entryId');
  if (original.kind === 'reversal') throw new BillingRefused(409, 'NOT_REVERSIBLE', '冲正记录本身不能再冲正；如需更正请调账。', 'a reversal cannot be reversed; make an adjustment instead', 'entryId');
  await requireAccount(tx, officeId, original.accountId);
  if (id) {
    const same = await readEntry(tx, officeId, id);
    if (same && same.kind === 'reversal' && same.reverses === entryId) return same;
    if (same) throw new BillingRefused(409, 'ALREADY_EXISTS', `冲正编号 ${id} 已用于另一笔账目。`, `reversal id ${id} is already used by another entry`, 'id');
  }
  const settings = await loadBillingSettings(tx, officeId);
  const today = await officeToday(tx, settings.timeZone);
  const [entry] = await appendLedger(tx, officeId, [
    {
      id,
      accountId: original.accountId,
      kind: 'reversal',
      category: original.category,
      amountFen: -original.amountFen,
      effectiveOn: today,
      method: original.method,
      reference: original.reference,
      reason,
      approvedBy: managerId,
      reverses: original.id,
      billId: original.billId,
      createdBy: managerId,
    },
  ]);
  if (!entry) throw new BillingRefused(409, 'ALREADY_REVERSED', `账目 ${entryId} 已经冲正过。`, `ledger entry ${entryId} was already reversed`, 'entryId');
  await publishLedger(tx, officeId, [entry]);
  return entry;
}

/** 销户退款: pays back the remaining credit of a terminated or closed account with nothing overdue. */
export async function refundAtClosure(tx: Queryable, officeId: string, managerId: string, a: { accountId: string; reason: string; method: LedgerEntry['method']; reference?: string | null }): Promise<LedgerEntry> {
  await requireAccount(tx, officeId, a.accountId);
  const account = await loadBillingAccount(tx, officeId, a.accountId);
  if (account?.state !== 'terminated' && account?.state !== 'closed') throw new BillingRefused(409, 'NOT_CLOSING', '只有已终止或已销户的账户才能办理退款。');
  const pending = await pendingFinalBillMonth(tx, officeId, account);
  if (pending) throw new BillingRefused(409, 'FINAL_BILL_PENDING', `账户 ${account.accountNo} 的最终账单（${pending}）尚未出账；请在 ${pending} 出账后再办理退款（协议第五条(一)：交清所有费用后销户）。`);
  const entries = await readLedger(tx, officeId, a.accountId);
  const settings = await loadBillingSettings(tx, officeId);
  const today = await officeToday(tx, settings.timeZone);
  const balance = entries.reduce((s, e) => s + e.amountFen, 0);
  if (overdueOn(entries, today) > 0 || balance <= 0) throw new BillingRefused(409, 'NOTHING_TO_REFUND', `账户余额 ${formatFen(balance)} 元，没有可退的预存款。`);
  const [entry] = await appendLedger(tx, officeId, [
    { accountId: a.accountId, kind: 'refund', amountFen: -balance, effectiveOn: today, method: a.method, reference: a.reference ?? null, reason: a.reason, approvedBy: managerId, createdBy: managerId, sourceKey: `refund:${a.accountId}` },
  ]);
  if (!entry) throw new BillingRefused(409, 'ALREADY_REFUNDED', '该账户已办理过销户退款。');
  await publishLedger(tx, officeId, [entry]);
  return entry;
}

const DISPUTE_COLUMNS = `id, carrier, carrier_record_id AS "carrierRecordId", account_id AS "accountId", raised_on::text AS "raisedOn", reason, status, outcome,
  adjustment_fen::float8 AS "adjustmentFen", ledger_entry_id AS "ledgerEntryId"`;

/** A dispute travels to devices as a `callDispute` record (same transaction as its change). */
async function publishDispute(tx: Queryable, officeId: string, d: CallDispute): Promise<void> {
  await putRecords(tx, officeId, [{ entity: 'callDispute', id: d.id, data: { ...d } as unknown as RecordData }]);
}

/**
 * A dispute of one call record, only within three months of it (400 agreement 第四条(一)6).
 * `id` (the sync command's) becomes the dispute's id: the same dispute again returns it.
 */
export async function raiseDispute(tx: Queryable, officeId: string, userId: string, d: { id?: string; carrier: string; carrierRecordId: string; reason: string; raisedOn?: string }): Promise<CallDispute> {
  if (d.id) {
    const same = await tx.query<CallDispute>(`SELECT ${DISPUTE_COLUMNS} FROM call_disputes WHERE office_id = $1 AND id = $2`, [officeId, d.id]);
    const row = same.rows[0];
    if (row && row.carrier === d.carrier && row.carrierRecordId === d.carrierRecordId) return row;
    if (row) throw new BillingRefused(409, 'ALREADY_EXISTS', `异议编号 ${d.id} 已用于另一张话单。`, `dispute id ${d.id} is already used for another call record`, 'id');
  }
  const r = await tx.query<{ account_id: string; local_day: string }>(
    'SELECT account_id, local_day::text AS local_day FROM call_records WHERE office_id = $1 AND carrier = $2 AND carrier_record_id = $3',
    [officeId, d.carrier, d.carrierRecordId],
  );
  const call = r.rows[0];
  if (!call) throw new BillingRefused(404, 'CALL_NOT_FOUND', `话单 ${d.carrierRecordId}（${d.carrier}）不存在。`, `call record ${d.carrierRecordId} (${d.carrier}) does not exist`, 'carrierRecordId');
  const settings = await loadBillingSettings(tx, officeId);
  const raisedOn = d.raisedOn ?? (await officeToday(tx, settings.timeZone));
  const deadline = disputeDeadline(call.local_day);
  if (raisedOn > deadline) {
    throw new BillingRefused(
      409,
      'DISPUTE_TOO_LATE',
      `话单日期 ${call.local_day}，异议须在 ${deadline} 前提出（协议第四条(一)6：三个月内）；${raisedOn} 已超过期限。`,
      `the call was on ${call.local_day}; a dispute had to be raised by ${deadline} (agreement article 4(1)6: within three months); ${raisedOn} is too late`,
      'carrierRecordId',
    );
  }
  const ins = await tx.query<CallDispute>(
    `INSERT INTO call_disputes (id, office_id, carrier, carrier_record_id, account_id, raised_on, reason, raised_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${DISPUTE_COLUMNS}`,
    [d.id ?? randomUUID(), officeId, d.carrier, d.carrierRecordId, call.account_id, raisedOn, d.reason, userId],
  );
  await publishDispute(tx, officeId, ins.rows[0]!);
  return ins.rows[0]!;
}

/**
 * A manager decides a dispute; upheld with an amount credits the account (an adjustment naming
 * the call, with id `adjustmentId` when the sync command gives one).
 */
export async function resolveDispute(tx: Queryable, officeId: string, managerId: string, id: string, r: { outcome: 'upheld' | 'rejected'; note: string; adjustmentFen?: number; adjustmentId?: string }): Promise<CallDispute> {
  const cur = await tx.query<CallDispute>(`SELECT ${DISPUTE_COLUMNS} FROM call_disputes WHERE office_id = $1 AND id = $2 FOR UPDATE`, [officeId, id]);
  const d = cur.rows[0];
  if (!d) throw new BillingRefused(404, 'DISPUTE_NOT_FOUND', `话单异议 ${id} 不存在。`, `dispute ${id} does not exist`, 'id');
  if (d.status !== 'open') {
    throw new BillingRefused(409, 'DISPUTE_CLOSED', `话单异议已处理（${d.status === 'upheld' ? '成立' : '不成立'}）。`, `the dispute was already decided (${d.status})`, 'id');
  }
  let entryId: string | null = null;
  if (r.outcome === 'upheld' && r.adjustmentFen && r.adjustmentFen > 0) {
    const e = await postAdjustment(tx, officeId, managerId, { id: r.adjustmentId, accountId: d.accountId, amountFen: r.adjustmentFen, reason: `话单异议成立（${d.carrierRecordId}）：${r.note}` });
    entryId = e.id;
  }
  const upd = await tx.query<CallDispute>(
    `UPDATE call_disputes SET status = $3, outcome = $4, adjustment_fen = $5, ledger_entry_id = $6, resolved_by = $7, resolved_at = now()
      WHERE office_id = $1 AND id = $2 RETURNING ${DISPUTE_COLUMNS}`,
    [officeId, id, r.outcome, r.note, entryId ? r.adjustmentFen : null, entryId, managerId],
  );
  await publishDispute(tx, officeId, upd.rows[0]!);
  return upd.rows[0]!;
}

export async function listDisputes(q: Queryable, officeId: string, status?: string): Promise<CallDispute[]> {
  const r = await q.query<CallDispute>(`SELECT ${DISPUTE_COLUMNS} FROM call_disputes WHERE office_id = $1 ${status ? 'AND status = $2' : ''} ORDER BY created_at`, status ? [officeId, status] : [officeId]);
  return r.rows;
}

export { ACTION_COLUMNS, listActions, type ActionRow } from './actionLog';

/**
 * A manager reverses an automatic action with a reason: a suspension or termination puts the
 * account back in its previous state (a terminated account's number comes back from cooling if
 * nobody took it), a resumption suspends again. The job then leaves the account alone for
 * `reversalGraceDays`.
 */
export async function reverseAction(tx: Queryable, officeId: string, managerId: string, actionId: string, reason: string): Promise<ActionRow> {
  const cur = await tx.query<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM billing_actions WHERE office_id = $1 AND id = $2 FOR UPDATE`, [officeId, actionId]);
  const act = cur.rows[0];
  if (!act) throw new BillingRefused(404, 'ACTION_NOT_FOUND', `催缴操作 ${actionId} 不存在。`, `collections action ${actionId} does not exist`, 'actionId');
  if (act.reversedAt) throw new BillingRefused(409, 'ALREADY_REVERSED', '该操作已被撤销。', 'the action was already reversed', 'actionId');
  if (act.action === 'reclaim') throw new BillingRefused(409, 'NOT_REVERSIBLE', '号码收回随终止一起撤销，请撤销对应的终止操作。', 'a reclamation is undone with its termination: reverse the termination', 'actionId');
  const rec = await requireAccount(tx, officeId, act.accountId);
  const settings = await loadBillingSettings(tx, officeId);
  const today = await officeToday(tx, settings.timeZone);
  const currentState = String(rec.data.status ?? rec.data.state ?? '');
  const expected = act.action === 'suspend' ? 'suspended' : act.action === 'resume' ? 'active' : 'terminated';
  if (currentState !== expected) {
    throw new BillingRefused(409, 'STATE_CHANGED', `账户当前状态为 ${currentState}，与该操作后的状态不符，不能撤销。`, `the account is now ${currentState}, not what the action left it in; it cannot be reversed`, 'actionId');
  }
  const previous = String(act.details.previousState ?? (act.action === 'resume' ? 'suspended' : 'active'));
  const number = typeof act.details.number === 'string' ? act.details.number : null;
  const numbers: BillingRecordWrite[] = [];
  if (number) {
    const numberTo = previous === 'suspended' ? 'suspended' : 'active';
    const from = act.action === 'terminate' ? ['cooling'] : act.action === 'suspend' ? ['suspended'] : ['active'];
    if (act.action === 'terminate') {
      const open = await tx.query('SELECT 1 FROM number_assignments WHERE number = $1 AND ended_at IS NULL', [number]);
      if (open.rowCount > 0) throw new BillingRefused(409, 'NUMBER_TAKEN', `号码 ${number} 已分配给他人，不能撤销终止。`, `number ${number} was given to someone else; the termination cannot be reversed`, 'actionId');
      const customerId = typeof rec.data.customerId === 'string' ? rec.data.customerId : '';
      await tx.query("INSERT INTO number_assignments (office_id, number, customer_id, kind, created_by) VALUES ($1, $2, $3, 'active', $4)", [officeId, number, customerId, managerId]);
      await tx.query('UPDATE hotline_numbers SET customer_id = $3 WHERE office_id = $1 AND number = $2', [officeId, number, customerId]);
    }
    const upd = await tx.query<NumberRow>(
      `UPDATE hotline_numbers SET status = $3, hold_until = NULL, updated_at = now() WHERE office_id = $1 AND number = $2 AND status = ANY($4::text[]) RETURNING *`,
      [officeId, number, numberTo, from],
    );
    for (const row of upd.rows) {
      const w = numberRecord(row);
      numbers.push({ entity: 'hotlineNumber', id: w.id, data: w.data ?? {} });
    }
  }
  const exemptUntil = addDays(today, settings.reversalGraceDays);
  const reversed = await tx.query<{ id: string }>(
    `UPDATE billing_actions SET reversed_at = now(), reversed_by = $3, reversal_reason = $4, exempt_until = $5
      WHERE office_id = $1 AND (id = $2 OR ($6 AND action = 'reclaim' AND account_id = $7 AND on_date = $8::date AND reversed_at IS NULL)) RETURNING id`,
    [officeId, actionId, managerId, reason, exemptUntil, act.action === 'terminate', act.accountId, act.onDate],
  );
  // the log's rows travel too: every device shows the reversal (and the reclamation undone with it)
  const logRecords = await actionRecords(tx, officeId, reversed.rows.map((x) => x.id));
  const fields: RecordData = { status: previous, stateSince: typeof act.details.previousStateSince === 'string' ? act.details.previousStateSince : today, statusReason: `经理撤销自动操作：${reason}` };
  await publishLedger(tx, officeId, [], { accountFields: new Map([[act.accountId, fields]]), extra: [...numbers, ...logRecords] });
  const out = await tx.query<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM billing_actions WHERE id = $1`, [actionId]);
  return out.rows[0]!;
}
