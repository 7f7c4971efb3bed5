import { z } from 'zod';
import { RecordDataSchema, RecordIdSchema, SyncEntitySchema } from './entities';
import type { UserRole } from './roles';
import { SYNC_APPLICATION_EVENTS } from './applicationFlow';
import { billingSettingsCommandPatchSchema } from '../billing/settings';

/** A 400/4008/4009 hotline number: 10 digits, stored without dashes. */
export const HotlineNumberSchema = z.string().regex(/^400\d{7}$/, '号码须为400开头的10位数字');

/** Why an account changes state: required, as in the renderer's forms. */
const LifecycleReasonSchema = z.string().trim().min(1, '原因：必填').max(500);

/**
 * Number lifecycle steps a device takes with an account (suspend…) or by its sweeper (endCooling);
 * reserve/release/activate travel as number.reserve / number.release / number.allocate.
 */
export const NUMBER_STEP_EVENTS = ['suspend', 'resume', 'freeze', 'unfreeze', 'reclaim', 'startCooling', 'endCooling'] as const;

/** 4008 contract 5.1. 'phone_bill' is the older spelling of 'phone_bill_collection', still accepted. */
export const SYNC_PAYMENT_METHODS = ['bank_transfer', 'bank_collection', 'cash', 'phone_bill_collection', 'phone_bill'] as const;

/**
 * The mutation catalogue. `edit` mutations change descriptive fields and merge per field
 * against the mutation's `baseVersion`; `command` mutations are re-executed by the server
 * against its own state and the server's result wins (the client applies it on pull).
 */
