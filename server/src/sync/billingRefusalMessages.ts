import { CARRIER_LABELS, SERVICE_ACCOUNT_STATE_LABELS, formatMessage, type Carrier, type MessageCode, type MessageParams, type ServiceAccountState } from '../../../shared/domain/index';

/**
 * The catalog message (shared/domain/messages/catalogBilling.ts) of a billing refusal, so the
 * device shows a refused billing command in its own language instead of the server's hand-made
 * pair. billing/ledgerOps.ts throws BillingRefused with a code and text; the params come from the
 * command's arguments, or, for the few values only the refusal knows (a date, a state, a number),
 * from its zh-CN text. Refusals without a catalog twin keep the server's text.
 */
export interface RefusalMessage {
  code: MessageCode;
  params: MessageParams;
}

export type BillingCommand = 'ledger.adjust' | 'ledger.reverse' | 'billingAction.reverse' | 'dispute.raise' | 'dispute.resolve';

/** What the handler knows of the command: its name and the ids it named. */
export interface RefusalContext {
  command: BillingCommand;
  args: { id?: string; accountId?: string; entryId?: string; actionId?: string; carrier?: string; carrierRecordId?: string };
}

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string): string => (Object.hasOwn(labels, key) ? labels[key as K] : key);

export function billingRefusalMessage(refusal: { code: string; message: string }, c: RefusalContext): RefusalMessage | null {
  const a = c.args;
  const text = refusal.message;
  switch (refusal.code) {
    case 'ACCOUNT_NOT_FOUND':
      return a.accountId ? { code: 'billing.accountNotFound', params: { id: a.accountId } } : null;
    case 'ENTRY_NOT_FOUND':
      return a.entryId ? { code: 'billing.entryNotFound', params: { id: a.entryId } } : null;
    case 'ACTION_NOT_FOUND':
      return a.actionId ? { code: 'billing.actionNotFound', params: { id: a.actionId } } : null;
    case 'DISPUTE_NOT_FOUND':
      return a.id ? { code: 'billing.disputeNotFound', params: { id: a.id } } : null;
    case 'ALREADY_EXISTS':
      return a.id ? { code: 'billing.idTaken', params: { id: a.id } } : null;
    case 'CALL_NOT_FOUND':
      return a.carrierRecordId ? { code: 'billing.callNotFound', params: { id: a.carrierRecordId, carrier: label<Carrier>(CARRIER_LABELS, a.carrier ?? '') } } : null;
    case 'NOT_REVERSIBLE':
      return { code: c.command === 'billingAction.reverse' ? 'billing.actionReclaim' : 'billing.reverseReversal', params: {} };
    case 'ALREADY_REVERSED':
      if (c.command === 'billingAction.reverse') return { code: 'billing.actionReversedServer', params: {} };
      return a.entryId ? { code: 'billing.entryReversedServer', params: { id: a.entryId } } : null;
    case 'STATE_CHANGED': {
      const state = /账户当前状态为 ([a-z_]+)，/.exec(text)?.[1];
      return state ? { code: 'billing.actionStateChanged', params: { status: label<ServiceAccountState>(SERVICE_ACCOUNT_STATE_LABELS, state) } } : null;
    }
    case 'NUMBER_TAKEN': {
      const digits = /号码 (\d+) 已分配/.exec(text)?.[1];
      return digits ? { code: 'billing.numberTaken', params: { digits } } : null;
    }
    case 'DISPUTE_CLOSED': {
      const status = /（(成立|不成立)）/.exec(text)?.[1];
      return status ? { code: 'billing.disputeDecided', params: { status } } : null;
    }
    case 'DISPUTE_TOO_LATE': {
      const m = /话单日期 (\d{4}-\d{2}-\d{2})，异议须在 (\d{4}-\d{2}-\d{2}) 前提出.*；(\d{4}-\d{2}-\d{2}) 已超过期限/.exec(text);
      return m ? { code: 'billing.disputeLate', params: { day: m[1] ?? '', deadline: m[2] ?? '', today: m[3] ?? '' } } : null;
    }
    default:
      return null;
  }
}

/** The catalog message's text in both languages. */
export function refusalTexts(m: RefusalMessage): { zh: string; en: string } {
  return { zh: formatMessage(m.code, m.params, 'zh-CN'), en: formatMessage(m.code, m.params, 'en') };
}
