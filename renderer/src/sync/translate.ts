import {
  HotlineNumberSchema,
  PROTECTED_FIELDS,
  RecordIdSchema,
  SERVER_OWNED_KEYS,
  SyncEntitySchema,
  type SyncEntity,
} from '../../../shared/sync/index';

/**
 * The local outbox speaks the repositories' language (`application.create`, `number.activate`,
 * `record.update` with local bookkeeping fields…); the server speaks the protocol catalogue of
 * shared/sync/mutations.ts. This pure mapping sits between the two so neither has to bend:
 *
 *  - a known local action becomes one protocol mutation with the SAME seq and mutationId, so a
 *    replay after a lost answer is recognised by the server;
 *  - fields the server owns (envelope, states that change only by command) are left out instead
 *    of being refused one record at a time;
 *  - an unknown local action is sent as it is: the server refuses it as UNKNOWN_MUTATION and the
 *    user sees that it did not travel (never silently dropped, never blocking the queue);
 *  - a local action with nothing left to send (e.g. an edit of local-only fields) is `skip`.
 */

export interface LocalMutation {
  name: string;
  args: unknown;
  baseVersion?: number;
}

/** The record a mutation is about: pulled copies of it must not overwrite the pending local change. */
export interface MutationTarget {
  entity: SyncEntity;
  id: string;
}

export type Translation =
  | { kind: 'send'; name: string; args: unknown; baseVersion?: number; target?: MutationTarget }
  | { kind: 'skip'; reason: string; target?: MutationTarget };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Local bookkeeping that never travels (search index tokens, local-only counters of who/when). */
const LOCAL_ONLY_KEYS = ['searchTokens', 'deletedAt', 'byUserId'];

/** The descriptive data a client may set for an entity: server-owned and protected keys removed. */
export function clientData(entity: SyncEntity, data: Obj): Obj {
  const drop = new Set<string>([...SERVER_OWNED_KEYS, ...(PROTECTED_FIELDS[entity] ?? []), ...LOCAL_ONLY_KEYS]);
  const out: Obj = {};
  for (const [k, v] of Object.entries(data)) if (!drop.has(k) && v !== undefined) out[k] = v;
  return out;
}

function entityOf(v: unknown): SyncEntity | null {
  const r = SyncEntitySchema.safeParse(v);
  return r.success ? r.data : null;
}

function withBase(t: Extract<Translation, { kind: 'send' }>, base: number | undefined): Translation {
  return base === undefined ? t : { ...t, baseVersion: base };
}

function create(entity: SyncEntity, id: string, data: Obj): Translation {
  return { kind: 'send', name: 'record.create', args: { entity, id, data: clientData(entity, data) }, target: { entity, id } };
}

function update(entity: SyncEntity, id: string, fields: Obj, base: number | undefined): Translation {
  const clean = clientData(entity, fields);
  const target = { entity, id };
  if (Object.keys(clean).length === 0) return { kind: 'skip', reason: 'no synced field changed', target };
  return withBase({ kind: 'send', name: 'record.update', args: { entity, id, fields: clean }, target }, base);
}

/**
 * Local actions that have no meaning on the server: every device seeds the shipped default
 * vanity-grade table itself, so that seeding is not a change of the office's data.
 */
const DEVICE_LOCAL_ACTIONS = new Set(['gradeRules.seedDefaults']);

/**
 * Demo data is generated on this device for trying the app out; it is not the office's data and
 * must never reach the server (nor another device), so the outbox entry is acknowledged locally.
 */
const DEMO_ACTIONS = new Set(['demo.load']);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The account lifecycle: the outbox also records the local from/to states, which the server
 * decides for itself (it re-runs the shared state machine), so only the request travels.
 */
function accountCommand(name: string, id: string, a: Obj): Translation {
  const reason = str(a.reason) ?? '';
  const target: MutationTarget = { entity: 'account', id };
  let args: Obj = { id, reason };
  if (name === 'account.transfer') args = { id, toCustomerId: str(a.toCustomerId), reason };
  if (name === 'account.terminate') {
    if (str(a.ground) !== undefined) args.ground = a.ground;
    if (typeof a.overdueDays === 'number') args.overdueDays = a.overdueDays;
  }
  return { kind: 'send', name, args, target };
}

/**
 * Number lifecycle steps beyond reserve/activate/release: the server re-runs the number state
 * machine on its own state (number.step), so the local from/to, customer and dates stay behind.
 */
function numberCommand(name: string, a: Obj): Translation | null {
  const number = HotlineNumberSchema.safeParse(a.digits);
  if (!number.success) return null;
  const target: MutationTarget = { entity: 'hotlineNumber', id: number.data };
  if (name === 'number.holdForApplication') {
    const args: Obj = { number: number.data, customerId: str(a.customerId) };
    if (str(a.applicationNo) !== undefined) args.applicationNo = a.applicationNo;
    if (RecordIdSchema.safeParse(a.applicationId).success) args.applicationId = a.applicationId;
    return { kind: 'send', name, args, target };
  }
  const args: Obj = { number: number.data, event: name.slice('number.'.length) };
  const reason = str(a.reason);
  if (reason !== undefined) args.reason = reason.slice(0, 500);
  return { kind: 'send', name: 'number.step', args, target };
}

const GRADE_RULE_KEYS = ['id', 'name', 'patterns', 'match', 'priceFen', 'minimumMonthlyFen', 'requiredPackageId'];

