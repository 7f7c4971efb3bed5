// Pull answers are shared by identical requests at the same office state (server/src/sync/pull.ts).
// A shared answer must never hide a later write, never move a record a second time, and never
// cross the visibility line: each case pulls the same cursor twice around a change.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../shared/sync/index';
import { createOffice, type Db } from '../server/src/index';
import { writeRecords } from '../server/src/sync/changes';
import { pull } from '../server/src/sync/pull';
import type { AuthInfo } from '../server/src/sync/context';
import { openTestDb, suiteTitle, testBackends } from './server-harness';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('pull answers shared at one office state', backend), () => {
    let db: Db;
    let dispose: () => Promise<void>;
    let officeId: string;
    const clerk = (): AuthInfo => ({ userId: randomUUID(), role: 'clerk', officeIds: [officeId] }) as AuthInfo;
    const agent = (userId: string): AuthInfo => ({ userId, role: 'field_agent', officeIds: [officeId] }) as AuthInfo;
    const page = (auth: AuthInfo, cursor: Record<string, number>, limit = 1000) => pull(db, auth, { protocolVersion: SYNC_PROTOCOL_VERSION, cursor, limit });
    const write = (entity: 'customer' | 'lease', id: string, data: Record<string, unknown>) =>
      db.transaction((tx) => writeRecords(tx, officeId, 'test', [{ entity, id, data, deleted: false, changedFields: Object.keys(data) }]));

    beforeAll(async () => {
      const t = await openTestDb(backend.kind);
      db = t.db;
      dispose = t.dispose;
      const o = await createOffice(db, { name: `缓存测试${randomUUID().slice(0, 6)}`, prefix: `C${randomUUID().slice(0, 5).toUpperCase()}` });
      officeId = o.id;
    });
    afterAll(async () => {
      await dispose?.();
    });

    it('a write after an answer is in the next answer to the same request', async () => {
      const a = randomUUID();
      await write('customer', a, { name: '甲' });
      const auth = clerk();
      const first = await page(auth, {});
      expect(first.changes.map((c) => c.id)).toContain(a);
      const again = await page(auth, {});
      expect(again).toEqual({ ...first, serverTime: again.serverTime });

      const b = randomUUID();
      await write('customer', b, { name: '乙' });
      const after = await page(auth, {});
      expect(after.changes.map((c) => c.id)).toEqual([...first.changes.map((c) => c.id), b]);
      expect(after.cursor[officeId]).toBeGreaterThan(first.cursor[officeId]!);
    });

    it('an edited record leaves its old place in a page answered before', async () => {
      const auth = clerk();
      const before = await page(auth, {});
      const target = before.changes.find((c) => c.entity === 'customer')!;
      await write('customer', target.id, { name: '改名' });
      const after = await page(auth, {});
      const copies = after.changes.filter((c) => c.id === target.id);
      expect(copies).toHaveLength(1);
      expect(copies[0]!.version).toBeGreaterThan(target.version);
      expect((copies[0]!.data as { name: string }).name).toBe('改名');
    });

    it('a page limited by size is not served for another limit', async () => {
      const auth = clerk();
      const small = await page(auth, {}, 1);
      expect(small.changes).toHaveLength(1);
      expect(small.hasMore).toBe(true);
      const big = await page(auth, {}, 1000);
      expect(big.changes.length).toBeGreaterThan(1);
    });

    it('a field agent never gets the answer built for a colleague or a clerk', async () => {
      const u1 = randomUUID();
      const u2 = randomUUID();
      const l1 = randomUUID();
      const l2 = randomUUID();
      await write('lease', l1, { userId: u1, numbers: [] });
      await write('lease', l2, { userId: u2, numbers: [] });
      const leases = (p: { changes: { entity: string; id: string }[] }) => p.changes.filter((c) => c.entity === 'lease').map((c) => c.id).sort();
      // same cursor, same office state: the clerk's answer is built first
      expect(leases(await page(clerk(), {}))).toEqual([l1, l2].sort());
      expect(leases(await page(agent(u1), {}))).toEqual([l1]);
      expect(leases(await page(agent(u2), {}))).toEqual([l2]);
      expect(leases(await page(agent(u1), {}))).toEqual([l1]);
    });
  });
}
