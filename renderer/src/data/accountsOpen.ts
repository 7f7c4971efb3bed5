import { nowIso } from './clock';
import { NotFoundError } from './errors';
import { db } from './db';
import type { OutboxContext } from './outbox';
import type { UserRow } from './rows';
import type { StoredApplication } from './applicationsTypes';
import { accountEventsTable, accountsTable, type StoredAccount, type StoredAccountEvent } from './accountsTypes';
import { addDays, addMonthsClamped, msg } from '../../../shared';

/**
 * What an application does to accounts when it becomes active, inside the application's own
 * transaction (so a form is never "active" without its account, nor the reverse).
 */

let counter = 0;
/** Event ids sort by time, then by a per-session counter, like number events. */
export function accountEventId(at: string): string {
  counter = (counter + 1) % 1_000_000;
  return `${at.replace(/\D/g, '')}-${String(counter).padStart(6, '0')}-${crypto.randomUUID().slice(0, 8)}`;
}

export function accountEvent(accountId: string, user: Pick<UserRow, 'id' | 'name'>, event: string, from: string | null, to: string, reason: string): StoredAccountEvent {
  const at = nowIso();
  return { id: accountEventId(at), accountId, at, userId: user.id, userName: user.name, event, from, to, reason };
}

/** The last day of a term of `months` starting on `openedOn`, or null without a term. */
export function termEnd(openedOn: string, months: number): string | null {
  return Number.isSafeInteger(months) && months > 0 ? addDays(addMonthsClamped(openedOn, months), -1) : null;
}

interface PackageAmounts {
  prepaymentFen?: number;
  monthlyMinimumFen?: number;
}

/** Creates the service account of a new service, active from the opening date on the completion form. */
export async function openAccountInTx(ctx: OutboxContext, app: StoredApplication, user: UserRow, today: string): Promise<StoredAccount> {
  const d = db();
  const pkg = (app.packageId ? await d.packages.get(app.packageId) : undefined) as PackageAmounts | undefined;
  const earlier = await accountsTable().where('numberDigits').equals(app.numberDigits!).count();
  const at = nowIso();
  const account: StoredAccount = {
    id: crypto.randomUUID(),
    version: 1,
    createdAt: at,
    updatedAt: at,
    no: `ZH${app.numberDigits}-${String(earlier + 1).padStart(2, '0')}`,
    status: 'active',
    stateSince: app.openedOn ?? today,
    statusReason: '',
    terminationGround: null,
    customerId: app.customerId,
    numberDigits: app.numberDigits!,
    packageId: app.packageId,
    features: [...app.features],
    requirement: app.requirement,
    applicationId: app.id,
    completionReceivedOn: app.completionReceivedOn,
    openedOn: app.openedOn,
    acceptance: app.acceptance,
    termEndsOn: termEnd(app.openedOn ?? today, app.requirement.termMonths),
    contractAmountFen: pkg?.prepaymentFen ?? 0,
    monthlyMinimumFen: pkg?.monthlyMinimumFen ?? 0,
    createdBy: user.id,
  };
  await accountsTable().add(account);
  const how = app.acceptance === 'deemed' ? '视为验收' : '客户签收竣工单';
  await accountEventsTable().add(accountEvent(account.id, user, 'open', null, 'active', `受理单 ${app.no} 开通（${how}），实际开通日期 ${app.openedOn ?? today}`));
  await ctx.enqueue({ name: 'account.open', args: { id: account.id, applicationId: app.id, data: account } });
  return account;
}

/** An activated change form (4008 contract 2.2) replaces the account's package, features and requirement. */
export async function applyChangeInTx(ctx: OutboxContext, app: StoredApplication, user: UserRow): Promise<StoredAccount> {
  const old = app.accountId ? await accountsTable().get(app.accountId) : undefined;
  if (!old) throw new NotFoundError(msg('notFound.changeAccount'));
  const next: StoredAccount = {
    ...old,
    packageId: app.packageId,
    features: [...app.features],
    requirement: app.requirement,
    version: old.version + 1,
    updatedAt: nowIso(),
  };
  await accountsTable().put(next);
  await accountEventsTable().add(accountEvent(old.id, user, 'change', old.status, old.status, `变更需求单 ${app.no} 生效`));
  await ctx.enqueue({ name: 'account.applyChange', args: { id: old.id, applicationId: app.id }, baseVersion: old.version });
  return next;
}
