import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, PermissionError, ValidationError } from './errors';
import { writeWithOutbox, type OutboxContext } from './outbox';
import { deniedMsg, getCurrentUser, requirePermission } from './session';
import { officeSettings } from './numbers';
import { checkCustomerInput } from './customersValidation';
import { coolingUntilFromNow, numberEvent, stepNumberInTx } from './accountsNumbers';
import { accountEvent } from './accountsOpen';
import {
  accountEventsTable,
  accountsTable,
  type AccountTerminationGround,
  type StoredAccount,
  type StoredAccountEvent,
} from './accountsTypes';
import type { UserRow } from './rows';
import {
  SERVICE_ACCOUNT_STATE_LABELS,
  can,
  ledgerBalance,
  msg,
  msgOfCheck,
  termList,
  toOfficeDate,
  transitionServiceAccount,
  type Action,
  type ServiceAccountEvent,
  type ServiceAccountTransitionContext,
} from '../../../shared';

/**
 * The service-account lifecycle (issue 4 item 5): suspend with a reason, resume, terminate (the
 * number is reclaimed and starts its cooling period, 4008 contract 7.3), close (only with all fees
 * settled, 400 agreement 第五条(一)) and transfer to another customer (过户). Each action checks
 * the role here, runs the shared account state machine, and writes the account, its event, the
 * number's steps and the outbox mutations in ONE transaction.
 */

export type { StoredAccount, StoredAccountEvent, AccountTerminationGround } from './accountsTypes';

export const TERMINATION_GROUND_LABELS: Readonly<Record<AccountTerminationGround, string>> = {
  unpaid_after_suspension: '暂停后仍未缴费（协议第五条）',
  overdue: '逾期未缴费（合同 7.1）',
  violation: '违规使用（协议第四条、合同 3.1.2）',
  customer_request: '客户申请终止',
};

/**
 * The fees still owed on an account, integer fen: what the billing ledger (issue 7) shows owed,
 * i.e. minus its balance when negative, else 0. A prepaid credit left is refunded at closure.
 * Same rule as the billing repository's owedFen, computed here with shared/billing's ledgerBalance
 * (positive = prepaid credit left, negative = owed) so this module needs only the ledger table.
 */
export async function accountBalanceFen(accountId: string): Promise<number> {
  const table = db().tables.find((t) => t.name === 'ledger');
  if (!table) return 0; // a store from before schema v5 has no ledger: nothing can be owed
  const entries = (await table.where('accountId').equals(accountId).toArray()) as Parameters<typeof ledgerBalance>[0];
  return Math.max(0, -ledgerBalance(entries));
}

async function todayInOffice(): Promise<string> {
  const s = await officeSettings();
  return toOfficeDate(nowIso(), s.timeZone);
}

function requireReason(reason: string, label = '原因'): string {
  const r = reason.trim();
  if (!r) throw new ValidationError({ reason: msg('form.required', { label }) });
  return r;
}

interface LifecycleStep {
  accountId: string;
  action: Action;
  event: ServiceAccountEvent;
  reason: string;
  ctx?: (acc: StoredAccount, today: string) => ServiceAccountTransitionContext;
  /** Number steps and account fields besides the status, inside the transaction. */
  apply?: (tx: OutboxContext, acc: StoredAccount, user: UserRow, today: string) => Promise<Partial<StoredAccount>>;
  recordGround?: AccountTerminationGround;
}

async function runLifecycle(s: LifecycleStep): Promise<StoredAccount> {
  const user = await requirePermission(s.action);
  const today = await todayInOffice();
  const settings = await officeSettings();
  const d = db();
  return writeWithOutbox([accountsTable(), accountEventsTable(), d.numbers, d.numberEvents, d.customers], async (tx) => {
    const acc = await accountsTable().get(s.accountId);
    if (!acc || acc.deletedAt) throw new NotFoundError(msg('notFound.account'));
    const t = transitionServiceAccount(acc.status, s.event, { today, stateSince: acc.stateSince, settings, ...s.ctx?.(acc, today) });
    if (!t.ok) throw new ValidationError({ status: msg('account.refused', { no: acc.no, message: msgOfCheck(t) }) });
    const extra = (await s.apply?.(tx, acc, user, today)) ?? {};
    const next: StoredAccount = {
      ...acc,
      ...extra,
      status: t.state,
      stateSince: today,
      statusReason: s.reason,
      version: acc.version + 1,
      updatedAt: nowIso(),
    };
    if (s.recordGround) next.terminationGround = s.recordGround;
    await accountsTable().put(next);
    await accountEventsTable().add(accountEvent(acc.id, user, s.event, acc.status, t.state, s.reason));
    await tx.enqueue({ name: `account.${s.event}`, args: { id: acc.id, from: acc.status, to: t.state, reason: s.reason }, baseVersion: acc.version });
    return next;
  });
}

