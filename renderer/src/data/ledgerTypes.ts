import type { Table } from 'dexie';
import { db } from './db';
import type { CallDispute, LedgerEntry, MonthlyBill } from '../../../shared';

/**
 * One ledger entry on this device: the server's entry as pulled (entity 'ledgerEntry', same fields
 * as shared/billing LedgerEntry, with the server's `version`), or an entry made here and not yet
 * confirmed (no `version`). The server keeps a payment's id as its entry id, so the pulled entry
 * replaces the pending one (a refused one is reconciled away).
 */
export interface StoredLedgerEntry extends LedgerEntry {
  version?: number;
  /** Receipt number printed for a payment recorded on this device. */
  receiptNo?: string | null;
  updatedAt?: string;
}

/** A monthly bill as the server's billing run published it (entity 'bill'). */
export interface StoredBill extends Omit<MonthlyBill, 'lines'> {
  id: string;
  accountId: string;
  billNo?: string;
  lines: MonthlyBill['lines'];
  issuedOn?: string;
  dueOn?: string;
  version?: number;
}

export type BillingActionKind = 'suspend' | 'resume' | 'terminate' | 'reclaim';

/** An action of the collections job (or a person), and its reversal by a manager. */
export interface StoredBillingAction {
  id: string;
  accountId: string;
  action: BillingActionKind;
  onDate: string;
  reason: string;
  automatic: boolean;
  reversedAt: string | null;
  reversedBy: string | null;
  reversalReason: string | null;
  /** what the action changed (previous state, number), as the server logged it */
  details?: Record<string, unknown>;
  version?: number;
}

/** A call-record dispute as this device holds it (entity 'callDispute', with the server's `version`). */
export interface StoredDispute extends CallDispute {
  version?: number;
}

export function ledgerTable(): Table<StoredLedgerEntry, string> {
  return db().table('ledger');
}

export function billsTable(): Table<StoredBill, string> {
  return db().table('bills');
}

export function billingActionsTable(): Table<StoredBillingAction, string> {
  return db().table('billingActions');
}

export function disputesTable(): Table<StoredDispute, string> {
  return db().table('disputes');
}