function gradeRule(r: unknown): Obj {
  const o: Obj = isObj(r) ? r : {};
  return Object.fromEntries(GRADE_RULE_KEYS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

export function translate(m: LocalMutation): Translation {
  if (DEVICE_LOCAL_ACTIONS.has(m.name)) return { kind: 'skip', reason: 'device-local action' };
  if (DEMO_ACTIONS.has(m.name)) return { kind: 'skip', reason: 'demo data stays on this device' };
  const a: Obj = isObj(m.args) ? m.args : {};
  const id = typeof a.id === 'string' ? a.id : '';
  const asIs: Translation = withBase({ kind: 'send', name: m.name, args: m.args }, m.baseVersion);
  switch (m.name) {
    case 'record.create': {
      const entity = entityOf(a.entity);
      return entity && isObj(a.data) ? create(entity, id, a.data) : asIs;
    }
    case 'record.update': {
      const entity = entityOf(a.entity);
      return entity && isObj(a.fields) ? update(entity, id, a.fields, m.baseVersion) : asIs;
    }
    case 'record.delete':
    case 'record.transition': {
      const entity = entityOf(a.entity);
      return entity ? { ...(asIs as Extract<Translation, { kind: 'send' }>), target: { entity, id } } : asIs;
    }
    case 'payment.record':
      // the server keeps the payment's id as its ledger entry id: a refused payment's pending entry is reconciled away
      return id ? { kind: 'send', name: m.name, args: m.args, target: { entity: 'ledgerEntry', id } } : asIs;
    case 'ledger.adjust':
    case 'ledger.reverse':
      // likewise the adjustment's / reversal's id is the server's entry id: a refused one's pending entry goes away
      return id ? { kind: 'send', name: m.name, args: m.args, target: { entity: 'ledgerEntry', id } } : asIs;
    case 'billingAction.reverse':
      return str(a.actionId) ? { kind: 'send', name: m.name, args: { actionId: a.actionId, reason: a.reason }, target: { entity: 'billingAction', id: a.actionId as string } } : asIs;
    case 'billingSettings.update':
      return { kind: 'send', name: m.name, args: { patch: a.patch }, target: { entity: 'billingSettings', id: 'office' } };
    case 'dispute.raise':
    case 'dispute.resolve':
      return id ? { kind: 'send', name: m.name, args: m.args, target: { entity: 'callDispute', id } } : asIs;
    case 'contract.sign':
      return typeof a.contractId === 'string' ? { kind: 'send', name: m.name, args: m.args, target: { entity: 'contract', id: a.contractId } } : asIs;
    case 'application.create':
      return isObj(a.data) ? create('application', id, a.data) : asIs;
    case 'application.update':
      return isObj(a.data) ? update('application', id, a.data, m.baseVersion) : asIs;
    case 'package.create':
      return create('package', id, a);
    case 'package.update':
      return isObj(a.changes) ? update('package', id, a.changes, m.baseVersion) : asIs;
    case 'number.reserve':
    case 'number.activate':
    case 'number.release': {
      const number = HotlineNumberSchema.safeParse(a.digits);
      if (!number.success) return asIs;
      const target: MutationTarget = { entity: 'hotlineNumber', id: number.data };
      if (m.name === 'number.release') return { kind: 'send', name: 'number.release', args: { number: number.data }, target };
      const customerId = typeof a.customerId === 'string' ? a.customerId : undefined;
      // activation of a number = the server's allocation (its transaction decides who gets it)
      const name = m.name === 'number.activate' ? 'number.allocate' : 'number.reserve';
      return { kind: 'send', name, args: { number: number.data, customerId }, target };
    }
    case 'account.suspend':
    case 'account.resume':
    case 'account.terminate':
    case 'account.close':
    case 'account.transfer':
      return accountCommand(m.name, id, a);
    case 'numbers.import':
    case 'numbers.addRange':
      // both are the same server act: numbers join the office's pool, all or none
      return Array.isArray(a.digits) ? { kind: 'send', name: 'numbers.add', args: { numbers: a.digits, source: str(a.source) } } : asIs;
    case 'application.submit':
    case 'application.approve':
    case 'application.signContract':
    case 'application.sendToCarrier':
    case 'application.receiveCompletion':
    case 'application.activate':
    case 'application.reject':
    case 'application.revise':
    case 'application.cancel': {
      // the local from/to stay behind: the server re-runs the flow against its own status
      const args: Obj = { id, event: m.name.slice('application.'.length) };
      if (str(a.reason) !== undefined) args.reason = a.reason;
      if (isObj(a.changes)) args.changes = a.changes;
      return { kind: 'send', name: 'application.step', args, target: { entity: 'application', id } };
    }
    case 'account.open':
      // the server takes customer, number and package from ITS form; the rest is the account's description
      return str(a.applicationId) ? { kind: 'send', name: m.name, args: { id, applicationId: a.applicationId, data: isObj(a.data) ? clientData('account', a.data) : {} }, target: { entity: 'account', id } } : asIs;
    case 'account.applyChange':
      return str(a.applicationId) ? { kind: 'send', name: m.name, args: { id, applicationId: a.applicationId }, target: { entity: 'account', id } } : asIs;
    case 'number.suspend':
    case 'number.resume':
    case 'number.freeze':
    case 'number.unfreeze':
    case 'number.reclaim':
    case 'number.startCooling':
    case 'number.endCooling':
    case 'number.holdForApplication':
      return numberCommand(m.name, a) ?? asIs;
    case 'gradeRules.replace':
      // the rules only: local order/version/timestamps are this device's bookkeeping
      return Array.isArray(a.rules) ? { kind: 'send', name: m.name, args: { rules: a.rules.map(gradeRule) }, target: { entity: 'office', id: 'gradeRules' } } : asIs;
    case 'office.update':
      return { kind: 'send', name: m.name, args: m.args, target: { entity: 'office', id: isObj(a.profile) ? 'profile' : 'settings' } };
    default:
      return asIs;
  }
}
