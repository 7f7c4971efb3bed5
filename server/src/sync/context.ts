import type { Queryable } from '../db/index';
import { rejection, type Rejection, type RejectionCode, type UserRole } from '../../../shared/sync/index';
import type { OfficeWriter } from './changes';

/** Who is calling: from a verified access token. */
export interface AuthInfo {
  userId: string;
  role: UserRole;
  officeIds: string[];
}

/** Thrown by a mutation handler: a permanent, stored refusal. */
export class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.messageEn);
  }
}

export function reject(code: RejectionCode, detail?: { zh?: string; en?: string; field?: string }): never {
  throw new Rejected(rejection(code, detail));
}

export interface MutationContext {
  tx: Queryable;
  auth: AuthInfo;
  officeId: string;
  clientId: string;
  mutationId: string;
  baseVersion: number;
  writer: OfficeWriter;
  /** the database clock (the one clock every server process shares), ISO */
  now(): Promise<string>;
}

export interface HandlerOutcome {
  result?: unknown;
  conflicts?: string[];
}
