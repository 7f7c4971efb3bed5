import type { AttachmentKind, Customer, Role } from '../../../shared';

/**
 * The shapes of the rows the local store keeps. Entities that sync carry `id`, `version`
 * (bumped by every local write; the base of a field-merge edit, DESIGN.md §3) and UTC ISO times.
 *
 * Each area's repository owns its row type here; extend yours with more fields freely
 * (a new *indexed* field needs a new schema version in db.ts, a plain field does not).
 */

/** Local user profile roles (issue 4 item 6), from the domain core. */
export type { Role };

/** Fields every synced entity has. */
export interface EntityMeta {
  id: string;
  /** 1 on create, +1 on every local write. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** A tombstone: deleted rows stay so the deletion can travel. */
  deletedAt?: string | null;
}

export interface UserRow extends EntityMeta {
  name: string;
  role: Role;
  active: boolean;
}

/**
 * A customer: the domain core's `Customer` (shared/domain/schemas/customer.ts, the shape the
 * server stores) plus local bookkeeping. Validated with `customerDraftSchema` before every write.
 */
export interface CustomerRow extends EntityMeta, Omit<Customer, 'id' | 'officeId' | 'createdAt' | 'updatedAt'> {
  /** Who let a USCC with a wrong check character through, and when (the reason is `usccOverrideReason`). */
  usccOverrideBy: string | null;
  usccOverrideAt: string | null;
  /** Multi-entry index for "contains" search on the company name (see customersSearch.ts). */
  searchTokens: string[];
  createdBy: string;
  updatedBy: string;
}

export interface CustomerHistoryRow {
  id: string;
  customerId: string;
  at: string;
  userId: string;
  userName: string;
  /** A CustomerRow field name, or 'attachment' / 'usccOverrideReason' / 'created'. */
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export type { AttachmentKind };
export type AttachmentMime = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface AttachmentRow extends EntityMeta {
  customerId: string;
  kind: AttachmentKind;
  fileName: string;
  mime: AttachmentMime;
  size: number;
  /** Lower-case hex SHA-256 of the bytes; the key of the blob in `blobs`. */
  sha256: string;
  createdBy: string;
}

/** File content, addressed by its hash: uploaded after the record, resumably (DESIGN.md §3). */
export interface BlobRow {
  sha256: string;
  blob: Blob;
  size: number;
  mime: AttachmentMime;
  /** 0 until the server has it (IndexedDB cannot index booleans). */
  uploaded: 0 | 1;
}

export type NumberStatus = 'available' | 'reserved' | 'active' | 'suspended' | 'frozen' | 'reclaimed' | 'cooling';

export interface NumberRow {
  /** The 10 digits, e.g. '4008123456': the primary key (a number exists once). */
  digits: string;
  /** The first four digits: '4000' … '4009'. */
  segment: string;
  carrier: 'unicom' | 'mobile' | 'telecom';
  status: NumberStatus;
  /** Grade id from gradeRules, or null for an ordinary number. */
  grade: string | null;
  /** Every pattern that holds (numberPatterns), e.g. ['AAAA', 'no4']: a multi-entry index. */
  patterns: string[];
  /** The last four digits, for tail searches. */
  tail: string;
  priceFen: number;
  /** The customer it is reserved for or assigned to. */
  customerId: string | null;
  /** UTC ISO end of a reservation hold, else null. */
  reservedUntil: string | null;
  /** A field agent's offline lease holder (user id), else null. */
  holderId: string | null;
  /** UTC ISO end of the cooling period, else null. */
  coolingUntil: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NumberEventRow {
  id: string;
  digits: string;
  at: string;
  userId: string;
  from: NumberStatus | null;
  to: NumberStatus;
  reason: string;
  customerId?: string | null;
}

export interface GradeRuleRow extends EntityMeta {
  /** First matching rule wins, in ascending order. */
  order: number;
  name: string;
  /** A numberPatterns() pattern, e.g. 'AAAA'. */
  pattern: string;
  priceFen: number;
  requiredPackageId: string | null;
  monthlyMinimumFen: number;
}

export interface PackageRow extends EntityMeta {
  name: string;
  status: 'active' | 'retired';
  prepaidFen: number;
  termMonths: number;
  includedMinutes: number;
  monthlyMinimumFen: number;
  [field: string]: unknown;
}

export interface ApplicationRow extends EntityMeta {
  status: string;
  customerId: string;
  numberDigits: string | null;
  packageId: string | null;
  /** Set once the service is active; later requirement forms of that account point to it too. */
  accountId: string | null;
  [field: string]: unknown;
}

export interface AccountRow extends EntityMeta {
  status: string;
  customerId: string;
  numberDigits: string;
  [field: string]: unknown;
}

export interface AccountEventRow {
  id: string;
  accountId: string;
  at: string;
  userId: string;
  from: string | null;
  to: string;
  reason: string;
}

/** One queued mutation (DESIGN.md §3): written in the same transaction as the change it records. */
export interface OutboxRow {
  /** Auto-increment: never reused, even after sent rows are deleted. */
  seq?: number;
  clientId: string;
  mutationId: string;
  name: string;
  args: unknown;
  /** For field-merge edits: the entity version the edit was made against. */
  baseVersion?: number;
  createdAt: string;
  status: 'pending' | 'sent' | 'rejected';
  /** Filled when the server refuses it for good, so the user can be told. */
  rejection?: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}
