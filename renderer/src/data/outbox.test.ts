import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { MutationSchema } from '../../../shared';
import { MissingMutationError, clientId, newEntityMeta, pendingMutations, toPushMutation, writeWithOutbox } from './outbox';

let n = 0;
beforeEach(() => {
  setDatabase(new HotlineDb(`outbox-test-${++n}`));
});

describe('writeWithOutbox', () => {
  it('stores the change and its mutation together, numbered in order', async () => {
    const user = { ...newEntityMeta(), name: '张三', role: 'clerk' as const, active: true };
    await writeWithOutbox([db().users], async ({ enqueue }) => {
      await db().users.add(user);
      await enqueue({ name: 'user.create', args: { user } });
    });
    await writeWithOutbox([db().users], async ({ enqueue }) => {
      await db().users.update(user.id, { name: '张三丰', version: 2 });
      await enqueue({ name: 'user.update', args: { id: user.id, name: '张三丰' }, baseVersion: 1 });
    });

    const rows = await pendingMutations();
    expect(rows.map((r) => r.name)).toEqual(['user.create', 'user.update']);
    expect(rows[0]!.seq).toBeLessThan(rows[1]!.seq!);
    expect(rows[0]!.mutationId).not.toBe(rows[1]!.mutationId);
    expect(rows[0]!.clientId).toBe(await clientId());
    expect(rows[1]!.baseVersion).toBe(1);
    expect((await db().users.get(user.id))?.name).toBe('张三丰');
    // Each row becomes a valid push mutation of the sync protocol.
    const officeId = crypto.randomUUID();
    for (const r of rows) expect(MutationSchema.parse(toPushMutation(r, officeId))).toMatchObject({ seq: r.seq, officeId });
  });

  it('keeps neither the change nor the mutation when the write fails', async () => {
    const user = { ...newEntityMeta(), name: '李四', role: 'clerk' as const, active: true };
    await expect(
      writeWithOutbox([db().users], async ({ enqueue }) => {
        await db().users.add(user);
        await enqueue({ name: 'user.create', args: { user } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db().users.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('refuses a write that queues no mutation', async () => {
    const user = { ...newEntityMeta(), name: '王五', role: 'clerk' as const, active: true };
    await expect(
      writeWithOutbox([db().users], async () => {
        await db().users.add(user);
      }),
    ).rejects.toBeInstanceOf(MissingMutationError);
    expect(await db().users.count()).toBe(0);
  });

  it('keeps one client id per database', async () => {
    const a = await clientId();
    expect(await clientId()).toBe(a);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
  });
});
