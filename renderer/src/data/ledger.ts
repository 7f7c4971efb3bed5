import { z } from 'zod';
import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, PermissionError, ValidationError, type ErrorText } from './errors';
import { amountFieldText, maxCharsText, requiredText } from './billingMessages';
import { writeWithOutbox } from './outbox';
import { requirePermission } from './session';
import { officeSettings } from './numbers';
import { accountsTable, type StoredAccount } from './accountsTypes';
import { ledgerTable, type StoredLedgerEntry } from './ledgerTypes';
import { billingSettings } from './billingSettings';
import {
  MUTATION_ARGS,
  MUTATION_ROLES,
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  ROLE_LABELS,
  checkRenewalWithPolicy,
  ledgerBalance,
  msg,
  msgOfCheck,
  msgOfIssue,
  overdueOn,
  parseYuanToFen,
  toOfficeDate,
  zodMessage,
  type LedgerPaymentKind,
  type PaymentMethod,
} from '../../../shared';
import type { UserRow } from './rows';

/**
 * The account ledger on this device (issue 7 item 1). Entries are append-only; the balance is
 * always the sum of the entries (shared/billing ledgerBalance), never a stored number.
 * A payment is the sync command `payment.record`, which the server re-executes (a renewal is
 * checked again there); here it is written as a pending entry with the same id, so the balance and
 * the receipt are right at once, offline, and the server's entry replaces it on the next pull.
 */

export type { StoredLedgerEntry } from './ledgerTypes';

/** Recorded on this device and not yet confirmed: the server's copy carries its version. */
export function isPendingEntry(e: StoredLedgerEntry): boolean {
  return typeof e.version !== 'number';
}

/** The office date today, in the office's time zone. */
export async function officeToday(): Promise<string> {
  const s = await officeSettings();
  return toOfficeDate(nowIso(), s.timeZone);
}

/** An account's entries, oldest first (effective date, then the time they were made). */
export async function listLedger(accountId: string): Promise<StoredLedgerEntry[]> {
  const rows = await ledgerTable().where('accountId').equals(accountId).toArray();
  return rows.sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export interface LedgerSummary {
  entries: StoredLedgerEntry[];
  /** positive = prepaid credit left, negative = owed */
  balanceFen: number;
  /** overdue principal today (late fees accrue on it) */
  overdueFen: number;
  /** entries recorded here and not yet confirmed by the server */
  pendingCount: number;
}

export async function ledgerSummary(accountId: string, today?: string): Promise<LedgerSummary> {
  const day = today ?? (await officeToday());
  const entries = await listLedger(accountId);
  return {
    entries,
    balanceFen: ledgerBalance(entries),
    overdueFen: overdueOn(entries, day),
    pendingCount: entries.filter(isPendingEntry).length,
  };
}

/** The first renewal's amount (the floor of every later renewal), or null before the first one. */
export function firstRenewalFen(entries: readonly StoredLedgerEntry[]): number | null {
  const reversed = new Set(entries.filter((e) => e.reverses).map((e) => e.reverses));
  const first = [...entries]
    .filter((e) => e.kind === 'renewal' && !reversed.has(e.id))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))[0];
  return first ? first.amountFen : null;
}

/** What is owed on an account (0 when it is settled or in credit); closure is refused while > 0. */
export async function owedFen(accountId: string): Promise<number> {
  const entries = await ledgerTable().where('accountId').equals(accountId).toArray();
  return Math.max(0, -ledgerBalance(entries));
}

// ---------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------