/** Suspends an active service (e.g. 欠费, false registration data); the number is suspended with it. */
export async function suspendAccount(accountId: string, reason: string): Promise<StoredAccount> {
  const r = requireReason(reason, '暂停原因');
  return runLifecycle({
    accountId,
    action: 'account.suspend',
    event: 'suspend',
    reason: r,
    apply: async (tx, acc, user) => {
      const n = await db().numbers.get(acc.numberDigits);
      if (n?.status === 'active') await stepNumberInTx(tx, { digits: n.digits, event: 'suspend', reason: `账户 ${acc.no} 暂停：${r}`, userId: user.id });
      return {};
    },
  });
}

/** Resumes a suspended service (fees paid, data corrected). */
export async function resumeAccount(accountId: string, reason: string): Promise<StoredAccount> {
  const r = requireReason(reason, '恢复原因');
  return runLifecycle({
    accountId,
    action: 'account.suspend',
    event: 'resume',
    reason: r,
    apply: async (tx, acc, user) => {
      const n = await db().numbers.get(acc.numberDigits);
      if (n?.status === 'suspended') await stepNumberInTx(tx, { digits: n.digits, event: 'resume', reason: `账户 ${acc.no} 恢复：${r}`, userId: user.id });
      return {};
    },
  });
}

/** Reclaims the account's number and starts its cooling period (4008 contract 7.3). */
async function reclaimAndCool(tx: OutboxContext, acc: StoredAccount, user: UserRow, why: string, cooling: { until: string; days: number }): Promise<void> {
  const n = await db().numbers.get(acc.numberDigits);
  if (!n || !['active', 'suspended', 'frozen'].includes(n.status)) return;
  await stepNumberInTx(tx, { digits: n.digits, event: 'reclaim', reason: `账户 ${acc.no} ${why}，收回号码`, userId: user.id });
  await stepNumberInTx(tx, {
    digits: n.digits,
    event: 'startCooling',
    reason: `冷冻期 ${cooling.days} 天（合同 7.3），${cooling.until.slice(0, 10)} 后重新放号`,
    userId: user.id,
    patch: { coolingUntil: cooling.until },
  });
}

/**
 * Terminates a service. The ground decides what must be true first (shared machine): 30 days of
 * suspension for unpaid fees, the configured overdue days, or none for a violation. A customer's own
 * request has no waiting period either; the shared machine has no such ground, so it is checked as
 * one without conditions (like a violation) and recorded as what it is.
 */
export async function terminateAccount(accountId: string, ground: AccountTerminationGround, reason: string, overdueDays?: number): Promise<StoredAccount> {
  const r = requireReason(reason, '终止原因');
  // read before the transaction: the settings table is not part of it
  const cooling = await coolingUntilFromNow();
  return runLifecycle({
    accountId,
    action: 'account.terminate',
    event: 'terminate',
    reason: `${TERMINATION_GROUND_LABELS[ground]}：${r}`,
    recordGround: ground,
    ctx: () => ({ ground: ground === 'customer_request' ? 'violation' : ground, overdueDays }),
    apply: async (tx, acc, user) => {
      await reclaimAndCool(tx, acc, user, '终止', cooling);
      return { terminationGround: ground };
    },
  });
}

/** Closes an account (销户): refused while fees are unsettled (400 agreement 第五条(一)). */
export async function closeAccount(accountId: string, reason: string): Promise<StoredAccount> {
  const r = requireReason(reason, '销户原因');
  const cooling = await coolingUntilFromNow();
  const outstandingFen = await accountBalanceFen(accountId);
  return runLifecycle({
    accountId,
    action: 'account.close',
    event: 'close',
    reason: r,
    ctx: () => ({ outstandingFen }),
    apply: async (tx, acc, user) => {
      await reclaimAndCool(tx, acc, user, '销户', cooling);
      return {};
    },
  });
}

/**
 * 过户: the service and its number pass to another customer, whose real-name data must be complete
 * and valid (400 agreement 第二条/第三条): registration fields valid and either verified or with
 * the business licence and handler ID scans attached. A manager's action.
 */
