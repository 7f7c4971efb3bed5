import type { Table } from 'dexie';
import { db } from './db';
import type { EntityMeta } from './rows';
import type { ApplicationFlowEvent, ApplicationFlowStatus } from './applicationsFlow';
import type { StoredRequirement } from './applicationsValidation';

/** One step of a form's history: who, when, what, and why. */
export interface ApplicationStep {
  at: string;
  userId: string;
  userName: string;
  event: ApplicationFlowEvent | 'create' | 'edit';
  from: ApplicationFlowStatus | null;
  to: ApplicationFlowStatus;
  note: string;
}

/** How the completion form was accepted (4008 contract 4.3). */
export type Acceptance = 'signed' | 'deemed';

/**
 * A stored 受理单 (kind 'new': opens a service) or 业务需求单 for a change to an active service
 * (kind 'change', 4008 contract 2.2: kept with the account through `accountId`).
 */
export interface StoredApplication extends EntityMeta {
  /** 受理单号 shown to people, e.g. SL20261122-3F9A2C. */
  no: string;
  kind: 'new' | 'change';
  status: ApplicationFlowStatus;
  customerId: string;
  numberDigits: string | null;
  packageId: string | null;
  features: string[];
  requirement: StoredRequirement;
  accountId: string | null;
  /** Status the form was rejected at, and why (also in `steps`). */
  rejectedAt: ApplicationFlowStatus | null;
  rejectionReason: string | null;
  contractSignedOn: string | null;
  sentToCarrierOn: string | null;
  /** 竣工单 received (office date); the 5 working days of 4008 contract 4.3 count from it. */
  completionReceivedOn: string | null;
  /** The opening date printed on the completion form: the actual opening date (4008 contract 4.4). */
  openedOn: string | null;
  /** Last day the customer may sign or object; accepted from the next day on. */
  deemedAcceptanceOn: string | null;
  acceptance: Acceptance | null;
  steps: ApplicationStep[];
  createdBy: string;
  updatedBy: string;
}

export function applicationsTable(): Table<StoredApplication, string> {
  return db().applications as unknown as Table<StoredApplication, string>;
}