export const MUTATION_ARGS = {
  // ---- edits ----
  'record.create': z.object({ entity: SyncEntitySchema, id: RecordIdSchema, data: RecordDataSchema }),
  'record.update': z.object({ entity: SyncEntitySchema, id: RecordIdSchema, fields: RecordDataSchema }),
  'record.delete': z.object({ entity: SyncEntitySchema, id: RecordIdSchema }),
  'conflict.resolve': z.object({
    conflictId: RecordIdSchema,
    /** keep the server's value, take the client's value, or a value a person typed */
    choose: z.enum(['server', 'client', 'custom']),
    value: z.unknown().optional(),
  }),
  // ---- commands ----
  'record.transition': z.object({ entity: SyncEntitySchema, id: RecordIdSchema, to: z.string().min(1).max(32) }),
  'number.reserve': z.object({ number: HotlineNumberSchema, customerId: RecordIdSchema, applicationId: RecordIdSchema.optional() }),
  'number.allocate': z.object({
    /** omitted: the server picks the lowest free number (from `leaseId` if given) */
    number: HotlineNumberSchema.optional(),
    customerId: RecordIdSchema,
    applicationId: RecordIdSchema.optional(),
    leaseId: RecordIdSchema.optional(),
  }),
  'number.release': z.object({ number: HotlineNumberSchema }),
  'lease.take': z.object({
    leaseId: RecordIdSchema,
    count: z.number().int().min(1).max(200),
    /** only numbers starting with these digits, e.g. "4008" */
    prefix: z.string().regex(/^\d{1,10}$/).optional(),
    hours: z.number().int().min(1).max(24 * 14).default(72),
  }),
  'lease.return': z.object({ leaseId: RecordIdSchema }),
  'payment.record': z.object({
    id: RecordIdSchema,
    accountId: RecordIdSchema,
    amountFen: z.number().int().positive().max(100_000_000_00),
    method: z.enum(SYNC_PAYMENT_METHODS),
    reference: z.string().max(100).optional(),
    note: z.string().max(500).optional(),
    /** a prepayment (default) or a renewal (checked against the first renewal's amount, 400 agreement 第四条(二)8) */
    kind: z.enum(['prepayment', 'renewal']).optional(),
  }),
  'contract.sign': z.object({ contractId: RecordIdSchema, signer: z.string().max(100).optional() }),
  // Service-account lifecycle: the server re-runs transitionServiceAccount against ITS state.
  'account.suspend': z.object({ id: RecordIdSchema, reason: LifecycleReasonSchema }),
  'account.resume': z.object({ id: RecordIdSchema, reason: LifecycleReasonSchema }),
  'account.terminate': z.object({
    id: RecordIdSchema,
    reason: LifecycleReasonSchema,
    /** omitted: unpaid_after_suspension from suspended, overdue from active (the state machine's default) */
    ground: z.enum(['unpaid_after_suspension', 'overdue', 'violation']).optional(),
    overdueDays: z.number().int().min(0).max(100_000).optional(),
  }),
  'account.close': z.object({ id: RecordIdSchema, reason: LifecycleReasonSchema }),
  'account.transfer': z.object({ id: RecordIdSchema, toCustomerId: RecordIdSchema, reason: LifecycleReasonSchema }),
  /** A manager adds numbers to the office's pool (file import or a 号段): all of them or none. */
  'numbers.add': z.object({
    /** as typed (400-812-3456 or 4008123456); the server parses each with parseHotline */
    numbers: z.array(z.string().max(20)).min(1).max(50_000),
    /** the file name or the range, for the record */
    source: z.string().max(200).optional(),
  }),
  /** One step of the application flow (applicationFlow.ts), re-checked against the server's status. */
  'application.step': z.object({
    id: RecordIdSchema,
    event: z.enum(SYNC_APPLICATION_EVENTS),
    /** reject / cancel: required by the flow */
    reason: z.string().max(500).optional(),
    /** only APPLICATION_STEP_FIELDS are kept (dates written on the form, the acceptance) */
    changes: RecordDataSchema.optional(),
  }),
  /** The account of a new-service form being activated; customer, number and package come from the server's form. */
  'account.open': z.object({ id: RecordIdSchema, applicationId: RecordIdSchema, data: RecordDataSchema.optional() }),
  /** A change form takes effect: the account gets the form's package, features and requirement. */
  'account.applyChange': z.object({ id: RecordIdSchema, applicationId: RecordIdSchema }),
  // ---- the number lifecycle and the office's own data (issue 6) ----
  /** One step of the shared number state machine, re-run on the server's state of the number with the office's settings. */
  'number.step': z.object({ number: HotlineNumberSchema, event: z.enum(NUMBER_STEP_EVENTS), reason: z.string().max(500).optional() }),
  /** A submitted new-service form holds its reserved number: the hold no longer runs out (refused if another customer has it). */
  'number.holdForApplication': z.object({
    number: HotlineNumberSchema,
    customerId: RecordIdSchema,
    applicationId: RecordIdSchema.optional(),
    applicationNo: z.string().max(64).optional(),
  }),
  /** The office's whole vanity-grade table, first match wins; each rule is checked with gradeRuleDraftSchema (managers). */
  'gradeRules.replace': z.object({ rules: z.array(RecordDataSchema).min(1).max(200) }),
  /** The office profile (whole) and/or changed office settings, checked with the renderer's schemas (managers). */
  'office.update': z
    .object({ profile: RecordDataSchema.optional(), settings: RecordDataSchema.optional() })
    .refine((a) => a.profile !== undefined || a.settings !== undefined, { message: 'profile 或 settings：至少一项', path: ['profile'] }),
  // ---- billing (docs/billing.md): re-executed against the server's ledger, its entry ids are the client's ----
  /** 调账 by a manager (the approver): credit > 0, charge < 0; `id` becomes the ledger entry's id. */
  'ledger.adjust': z.object({
    id: RecordIdSchema,
    accountId: RecordIdSchema,
    amountFen: z.number().int().refine((n) => n !== 0, '调账金额：不能为零').refine((n) => Math.abs(n) <= 100_000_000_00, '调账金额：超出上限'),
    reason: z.string().trim().min(1, '调账原因：必填').max(500),
  }),
  /** 冲正 of one ledger entry; `id` becomes the reversal entry's id. */
  'ledger.reverse': z.object({ id: RecordIdSchema, entryId: RecordIdSchema, reason: z.string().trim().min(1, '冲正原因：必填').max(500) }),
  /** A manager undoes an automatic action of the collections job (suspension, termination, resumption). */
  'billingAction.reverse': z.object({ actionId: z.uuid(), reason: z.string().trim().min(1, '撤销原因：必填').max(500) }),
  /** The office's billing settings, changed keys only. */
  'billingSettings.update': z.object({ patch: billingSettingsCommandPatchSchema }),
  /** A call record disputed within three months (400 agreement 第四条(一)6); `id` becomes the dispute's id. */
  'dispute.raise': z.object({ id: z.uuid(), carrier: z.string().min(1).max(50), carrierRecordId: z.string().min(1).max(100), reason: z.string().trim().min(1, '异议原因：必填').max(500) }),
  /** A manager decides a dispute; upheld with an amount credits the account by an adjustment with id `adjustmentId`. */
  'dispute.resolve': z.object({
    id: z.uuid(),
    outcome: z.enum(['upheld', 'rejected']),
    note: z.string().trim().min(1, '处理结果说明：必填').max(500),
    adjustmentFen: z.number().int().positive().max(100_000_000_00).optional(),
    adjustmentId: RecordIdSchema.optional(),
  }),
} as const;

