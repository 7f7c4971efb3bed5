import type { MutationArgs, MutationName } from '../../../shared/sync/index';
import type { HandlerOutcome, MutationContext } from './context';
import { conflictResolve, contractSign, recordCreate, recordDelete, recordTransition, recordUpdate } from './recordHandlers';
import { accountClose, accountResume, accountSuspend, accountTerminate, accountTransfer } from './accountHandlers';
import { numbersAdd } from './numbersAddHandler';
import { accountApplyChange, accountOpen, applicationStep } from './applicationHandlers';
import { paymentRecordCommand } from '../billing/payments';
import { billingActionReverse, billingSettingsUpdate, disputeRaise, disputeResolve, ledgerAdjust, ledgerReverse } from './billingHandlers';
import { leaseReturn, leaseTake, numberAllocate, numberRelease, numberReserve } from '../numbers/commands';
import { numberHoldForApplication, numberStep } from './numberLifecycleHandlers';
import { gradeRulesReplace, officeUpdate } from './officeHandlers';

type Handlers = { [N in MutationName]: (ctx: MutationContext, args: MutationArgs<N>) => Promise<HandlerOutcome> };

/** One handler per mutation name of the shared catalogue (the type makes a missing one a compile error). */
export const HANDLERS: Handlers = {
  'record.create': recordCreate,
  'record.update': recordUpdate,
  'record.delete': recordDelete,
  'conflict.resolve': conflictResolve,
  'record.transition': recordTransition,
  'contract.sign': contractSign,
  'payment.record': paymentRecordCommand, // the ledger's payment (server/src/billing)
  'number.allocate': numberAllocate,
  'number.reserve': numberReserve,
  'number.release': numberRelease,
  'lease.take': leaseTake,
  'lease.return': leaseReturn,
  'account.suspend': accountSuspend,
  'account.resume': accountResume,
  'account.terminate': accountTerminate,
  'account.close': accountClose,
  'account.transfer': accountTransfer,
  'numbers.add': numbersAdd,
  'application.step': applicationStep,
  'account.open': accountOpen,
  'account.applyChange': accountApplyChange,
  'number.step': numberStep,
  'number.holdForApplication': numberHoldForApplication,
  'gradeRules.replace': gradeRulesReplace,
  'office.update': officeUpdate,
  'ledger.adjust': ledgerAdjust,
  'ledger.reverse': ledgerReverse,
  'billingAction.reverse': billingActionReverse,
  'billingSettings.update': billingSettingsUpdate,
  'dispute.raise': disputeRaise,
  'dispute.resolve': disputeResolve,
};
