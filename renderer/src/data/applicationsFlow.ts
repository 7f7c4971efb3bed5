import {
  APPLICATION_FLOW,
  APPLICATION_FLOW_LABELS,
  SYNC_APPLICATION_EVENTS,
  SYNC_APPLICATION_STATUSES,
  applicationEventLabel,
  applicationFlowEventsFrom,
  flowIndex,
  syncApplicationStep,
  type Action,
  type ApplicationFlowContext,
  type SyncApplicationEvent,
  type SyncApplicationStatus,
  type Transition,
} from '../../../shared';

/**
 * The office's application (受理单 / 业务需求单) flow. The table itself lives ONCE in
 * shared/sync/applicationFlow.ts, where the server re-runs it for `application.step`; this module
 * gives the renderer its names for it and adds what only the renderer needs: which permission
 * (shared/domain/roles/permissions.ts) each button asks for.
 */
export { APPLICATION_FLOW, APPLICATION_FLOW_LABELS, applicationEventLabel, applicationFlowEventsFrom, flowIndex };
export type { ApplicationFlowContext };

export const APPLICATION_FLOW_STATUSES = SYNC_APPLICATION_STATUSES;
export type ApplicationFlowStatus = SyncApplicationStatus;
export const APPLICATION_FLOW_EVENTS = SYNC_APPLICATION_EVENTS;
export type ApplicationFlowEvent = SyncApplicationEvent;

/** One step of the flow; an illegal one is refused with a zh-CN reason naming both states. Pure. */
export function transitionApplicationFlow(
  from: ApplicationFlowStatus,
  event: ApplicationFlowEvent,
  ctx: ApplicationFlowContext = {},
): Transition<ApplicationFlowStatus> {
  return syncApplicationStep(from, event, ctx.reason);
}

/**
 * Who may take each step. Approving, and refusing at the approval step, is a manager's decision;
 * signing the contract too (permissions.ts: contract.sign). A rejection at a later step records
 * what the customer or the carrier decided, so the clerk handling the form may enter it.
 */
export function applicationEventPermission(event: ApplicationFlowEvent, from: ApplicationFlowStatus): Action {
  switch (event) {
    case 'submit':
      return 'application.submit';
    case 'approve':
      return 'application.approve';
    case 'reject':
      return from === 'submitted' ? 'application.approve' : 'application.submit';
    case 'signContract':
      return 'contract.sign';
    case 'sendToCarrier':
    case 'receiveCompletion':
      return 'application.submit';
    case 'activate':
      return 'number.assign';
    case 'revise':
    case 'cancel':
      return 'application.create';
  }
}
