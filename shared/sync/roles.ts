import { z } from 'zod';
import type { SyncEntity } from './entities';

export const USER_ROLES = ['admin', 'manager', 'clerk', 'field_agent'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

const ALL_BUSINESS: readonly SyncEntity[] = [
  'customer', 'hotlineNumber', 'package', 'application', 'account', 'contract', 'payment', 'callRecord', 'user', 'conflict', 'lease', 'customerHistory', 'office',
  'ledgerEntry', 'bill', 'billingAction', 'callDispute', 'billingSettings',
];

/**
 * What each role may READ (pull, snapshot, single-record reads, attachments follow the office).
 * A field agent carries a laptop out of the office: it gets what selling needs (customers,
 * numbers, packages, applications, contracts, its leases and conflicts) but not the office's
 * money (accounts, payments), call-detail records or the user list.
 */
export const ROLE_READABLE: Record<UserRole, readonly SyncEntity[]> = {
  admin: ALL_BUSINESS,
  manager: ALL_BUSINESS,
  clerk: ALL_BUSINESS,
  field_agent: ['customer', 'customerHistory', 'hotlineNumber', 'package', 'application', 'contract', 'conflict', 'lease', 'office'],
};

/**
 * Which entities a role may create/update through the generic edit mutations.
 * Numbers, payments, leases, conflicts and users change only through commands.
 */
export const ROLE_EDITABLE: Record<UserRole, readonly SyncEntity[]> = {
  admin: ['customer', 'package', 'application', 'account', 'contract', 'callRecord'],
  manager: ['customer', 'package', 'application', 'account', 'contract', 'callRecord'],
  clerk: ['customer', 'application', 'account', 'contract'],
  field_agent: ['customer', 'application'],
};

/** Deleting (a tombstone) is kept to the people who answer for the office's data. */
export const ROLE_DELETABLE: Record<UserRole, readonly SyncEntity[]> = {
  admin: ['customer', 'package', 'application', 'account', 'contract', 'callRecord'],
  manager: ['customer', 'package', 'application', 'account', 'contract', 'callRecord'],
  clerk: [],
  field_agent: [],
};

export function roleCanRead(role: UserRole, entity: SyncEntity): boolean {
  return ROLE_READABLE[role].includes(entity);
}
export function roleCanEdit(role: UserRole, entity: SyncEntity): boolean {
  return ROLE_EDITABLE[role].includes(entity);
}
export function roleCanDelete(role: UserRole, entity: SyncEntity): boolean {
  return ROLE_DELETABLE[role].includes(entity);
}