/** What the payment form sends: the amount as typed in yuan; the repository turns it into fen. */
export const paymentFormSchema = z
  .object({
    accountId: z.string({ error: zodMessage('billing.accountRequired') }).min(1, { error: zodMessage('billing.accountRequired') }),
    kind: z.enum(['prepayment', 'renewal'], { error: zodMessage('billing.paymentKind') }),
    amountYuan: z.string({ error: zodMessage('form.required', { label: '收款金额' }) }),
    method: z.enum(PAYMENT_METHODS, { error: zodMessage('billing.paymentMethod') }),
    reference: z.string().trim().max(100, { error: zodMessage('billing.maxChars', { label: '凭证号', max: 100 }) }).default(''),
    receivedOn: z.string().optional(),
    note: z.string().trim().max(500, { error: zodMessage('billing.maxChars', { label: '备注', max: 500 }) }).default(''),
  })
  .superRefine((v, ctx) => {
    // a bank slip, collection or phone-bill number proves the money; cash gets the receipt number
    if (v.method !== 'cash' && v.reference.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: zodMessage('billing.referenceRequired', { term: PAYMENT_METHOD_LABELS[v.method] }) });
    }
  });
export type PaymentForm = z.input<typeof paymentFormSchema>;

/** zod issues → { field: message } (messages already name the field; catalog messages where made by zodMessage). */
export function issuesToFields(error: z.ZodError): Record<string, ErrorText> {
  const fields: Record<string, ErrorText> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= msgOfIssue(issue);
  }
  return fields;
}

export interface Receipt {
  receiptNo: string;
  entryId: string;
  accountId: string;
  accountNo: string;
  numberDigits: string;
  customerId: string;
  kind: LedgerPaymentKind;
  amountFen: number;
  method: PaymentMethod;
  reference: string | null;
  receivedOn: string;
  recordedBy: string;
  recordedAt: string;
  balanceAfterFen: number;
  pending: boolean;
}

/**
 * The sync payment method. Older servers knew phone-bill collection as 'phone_bill'; the outbox
 * sends the newer name only when the shared catalogue accepts it.
 */
function syncMethod(method: PaymentMethod): string {
  if (method !== 'phone_bill_collection') return method;
  const methods = (MUTATION_ARGS['payment.record'].shape.method.options as readonly string[]);
  return methods.includes('phone_bill_collection') ? 'phone_bill_collection' : 'phone_bill';
}

