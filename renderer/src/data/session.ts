import Dexie from 'dexie';
import { getCachedSession } from './auth';
import { db } from './db';
import { PermissionError } from './errors';
import { nowIso } from './clock';
import { ROLE_LABELS, ROLES, can, msg, type Action, type Role } from '../../../shared';
import type { UserRow } from './rows';

/**
 * The current user of this device and what each role may do (issue 4 item 6).
 * Repositories call `requirePermission` before writing, so a hidden button is never the only guard.
 */

/** zh-CN names of actions for error messages; an action without one is named by its key. */
const ACTION_NAMES_ZH: Partial<Record<Action, string>> = {
  'customer.register': '登记客户',
  'customer.edit': '修改客户资料',
  'customer.verify': '核验客户实名资料',
  'application.create': '新建受理单',
  'application.submit': '提交受理单',
  'application.approve': '审批受理单',
  'number.reserve': '预占号码',
  'number.assign': '分配号码',
  'number.lease': '领用号码',
  'number.import': '导入号码',
  'number.reclaim': '收回号码',
  'payment.record': '登记收款',
  'payment.void': '作废收款',
  'contract.print': '打印合同',
  'contract.sign': '签订合同',
  'account.suspend': '暂停服务',
  'account.terminate': '终止服务',
  'account.close': '销户',
  'override.uscc': '放行校验位不符的统一社会信用代码',
  'override.renewalFloor': '放行低于首次续费金额的续费',
  'package.edit': '编辑套餐资费',
  'gradeRule.edit': '编辑靓号等级',
  'callRecord.import': '导入话单',
  'report.view': '查看报表',
  'settings.edit': '修改设置',
  'user.manage': '管理用户',
};

export function actionNameZh(action: Action): string {
  return ACTION_NAMES_ZH[action] ?? action;
}

export { can, ROLES, ROLE_LABELS };
export type { Action };

export const CURRENT_USER_KEY = 'currentUserId';

/** The profiles a fresh install starts with, so a newcomer can work at once (as the clerk). */
export const DEFAULT_USERS: readonly { name: string; role: Role }[] = [
  { name: '业务员', role: 'clerk' },
  { name: '经理', role: 'manager' },
  { name: '外勤', role: 'field_agent' },
  { name: '管理员', role: 'admin' },
];

/**
 * Creates the default profiles when the store has none, and makes the clerk current.
 * User profiles are device-local: on a synced install the user list comes from the server's
 * login, so these writes deliberately do not go through the outbox.
 */
export async function ensureDefaultUsers(): Promise<void> {
  const d = db();
  await d.transaction('rw', d.users, d.meta, async () => {
    if ((await d.users.count()) > 0) return;
    const at = nowIso();
    const rows: UserRow[] = DEFAULT_USERS.map((u) => ({
      id: crypto.randomUUID(),
      name: u.name,
      role: u.role,
      active: true,
      version: 1,
      createdAt: at,
      updatedAt: at,
    }));
    await d.users.bulkAdd(rows);
    await d.meta.put({ key: CURRENT_USER_KEY, value: rows[0]!.id });
  });
}

/** The user this device works as, or null when none is chosen (or the chosen one was deactivated). */
export async function getCurrentUser(): Promise<UserRow | null> {
  const d = db();
  const row = await d.meta.get(CURRENT_USER_KEY);
  if (typeof row?.value !== 'string') return null;
  const user = await d.users.get(row.value);
  return user && user.active && !user.deletedAt ? user : null;
}

/**
 * The user a sync login fixed for this device, if any. Once a device has logged in to the server,
 * who works here is decided by that login (auth.ts adopts the server's user), not by a local pick:
 * otherwise a clerk could switch to a local "manager" profile and approve things offline.
 */
export async function loginUserId(): Promise<string | null> {
  const cached = await getCachedSession();
  return cached?.session.user.id ?? null;
}

/** "当前用户「…」（role）无权 …。" as a catalog message (also for checks beyond `can`). */
export function deniedMsg(user: Pick<UserRow, 'name' | 'role'>, action: string, askManager = false) {
  return msg(askManager ? 'access.deniedAskManager' : 'access.denied', { name: user.name, role: ROLE_LABELS[user.role], action });
}

export async function setCurrentUser(userId: string): Promise<UserRow> {
  const d = db();
  const user = await d.users.get(userId);
  if (!user || !user.active) throw new PermissionError('session.switch', null, msg('access.userGone'));
  const fixed = await loginUserId();
  if (fixed && fixed !== userId) {
    throw new PermissionError('session.switch', user.role, msg('access.loginDecides'));
  }
  await d.meta.put({ key: CURRENT_USER_KEY, value: user.id });
  return user;
}

/** The current user, if their role allows `action`; otherwise a PermissionError in zh-CN. */
export async function requirePermission(action: Action): Promise<UserRow> {
  let user = await getCurrentUser();
  // A fresh store gets its default profiles on first use, whichever area is opened first
  // (not inside someone's transaction, which would not include the users table).
  if (!user && !Dexie.currentTransaction) {
    await ensureDefaultUsers();
    user = await getCurrentUser();
  }
  if (!user) throw new PermissionError(action, null, msg('access.chooseUser', { action: actionNameZh(action) }));
  if (!can(user.role, action)) {
    throw new PermissionError(action, user.role, deniedMsg(user, actionNameZh(action)));
  }
  return user;
}
