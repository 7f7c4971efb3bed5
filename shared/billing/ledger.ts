import { z } from 'zod';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/schemas/payment';
import { addDays } from '../domain/calendar/isoDate';

/**
 * The kinds of entry of an account's append-only ledger. Sign: amountFen > 0 is money in the
 * customer's favour (a credit: prepayment, renewal, a credit adjustment, the reversal of a
 * charge), amountFen < 0 a charge. The balance is the plain sum; it is never stored on its own.
 */
export const LEDGER_KINDS = [
  'prepayment',
  'renewal',
  'monthly_charge',
  'feature_fee',
  'late_fee',
  'adjustment',
  'refund',
  'reversal',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_KIND_LABELS: Readonly<Record<LedgerKind, string>> = {
  prepayment: '预存话费',
  renewal: '续费',
  monthly_charge: '月度话费',
  feature_fee: '功能使用费',
  late_fee: '违约金',
  adjustment: '调账',
  refund: '销户退款',
  reversal: '冲正',
};

/** Payments arrive by the methods of 4008 contract 5.1. */
export const LEDGER_PAYMENT_KINDS = ['prepayment', 'renewal'] as const;
export type LedgerPaymentKind = (typeof LEDGER_PAYMENT_KINDS)[number];


/** 'late_fee' entries (and their reversals) never accrue late fees themselves; everything else is principal. */
export type LedgerCategory = 'principal' | 'late_fee';

export interface LedgerEntry {
  id: string;
  accountId: string;
  kind: LedgerKind;
  category: LedgerCategory;
  amountFen: number;
  /** Office date the entry takes effect (payment received, month billed). */
  effectiveOn: string;
  /** Office date by which a charge must be paid; from the next day it is overdue. Credits: effectiveOn. */
  dueOn: string;
  method: PaymentMethod | null;
  reference: string | null;
  reason: string | null;
  approvedBy: string | null;
  /** The entry this one reverses (reversal only). */
  reverses: string | null;
  billId: string | null;
  createdBy: string | null;
  createdAt: string;
}

export const ledgerEntrySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(LEDGER_KINDS),
  category: z.enum(['principal', 'late_fee']),
  amountFen: z.number().int(),
  effectiveOn: z.string(),
  dueOn: z.string(),
  method: z.enum(PAYMENT_METHODS).nullable(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  reverses: z.string().nullable(),
  billId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

type Money = Pick<LedgerEntry, 'amountFen' | 'category' | 'effectiveOn' | 'dueOn'>;

/** The balance: the sum of every entry (positive = prepaid credit left, negative = owed). */
export function ledgerBalance(entries: readonly Pick<LedgerEntry, 'amountFen' | 'effectiveOn'>[], asOf?: string): number {
  let sum = 0;
  for (const e of entries) if (!asOf || e.effectiveOn <= asOf) sum += e.amountFen;
  return sum;
}

/**
 * The overdue principal on `day`: the principal charges whose due date is before `day`, less every
 * principal credit received up to and including `day` (payments settle principal first; late fees
 * never accrue late fees). Never negative.
 */
export function overdueOn(entries: readonly Money[], day: string): number {
  let due = 0;
  let paid = 0;
  for (const e of entries) {
    if (e.category !== 'principal') continue;
    if (e.amountFen < 0) {
      if (e.dueOn < day) due -= e.amountFen;
    } else if (e.effectiveOn <= day) {
      paid += e.amountFen;
    }
  }
  return Math.max(0, due - paid);
}

/** The overdue amount of every day from `from` to `to` inclusive on which there is one. */
export function dailyOverdue(entries: readonly Money[], from: string, to: string): { day: string; overdueFen: number }[] {
  const out: { day: string; overdueFen: number }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const o = overdueOn(entries, d);
    if (o > 0) out.push({ day: d, overdueFen: o });
  }
  return out;
}
