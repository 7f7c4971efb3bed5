import { z } from 'zod';
import { msg, msgOfIssue, zodMessage, type Msg } from '../../../shared';
import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, ValidationError } from './errors';
import { ROLES, requirePermission } from './session';
import type { Role, UserRow } from './rows';

/**
 * Local user profiles (issue 4 item 6). Only an admin manages them. Device-local on purpose:
 * a synced install gets its users from the server's login, so no outbox rows are written here.
 */

const userInputSchema = z.object({
  name: z
    .string({ error: zodMessage('form.required', { label: '姓名' }) })
    .trim()
    .min(1, { error: zodMessage('form.required', { label: '姓名' }) })
    .max(30, { error: zodMessage('form.tooLong', { label: '姓名', max: 30 }) }),
  role: z.enum(ROLES, { error: zodMessage('user.roleChoice') }),
});
export type UserInput = z.input<typeof userInputSchema>;

function parse(input: unknown): { name: string; role: Role } {
  const r = userInputSchema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, Msg | string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'user')] ??= msgOfIssue(issue);
  throw new ValidationError(fields);
}

export async function listUsers(): Promise<UserRow[]> {
  const all = await db().users.toArray();
  return all
    .filter((u) => !u.deletedAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
}

export async function createUser(input: UserInput): Promise<UserRow> {
  await requirePermission('user.manage');
  const { name, role } = parse(input);
  const at = nowIso();
  const row: UserRow = { id: crypto.randomUUID(), name, role, active: true, version: 1, createdAt: at, updatedAt: at };
  await db().users.add(row);
  return row;
}

export async function updateUser(id: string, input: UserInput & { active?: boolean }): Promise<UserRow> {
  await requirePermission('user.manage');
  const { name, role } = parse(input);
  const d = db();
  return d.transaction('rw', d.users, async () => {
    const old = await d.users.get(id);
    if (!old) throw new NotFoundError(msg('notFound.user'));
    const active = input.active ?? old.active;
    // Without an active admin nobody could manage users again on this device.
    if (old.role === 'admin' && (role !== 'admin' || !active)) {
      const admins = (await d.users.where('role').equals('admin').toArray()).filter((u) => u.active && u.id !== id);
      if (admins.length === 0) throw new ValidationError({ role: msg('user.lastAdmin') });
    }
    const next: UserRow = { ...old, name, role, active, version: old.version + 1, updatedAt: nowIso() };
    await d.users.put(next);
    return next;
  });
}