export type MutationName = keyof typeof MUTATION_ARGS;
export const MUTATION_NAMES = Object.keys(MUTATION_ARGS) as MutationName[];
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATION_ARGS)[N]>;

export const MUTATION_KIND: Record<MutationName, 'edit' | 'command'> = {
  'record.create': 'edit',
  'record.update': 'edit',
  'record.delete': 'edit',
  'conflict.resolve': 'edit',
  'record.transition': 'command',
  'number.reserve': 'command',
  'number.allocate': 'command',
  'number.release': 'command',
  'lease.take': 'command',
  'lease.return': 'command',
  'payment.record': 'command',
  'contract.sign': 'command',
  'account.suspend': 'command',
  'account.resume': 'command',
  'account.terminate': 'command',
  'account.close': 'command',
  'account.transfer': 'command',
  'numbers.add': 'command',
  'application.step': 'command',
  'account.open': 'command',
  'account.applyChange': 'command',
  'number.step': 'command',
  'number.holdForApplication': 'command',
  'gradeRules.replace': 'command',
  'office.update': 'command',
  'ledger.adjust': 'command',
  'ledger.reverse': 'command',
  'billingAction.reverse': 'command',
  'billingSettings.update': 'command',
  'dispute.raise': 'command',
  'dispute.resolve': 'command',
};

const EVERYONE: readonly UserRole[] = ['admin', 'manager', 'clerk', 'field_agent'];
const OFFICE_STAFF: readonly UserRole[] = ['admin', 'manager', 'clerk'];
const MANAGERS: readonly UserRole[] = ['admin', 'manager'];

/**
 * Who may run each mutation at all. Edits are further limited per entity (roles.ts).
 * A field agent allocates only from a lease it holds (checked by the server).
 */
export const MUTATION_ROLES: Record<MutationName, readonly UserRole[]> = {
  'record.create': EVERYONE,
  'record.update': EVERYONE,
  'record.delete': MANAGERS,
  'conflict.resolve': EVERYONE,
  'record.transition': EVERYONE,
  'number.reserve': EVERYONE,
  'number.allocate': EVERYONE,
  'number.release': OFFICE_STAFF,
  'lease.take': ['admin', 'manager', 'field_agent'],
  'lease.return': ['admin', 'manager', 'field_agent'],
  'payment.record': OFFICE_STAFF,
  'contract.sign': MANAGERS,
  // shared/domain/roles/permissions.ts: suspend/resume/terminate/close/transfer are managers' acts
  'account.suspend': MANAGERS,
  'account.resume': MANAGERS,
  'account.terminate': MANAGERS,
  'account.close': MANAGERS,
  'account.transfer': MANAGERS,
  'numbers.add': MANAGERS, // permissions.ts: number.import
  'application.step': EVERYONE, // per step: applicationStepAllowed (approve/sign = managers)
  'account.open': EVERYONE, // part of activating a form (permissions.ts: number.assign)
  'account.applyChange': EVERYONE,
  'number.step': EVERYONE, // per event: suspend… account.suspend, reclaim/startCooling number.reclaim (managers); endCooling anyone's sweeper
  'number.holdForApplication': EVERYONE, // part of submitting a form (application.submit)
  'gradeRules.replace': MANAGERS, // permissions.ts: gradeRule.edit
  'office.update': MANAGERS, // permissions.ts: settings.edit
  // permissions.ts: payment.void (adjust, reverse), account.suspend (undo an automatic action), settings.edit
  'ledger.adjust': MANAGERS,
  'ledger.reverse': MANAGERS,
  'billingAction.reverse': MANAGERS,
  'billingSettings.update': MANAGERS,
  'dispute.raise': OFFICE_STAFF,
  'dispute.resolve': MANAGERS,
};

export function isMutationName(name: string): name is MutationName {
  return Object.prototype.hasOwnProperty.call(MUTATION_ARGS, name);
}

/** How long a reservation (预占) holds a number, and the default cooling period after release. */
export const NUMBER_RESERVATION_DAYS = 15;
export const NUMBER_COOLING_DAYS = 90;
/**
 * After a lease's expiry the numbers stay with the agent for this grace period, so a sale made
 * offline on the last day still syncs the next morning. Measured on the SERVER clock only.
 */
export const LEASE_GRACE_HOURS = 24;
