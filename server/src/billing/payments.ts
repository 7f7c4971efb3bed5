import type { Queryable } from '../db/index';
import { checkRenewalWithPolicy, type LedgerEntry, type LedgerPaymentKind } from '../../../shared/billing/index';
import { PAYMENT_METHOD_LABELS, isIsoDate, type PaymentMethod } from '../../../shared/domain/index';
import type { MutationArgs } from '../../../shared/sync/index';
import { reject, type HandlerOutcome, type MutationContext } from '../sync/context';
import { loadBillingAccount, lockAccountRecord } from './accounts';
import { appendLedger, balanceOf, publishLedger, readEntry } from './ledger';
import { loadBillingSettings, officeToday } from './settings';
import { resumeIfSettled } from './collections';
import type { BillingRecordWrite } from './records';

export interface PaymentInput {
  id: string;
  accountId: string;
  amountFen: number;
  method: PaymentMethod;
  kind: LedgerPaymentKind;
  reference: string | null;
  note: string | null;
  /** office date received; default today */
  receivedOn?: string;
}

/** A refusal with the zh-CN reason, for both the sync command (stored rejection) and REST (4xx). */
export class PaymentRefused extends Error {
  constructor(
    readonly code: 'ACCOUNT_NOT_FOUND' | 'RENEWAL_BELOW_FLOOR' | 'INVALID_ARGS' | 'ALREADY_EXISTS',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The first renewal's amount (the floor of every later one): the first renewal entry not reversed. */
async function firstRenewalFen(tx: Queryable, officeId: string, accountId: string): Promise<number | null> {
  const r = await tx.query<{ amount_fen: number }>(
    `SELECT e.amount_fen FROM ledger_entries e
      WHERE e.office_id = $1 AND e.account_id = $2 AND e.kind = 'renewal'
        AND NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses = e.id)
      ORDER BY e.seq LIMIT 1`,
    [officeId, accountId],
  );
  return r.rows[0] ? Number(r.rows[0].amount_fen) : null;
}

/**
 * Records a payment (prepayment or renewal) as a ledger credit, in the caller's transaction.
 * Idempotent by id: the same payment again returns the stored entry (replayed); the same id with
 * other content is refused. A renewal below the first renewal (always) or the office floor is
 * refused with the reason. An account this job suspended is resumed when the payment settles it.
 */
export async function recordPayment(tx: Queryable, officeId: string, userId: string, p: PaymentInput): Promise<{ entry: LedgerEntry; balanceFen: number; replayed: boolean; resumed: boolean }> {
  const acctRecord = await lockAccountRecord(tx, officeId, p.accountId);
  if (!acctRecord) throw new PaymentRefused('ACCOUNT_NOT_FOUND', `服务账户 ${p.accountId} 不存在。`, 'accountId');
  const existing = await readEntry(tx, officeId, p.id);
  if (existing) {
    if (existing.accountId !== p.accountId || existing.amountFen !== p.amountFen || existing.kind !== p.kind) {
      throw new PaymentRefused('ALREADY_EXISTS', `缴费编号 ${p.id} 已用于另一笔款项。`, 'id');
    }
    return { entry: existing, balanceFen: await balanceOf(tx, officeId, p.accountId), replayed: true, resumed: false };
  }
  const settings = await loadBillingSettings(tx, officeId);
  const today = await officeToday(tx, settings.timeZone);
  const receivedOn = p.receivedOn ?? today;
  if (!isIsoDate(receivedOn)) throw new PaymentRefused('INVALID_ARGS', `收款日期：“${receivedOn}”不是有效日期。`, 'receivedOn');
  if (receivedOn > today) throw new PaymentRefused('INVALID_ARGS', `收款日期：${receivedOn} 晚于今天（${today}）。`, 'receivedOn');
  if (p.kind === 'renewal') {
    const account = await loadBillingAccount(tx, officeId, p.accountId);
    const check = checkRenewalWithPolicy(p.amountFen, await firstRenewalFen(tx, officeId, p.accountId), {
      monthlyMinimumFen: account?.monthlyMinimumFen ?? 0,
      floorMonthlyMinimums: settings.renewalFloorMonthlyMinimums,
    });
    if (!check.ok) throw new PaymentRefused('RENEWAL_BELOW_FLOOR', check.reason, 'amountFen');
  }
  const [entry] = await appendLedger(tx, officeId, [
    {
      id: p.id,
      accountId: p.accountId,
      kind: p.kind,
      amountFen: p.amountFen,
      effectiveOn: receivedOn,
      method: p.method,
      reference: p.reference,
      reason: p.note ?? `${PAYMENT_METHOD_LABELS[p.method]}${p.reference ? ` ${p.reference}` : ''}`,
      createdBy: userId,
    },
  ]);
  if (!entry) throw new PaymentRefused('ALREADY_EXISTS', `缴费编号 ${p.id} 已存在。`, 'id');
  const resumed = await resumeIfSettled(tx, officeId, p.accountId, settings, today);
  const payment: BillingRecordWrite = {
    entity: 'payment',
    id: p.id,
    data: { accountId: p.accountId, amountFen: p.amountFen, method: p.method, kind: p.kind, reference: p.reference, note: p.note, receivedOn, ledgerEntryId: entry.id, createdAt: entry.createdAt, createdBy: userId },
  };
  await publishLedger(tx, officeId, [entry], { accountFields: resumed ? new Map([[p.accountId, resumed.fields]]) : undefined, extra: [payment, ...(resumed?.numbers ?? [])] });
  return { entry, balanceFen: await balanceOf(tx, officeId, p.accountId), replayed: false, resumed: !!resumed };
}

/**
 * The sync command `payment.record`, re-executed by the server against its own ledger (DESIGN.md §3:
 * a payment is a command; two offline payments both count). Replaces the generic handler so the
 * balance comes from the ledger.
 */
export async function paymentRecordCommand(ctx: MutationContext, a: MutationArgs<'payment.record'>): Promise<HandlerOutcome> {
  const method: PaymentMethod = a.method === 'phone_bill' ? 'phone_bill_collection' : a.method;
  try {
    const r = await recordPayment(ctx.tx, ctx.officeId, ctx.auth.userId, {
      id: a.id,
      accountId: a.accountId,
      amountFen: a.amountFen,
      method,
      kind: a.kind ?? 'prepayment',
      reference: a.reference ?? null,
      note: a.note ?? null,
    });
    return { result: { paymentId: a.id, accountId: a.accountId, balanceFen: r.balanceFen, ledgerEntryId: r.entry.id, resumed: r.resumed } };
  } catch (e) {
    if (e instanceof PaymentRefused) {
      const code = e.code === 'ACCOUNT_NOT_FOUND' ? 'ACCOUNT_NOT_FOUND' : e.code === 'ALREADY_EXISTS' ? 'ALREADY_EXISTS' : 'INVALID_ARGS';
      reject(code, { zh: e.message, en: e.message, field: e.field });
    }
    throw e;
  }
}
