import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { PermissionError, ValidationError } from './errors';
import { ensureDefaultUsers, getCurrentUser, requirePermission, setCurrentUser } from './session';
import { createUser, listUsers, updateUser } from './users';

let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`users-test-${++n}`));
  await ensureDefaultUsers();
});

const byRole = async (role: string) => (await listUsers()).find((u) => u.role === role)!;

describe('session and roles', () => {
  it('starts a fresh store with one profile per role, working as the clerk', async () => {
    expect((await listUsers()).map((u) => u.role).sort()).toEqual(['admin', 'clerk', 'field_agent', 'manager']);
    expect((await getCurrentUser())?.role).toBe('clerk');
    await ensureDefaultUsers();
    expect(await listUsers()).toHaveLength(4);
  });

  it('refuses manager actions to a clerk with a zh-CN message, allows them to a manager', async () => {
    await expect(requirePermission('application.approve')).rejects.toThrow(/当前用户「业务员」（.+）无权审批受理单/);
    await setCurrentUser((await byRole('manager')).id);
    await expect(requirePermission('application.approve')).resolves.toMatchObject({ role: 'manager' });
  });

  it('lets only an admin manage users, and keeps one active admin', async () => {
    await expect(createUser({ name: '新人', role: 'clerk' })).rejects.toBeInstanceOf(PermissionError);
    const admin = await byRole('admin');
    await setCurrentUser(admin.id);
    const u = await createUser({ name: '新人', role: 'field_agent' });
    expect(u.role).toBe('field_agent');
    await expect(createUser({ name: ' ', role: 'clerk' })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateUser(admin.id, { name: admin.name, role: 'clerk' })).rejects.toThrow('至少要保留一名在用的管理员');
    await updateUser(u.id, { name: '新人', role: 'field_agent', active: false });
    await expect(setCurrentUser(u.id)).rejects.toBeInstanceOf(PermissionError);
  });
});

describe('a fresh store', () => {
  it('gets its default profiles on the first guarded action, whichever area asks', async () => {
    setDatabase(new HotlineDb(`users-fresh-${++n}`));
    await expect(requirePermission('customer.register')).resolves.toMatchObject({ role: 'clerk' });
    expect(await listUsers()).toHaveLength(4);
  });
});

describe('after a sync login', () => {
  it('the login decides the current user: no switching to a local manager profile', async () => {
    const manager = await byRole('manager');
    const clerk = await byRole('clerk');
    await db().meta.put({ key: 'auth.session', value: { session: { user: { id: clerk.id } } } });
    await expect(setCurrentUser(manager.id)).rejects.toThrow('当前用户由登录决定');
    await expect(setCurrentUser(clerk.id)).resolves.toMatchObject({ id: clerk.id });
  });
});
