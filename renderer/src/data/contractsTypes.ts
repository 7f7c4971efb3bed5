import type { Table } from 'dexie';
import type { ContractTemplateId, SignedContractSnapshot } from '../../../shared';
import { db } from './db';
import type { AttachmentMime, EntityMeta } from './rows';

/**
 * The stored contract (issue 5): one printed document of one template for one approved 受理单.
 *
 *   draft ──print/PDF/Word──▶ printed ──sign──▶ signed
 *     └──────────┴──────────────void (reason)────────┘
 *
 * A draft keeps the template input built from the records (`input`); leaving the app in any form
 * (printed, PDF, Word, batch zip) freezes it into `snapshot` (template id + version + data +
 * number), from which every later copy is built, so a reprint carries the same words.
 */

export const CONTRACT_STATUSES = ['draft', 'printed', 'signed', 'void'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The scanned signed copy: bytes in `blobs` by SHA-256, uploaded after the record (DESIGN.md §3). */
export interface SignedCopyRef {
  sha256: string;
  fileName: string;
  mime: AttachmentMime;
  size: number;
}

export type ContractEvent = 'create' | 'refresh' | 'print' | 'reprint' | 'sign' | 'void' | 'confirmNumber';

export interface ContractStep {
  at: string;
  userId: string;
  userName: string;
  event: ContractEvent;
  from: ContractStatus | null;
  to: ContractStatus;
  note: string;
}

export interface ContractRow extends EntityMeta {
  /** 合同编号: provisional (ZZQF-2026-P1A2B3C4D-0001) until the server confirms a draft's final one. */
  number: string;
  provisional: boolean;
  templateId: ContractTemplateId;
  status: ContractStatus;
  applicationId: string;
  applicationNo: string;
  customerId: string;
  /** Copied for the register's search; the printed name is in the input / snapshot. */
  customerName: string;
  hotlineDigits: string | null;
  /** The template input as built from the records, without `contractNumber` (added from `number`). */
  input: Record<string, unknown>;
  /** Frozen when the contract first leaves the app; never changed afterwards. */
  snapshot: SignedContractSnapshot | null;
  printedAt: string | null;
  printedBy: string | null;
  /** How many times a copy was printed or saved (reprints included). */
  printCount: number;
  /** Office date (YYYY-MM-DD) written on the signed contract. */
  signedOn: string | null;
  /** The customer's signatory as written on the contract. */
  signer: string | null;
  signedBy: string | null;
  signedAt: string | null;
  signedCopy: SignedCopyRef | null;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
  steps: ContractStep[];
  createdBy: string;
  updatedBy: string;
}

export function contractsTable(): Table<ContractRow, string> {
  return db().table<ContractRow, string>('contracts');
}

/**
 * The part of a stored 受理单 contracts read. Read straight from the applications table (not
 * through the applications repository) so this area depends only on the row shape.
 */
export interface ApplicationForContract extends EntityMeta {
  no: string;
  kind: 'new' | 'change';
  status: string;
  customerId: string;
  numberDigits: string | null;
  packageId: string | null;
  features?: string[];
  requirement?: {
    usageScope?: string;
    destinationNumbers?: string[];
    callCentreLocation?: string;
    business?: string;
    technicalRequirements?: string;
    requestedOpeningDate?: string;
    termMonths?: number;
    contactName?: string;
    contactPhone?: string;
  };
  contractSignedOn?: string | null;
  completionReceivedOn?: string | null;
  openedOn?: string | null;
  createdBy?: string;
}

/** Application statuses from which a contract may be made: approved and every later step. */
export const CONTRACTABLE_APPLICATION_STATUSES = ['approved', 'contract_signed', 'sent_to_carrier', 'completion_received', 'active'] as const;

export function applicationsForContracts(): Table<ApplicationForContract, string> {
  return db().table<ApplicationForContract, string>('applications');
}
