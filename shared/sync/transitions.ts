import type { SyncEntity } from './entities';

/**
 * State machines the server enforces for `record.transition` (the `status` field).
 * The server re-executes the transition against ITS current state: an offline client that
 * saw an older state gets a clear rejection instead of overwriting a newer decision.
 * Signing a contract has its own command (`contract.sign`, from draft, approved or printed), so
 * `signed` is not reachable here.
 */
export const RECORD_TRANSITIONS: Partial<Record<SyncEntity, Record<string, readonly string[]>>> = {
  application: {
    draft: ['submitted', 'cancelled'],
    submitted: ['approved', 'rejected', 'cancelled'],
    approved: ['completed', 'cancelled'],
    rejected: ['draft', 'cancelled'],
  },
  // Printing fixes the text (定稿); voiding (作废, managers only — server) ends a contract in any
  // state but void, as the renderer's contracts repository does (renderer/src/data/contracts.ts).
  contract: {
    draft: ['approved', 'cancelled', 'printed', 'void'],
    approved: ['draft', 'cancelled', 'printed', 'void'],
    printed: ['void'],
    signed: ['terminated', 'void'],
  },
  customer: {
    active: ['suspended'],
    suspended: ['active', 'closed'],
  },
};

/** The state a record has before anyone set one. */
export const RECORD_INITIAL_STATE: Partial<Record<SyncEntity, string>> = {
  application: 'draft',
  contract: 'draft',
  customer: 'active',
};

export function recordCanTransition(entity: SyncEntity, from: string, to: string): boolean {
  return RECORD_TRANSITIONS[entity]?.[from]?.includes(to) ?? false;
}
