import type { Table } from 'dexie';
import { db } from './db';
import type { AccountEventRow, EntityMeta } from './rows';
import type { Acceptance } from './applicationsTypes';
import type { StoredRequirement } from './applicationsValidation';
import type { ServiceAccountState, TerminationGround } from '../../../shared';

/** Why an account was terminated: the contract grounds of shared, plus the customer's own request. */
export type AccountTerminationGround = TerminationGround | 'customer_request';

/** A customer's running service on one 400 number (service account). */
export interface StoredAccount extends EntityMeta {
  /** 账户号 shown to people, e.g. ZH4008123456-01. */
  no: string;
  status: ServiceAccountState;
  /** Office date the current status began (the 30 days after suspension count from it). */
  stateSince: string;
  /** Why the account is in its current status (suspension reason, termination reason …). */
  statusReason: string;
  terminationGround: AccountTerminationGround | null;
  customerId: string;
  numberDigits: string;
  packageId: string | null;
  features: string[];
  /** The requirement form in force: the opening one, replaced by each activated change form. */
  requirement: StoredRequirement;
  /** The 受理单 that opened it. Later change forms point here through their own accountId. */
  applicationId: string;
  completionReceivedOn: string | null;
  /** 实际开通日 (4008 contract 4.4): billing starts from it. */
  openedOn: string | null;
  acceptance: Acceptance | null;
  /** Last day of the service term: opening date + the requirement's term months − 1 day. */
  termEndsOn: string | null;
  contractAmountFen: number;
  monthlyMinimumFen: number;
  createdBy: string;
}

/** An account event with the extra text the lifecycle records (ground, old/new customer). */
export interface StoredAccountEvent extends AccountEventRow {
  event: string;
  userName: string;
}

export function accountsTable(): Table<StoredAccount, string> {
  return db().accounts as unknown as Table<StoredAccount, string>;
}

export function accountEventsTable(): Table<StoredAccountEvent, string> {
  return db().accountEvents as unknown as Table<StoredAccountEvent, string>;
}
