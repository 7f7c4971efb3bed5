import { z } from 'zod';

/**
 * Every entity type that travels through the generic change log.
 * Business entities come from shared/domain; `conflict` and `lease` are produced by the
 * server (a conflict a person resolves, a block of numbers a field agent holds).
 * `hotlineNumber` records are the server's mirror of its number pool: clients read them,
 * but change them only through number commands.
 */
export const SYNC_ENTITIES = [
  'customer',
  'hotlineNumber',
  'package',
  'application',
  'account',
  'contract',
  'payment',
  'callRecord',
  'user',
  'conflict',
  'lease',
  // A customer's change history, written by the server from the edits it applies (server/src/sync/history.ts).
  'customerHistory',
  // The office's own data (issue 6), changed only by commands: ids 'settings' (what the office changed of
  // OfficeSettings), 'profile' (the office profile printed on contracts), 'gradeRules' (the vanity-grade table).
  'office',
  // Billing results (issue 7), written only by the server: the account ledger and monthly bills.
  'ledgerEntry',
  'bill',
  // The collections job's action log, call-record disputes and the office's billing settings (one record, id 'office').
  'billingAction',
  'callDispute',
  'billingSettings',
] as const;

export const SyncEntitySchema = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof SyncEntitySchema>;

/** Record ids are client-generated UUIDs, except hotline numbers (the 10 digits). */
export const RecordIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'id: letters, digits, "-" and "_" only');

/** The descriptive data of a record: a flat-ish JSON object. Server-owned keys are stripped. */
export const RecordDataSchema = z.record(z.string().max(64), z.unknown());
export type RecordData = z.infer<typeof RecordDataSchema>;

/** Keys that belong to the envelope, never to the data a client may set. */
export const SERVER_OWNED_KEYS = ['id', 'officeId', 'version', 'deleted', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const;

/**
 * Fields a client may not set through `record.create` / `record.update`: the server computes
 * them (a balance) or they change only through a command (a state, a signature).
 */
export const PROTECTED_FIELDS: Partial<Record<SyncEntity, readonly string[]>> = {
  account: ['balanceFen'],
  // steps: the form's step history, appended by the server to each create/edit/step it applies
  application: ['status', 'steps'],
  contract: ['status', 'signedAt', 'signedBy'],
  customer: ['status'],
};