function receiptNumber(day: string, id: string): string {
  return `SK${day.replace(/-/g, '')}-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

async function requirePaymentRole(): Promise<UserRow> {
  const user = await requirePermission('payment.record');
  // the server runs payment.record only for office staff (shared/sync MUTATION_ROLES)
  if (!MUTATION_ROLES['payment.record'].includes(user.role)) {
    throw new PermissionError('payment.record', user.role, msg('billing.staffOnly', { name: user.name, role: ROLE_LABELS[user.role], action: '登记收款' }));
  }
  return user;
}

async function openAccount(accountId: string): Promise<StoredAccount> {
  const account = await accountsTable().get(accountId);
  if (!account || account.deletedAt) throw new NotFoundError(msg('billing.accountNotFound', { id: accountId }));
  if (account.status === 'closed') throw new ValidationError({ accountId: msg('billing.accountClosed', { no: account.no }) });
  return account;
}

/**
 * Records a payment (prepayment or renewal) offline: validates, checks the renewal floors
 * (400 agreement 第四条(二)8 and the office policy), writes the pending ledger entry and the
 * `payment.record` command in one transaction, and returns the receipt.
 */
export async function recordPayment(form: PaymentForm): Promise<Receipt> {
  const user = await requirePaymentRole();
  const parsed = paymentFormSchema.safeParse(form);
  const fields: Record<string, ErrorText> = parsed.success ? {} : issuesToFields(parsed.error);
  const amount = parseYuanToFen(String(form.amountYuan ?? ''), '收款金额');
  if (!amount.ok) fields.amountYuan ??= amountFieldText(amount, '收款金额');
  else if (amount.fen === 0) fields.amountYuan ??= msg('billing.amountPositive', { label: '收款金额' });
  const today = await officeToday();
  const receivedOn = form.receivedOn?.trim() || today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) fields.receivedOn ??= msg('billing.dateInvalid', { label: '收款日期', input: receivedOn });
  else if (receivedOn > today) fields.receivedOn ??= msg('billing.dateAfterToday', { label: '收款日期', date: receivedOn, today });
  if (!parsed.success || !amount.ok || Object.keys(fields).length) throw new ValidationError(fields);
  const v = parsed.data;
  const amountFen = amount.fen;

  const account = await openAccount(v.accountId);
  const entries = await listLedger(account.id);
  if (v.kind === 'renewal') {
    const settings = await billingSettings();
    const check = checkRenewalWithPolicy(amountFen, firstRenewalFen(entries), {
      monthlyMinimumFen: account.monthlyMinimumFen ?? 0,
      floorMonthlyMinimums: settings.renewalFloorMonthlyMinimums,
    });
    if (!check.ok) throw new ValidationError({ amountYuan: msg('field.labelled', { label: '收款金额', message: msgOfCheck(check) }) });
  }

  const id = crypto.randomUUID();
  const at = nowIso();
  const receiptNo = receiptNumber(receivedOn, id);
  const reference = v.reference || null;
  const row: StoredLedgerEntry = {
    id,
    accountId: account.id,
    kind: v.kind,
    category: 'principal',
    amountFen,
    effectiveOn: receivedOn,
    dueOn: receivedOn,
    method: v.method,
    reference,
    reason: v.note || `${PAYMENT_METHOD_LABELS[v.method]}${reference ? ` ${reference}` : ''}`,
    approvedBy: null,
    reverses: null,
    billId: null,
    createdBy: user.id,
    createdAt: at,
    receiptNo,
    updatedAt: at,
  };
  await writeWithOutbox([ledgerTable()], async (ctx) => {
    await ledgerTable().add(row);
    await ctx.enqueue({
      name: 'payment.record',
      args: { id, accountId: account.id, amountFen, method: syncMethod(v.method), kind: v.kind, ...(reference ? { reference } : {}), ...(v.note ? { note: v.note } : {}) },
    });
  });
  return {
    receiptNo,
    entryId: id,
    accountId: account.id,
    accountNo: account.no,
    numberDigits: account.numberDigits,
    customerId: account.customerId,
    kind: v.kind,
    amountFen,
    method: v.method,
    reference,
    receivedOn,
    recordedBy: user.name,
    recordedAt: at,
    balanceAfterFen: ledgerBalance([...entries, row]),
    pending: true,
  };
}

/** The receipt of a payment entry already in the ledger (for a reprint). */
export async function receiptFor(entryId: string): Promise<Receipt> {
  const entry = await ledgerTable().get(entryId);
  if (!entry || (entry.kind !== 'prepayment' && entry.kind !== 'renewal') || !entry.method) throw new NotFoundError(msg('billing.paymentNotFound', { id: entryId }));
  const account = await accountsTable().get(entry.accountId);
  if (!account) throw new NotFoundError(msg('billing.accountNotFound', { id: entry.accountId }));
  const entries = await listLedger(entry.accountId);
  const upTo = entries.slice(0, entries.findIndex((e) => e.id === entry.id) + 1);
  const user = entry.createdBy ? await db().users.get(entry.createdBy) : undefined;
  return {
    receiptNo: entry.receiptNo ?? receiptNumber(entry.effectiveOn, entry.id),
    entryId: entry.id,
    accountId: account.id,
    accountNo: account.no,
    numberDigits: account.numberDigits,
    customerId: account.customerId,
    kind: entry.kind,
    amountFen: entry.amountFen,
    method: entry.method,
    reference: entry.reference,
    receivedOn: entry.effectiveOn,
    recordedBy: user?.name ?? entry.createdBy ?? '',
    recordedAt: entry.createdAt,
    balanceAfterFen: ledgerBalance(upTo),
    pending: isPendingEntry(entry),
  };
}

// ---------------------------------------------------------------------------------------------
// Adjustments (调账): a manager approves each, with a reason
// ---------------------------------------------------------------------------------------------

export interface AdjustmentForm {
  accountId: string;
  /** 'credit' adds to the customer's balance, 'debit' charges it */
  direction: 'credit' | 'debit';
  amountYuan: string;
  reason: string;
}

/**
 * An adjustment (调账) is made by a manager (a clerk cannot), who is its approver, with a reason.
 * Offline like a payment: the pending entry and the `ledger.adjust` command are written in one
 * transaction, so the balance shows it at once; the server books it under the same id (its entry
 * replaces this one on the next pull) or refuses it, and then the pending entry is removed.
 */
export async function adjustLedger(form: AdjustmentForm): Promise<StoredLedgerEntry> {
  const user = await requirePermission('payment.void');
  const fields: Record<string, ErrorText> = {};
  if (form.direction !== 'credit' && form.direction !== 'debit') fields.direction = msg('billing.adjustDirection');
  const amount = parseYuanToFen(String(form.amountYuan ?? ''), '调账金额');
  if (!amount.ok) fields.amountYuan = amountFieldText(amount, '调账金额');
  else if (amount.fen === 0) fields.amountYuan = msg('billing.amountPositive', { label: '调账金额' });
  const reason = String(form.reason ?? '').trim();
  if (!reason) fields.reason = requiredText('调账原因');
  else if (reason.length > 500) fields.reason = maxCharsText('调账原因', 500);
  if (Object.keys(fields).length || !amount.ok) throw new ValidationError(fields);
  const account = await openAccount(form.accountId);
  const amountFen = form.direction === 'credit' ? amount.fen : -amount.fen;
  const today = await officeToday();
  const at = nowIso();
  const row: StoredLedgerEntry = {
    id: crypto.randomUUID(),
    accountId: account.id,
    kind: 'adjustment',
    category: 'principal',
    amountFen,
    effectiveOn: today,
    dueOn: today,
    method: null,
    reference: null,
    reason,
    approvedBy: user.id,
    reverses: null,
    billId: null,
    createdBy: user.id,
    createdAt: at,
    updatedAt: at,
  };
  await writeWithOutbox([ledgerTable()], async (ctx) => {
    await ledgerTable().add(row);
    await ctx.enqueue({ name: 'ledger.adjust', args: { id: row.id, accountId: account.id, amountFen, reason } });
  });
  return row;
}

/**
 * 冲正: a manager cancels one entry with a reason, by an opposite entry (the original stays). Each
 * entry is reversed at most once and a reversal is not reversed again (the server checks the same
 * on its ledger). Written offline as a pending reversal + the `ledger.reverse` command.
 */
export async function reverseLedgerEntry(entryId: string, reason: string): Promise<StoredLedgerEntry> {
  const user = await requirePermission('payment.void');
  const why = String(reason ?? '').trim();
  if (!why) throw new ValidationError({ reason: requiredText('冲正原因') });
  if (why.length > 500) throw new ValidationError({ reason: maxCharsText('冲正原因', 500) });
  const original = await ledgerTable().get(entryId);
  if (!original) throw new NotFoundError(msg('billing.entryNotFound', { id: entryId }));
  if (original.kind === 'reversal') throw new ValidationError({ entryId: msg('billing.reverseReversal') });
  const reversed = await ledgerTable().where('accountId').equals(original.accountId).filter((e) => e.reverses === entryId).first();
  if (reversed) throw new ValidationError({ entryId: msg('billing.alreadyReversed', { date: reversed.effectiveOn }) });
  const today = await officeToday();
  const at = nowIso();
  // the server's reversal: same category, method and reference, the opposite amount, booked today
  const row: StoredLedgerEntry = {
    id: crypto.randomUUID(),
    accountId: original.accountId,
    kind: 'reversal',
    category: original.category,
    amountFen: -original.amountFen,
    effectiveOn: today,
    dueOn: today,
    method: original.method,
    reference: original.reference,
    reason: why,
    approvedBy: user.id,
    reverses: original.id,
    billId: original.billId,
    createdBy: user.id,
    createdAt: at,
    updatedAt: at,
  };
  await writeWithOutbox([ledgerTable()], async (ctx) => {
    await ledgerTable().add(row);
    await ctx.enqueue({ name: 'ledger.reverse', args: { id: row.id, entryId: original.id, reason: why } });
  });
  return row;
}