export async function transferAccount(accountId: string, newCustomerId: string, reason: string): Promise<StoredAccount> {
  const user = await getCurrentUser();
  if (!user) throw new PermissionError('account.transfer', null, msg('access.chooseUser', { action: '办理过户' }));
  if (!can(user.role, 'account.terminate')) {
    throw new PermissionError('account.transfer', user.role, deniedMsg(user, '办理过户', true));
  }
  const r = requireReason(reason, '过户原因');
  const d = db();
  const target = await d.customers.get(newCustomerId);
  if (!target || target.deletedAt) throw new ValidationError({ newCustomerId: msg('form.chooseCustomer', { label: '新客户' }) });
  const check = checkCustomerInput(target);
  if (!check.values) {
    throw new ValidationError({ newCustomerId: msg('account.transferIncomplete', { name: target.name, message: Object.values(check.texts) }) });
  }
  if (target.realNameStatus === 'rejected') throw new ValidationError({ newCustomerId: msg('account.transferRejected', { name: target.name }) });
  if (target.realNameStatus !== 'verified') {
    const kinds = new Set((await d.attachments.where('customerId').equals(newCustomerId).toArray()).filter((a) => !a.deletedAt).map((a) => a.kind));
    const lacking = [kinds.has('business_licence') ? null : '营业执照', kinds.has('handler_id_front') ? null : '经办人身份证'].filter((k) => k !== null);
    if (lacking.length > 0) throw new ValidationError({ newCustomerId: msg('account.transferUnverified', { name: target.name, kinds: termList(lacking, 'list.enum') }) });
  }
  return writeWithOutbox([accountsTable(), accountEventsTable(), d.numbers, d.numberEvents, d.customers], async (tx) => {
    const acc = await accountsTable().get(accountId);
    if (!acc || acc.deletedAt) throw new NotFoundError(msg('notFound.account'));
    if (acc.status !== 'active' && acc.status !== 'suspended') {
      throw new ValidationError({ status: msg('account.transferState', { no: acc.no, status: SERVICE_ACCOUNT_STATE_LABELS[acc.status] }) });
    }
    if (acc.customerId === newCustomerId) throw new ValidationError({ newCustomerId: msg('account.transferSame') });
    const from = await d.customers.get(acc.customerId);
    const note = `过户：${from?.name ?? acc.customerId} → ${target.name}；${r}`;
    const at = nowIso();
    const next: StoredAccount = { ...acc, customerId: newCustomerId, version: acc.version + 1, updatedAt: at };
    await accountsTable().put(next);
    await accountEventsTable().add(accountEvent(acc.id, user, 'transfer', acc.status, acc.status, note));
    const n = await d.numbers.get(acc.numberDigits);
    if (n) {
      await d.numbers.put({ ...n, customerId: newCustomerId, version: n.version + 1, updatedAt: at });
      await d.numberEvents.add(numberEvent(n.digits, at, user.id, n.status, n.status, note, newCustomerId));
    }
    await tx.enqueue({ name: 'account.transfer', args: { id: acc.id, fromCustomerId: acc.customerId, toCustomerId: newCustomerId, reason: r }, baseVersion: acc.version });
    return next;
  });
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export async function getAccount(id: string): Promise<StoredAccount | null> {
  const a = await accountsTable().get(id);
  return a && !a.deletedAt ? a : null;
}

/** Events of one account, newest first. */
export async function accountHistory(accountId: string): Promise<StoredAccountEvent[]> {
  const rows = await accountEventsTable().where('[accountId+at]').between([accountId, ''], [accountId, '\uffff']).toArray();
  return rows.sort((a, b) => (a.id < b.id ? 1 : -1));
}

export interface AccountListItem extends StoredAccount {
  customerName: string;
}

export async function listAccounts(filter: { status?: StoredAccount['status']; customerId?: string; text?: string; limit?: number } = {}): Promise<AccountListItem[]> {
  const t = accountsTable();
  let rows = filter.customerId
    ? await t.where('customerId').equals(filter.customerId).toArray()
    : filter.status
      ? await t.where('status').equals(filter.status).toArray()
      : await t.toArray();
  rows = rows.filter((a) => !a.deletedAt && (!filter.status || a.status === filter.status));
  const names = new Map((await db().customers.bulkGet([...new Set(rows.map((a) => a.customerId))])).filter((c) => c).map((c) => [c!.id, c!.name]));
  let items = rows.map((a) => ({ ...a, customerName: names.get(a.customerId) ?? '—' }));
  const text = (filter.text ?? '').trim();
  if (text) {
    const digits = text.replace(/\D/g, '');
    items = items.filter((a) => a.customerName.includes(text) || a.no.includes(text.toUpperCase()) || (digits.length >= 3 && a.numberDigits.includes(digits)));
  }
  items.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  return items.slice(0, filter.limit ?? 500);
}
