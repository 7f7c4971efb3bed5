// The pull page as the database builds it (server/src/sync/pull.ts): one row of JSON text per
// office page, visibility in SQL, a byte budget. Checked against the plain reading of the table:
// paging through with any page size and budget yields exactly the rows `visible()` allows, each
// with its stored data unchanged (quotes, backslashes, CJK, nested values survive the splice),
// tombstones as data null, and the cursor ends on the office's last version.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type Change, type RecordData, type SyncEntity } from '../shared/sync/index';
import { createOffice, type Db } from '../server/src/index';
import { writeRecords, type RecordWrite } from '../server/src/sync/changes';
import { PAGE_SQL, pull, visible } from '../server/src/sync/pull';
import type { AuthInfo } from '../server/src/sync/context';
import { openTestDb, suiteTitle, testBackends } from './server-harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

const backends = await testBackends();

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('pull page built by the database', backend), () => {
    let db: Db;
    let dispose: () => Promise<void>;
    let officeId: string;
    let otherOffice: string;
    const agent1 = randomUUID();
    const agent2 = randomUUID();

    beforeAll(async () => {
      const t = await openTestDb(backend.kind, { poolSize: 4 });
      db = t.db;
      dispose = t.dispose;
      officeId = (await createOffice(db, { name: `页-${randomUUID().slice(0, 6)}`, prefix: `P${randomUUID().slice(0, 4)}` })).id;
      otherOffice = (await createOffice(db, { name: `他-${randomUUID().slice(0, 6)}`, prefix: `Q${randomUUID().slice(0, 4)}` })).id;
      const w = (entity: SyncEntity, data: RecordData | null, id: string = randomUUID()): RecordWrite => ({ entity, id, data, deleted: data === null, changedFields: data ? Object.keys(data) : [] });
      const writes: RecordWrite[] = [
        w('customer', { name: '引号"与\\反斜杠\n换行 公司', tags: ['a', { b: [1, 2.5, null, true] }], emoji: '😀', empty: {} }),
        w('customer', { name: '普通公司' }),
        w('customer', null),
        w('account', { customerId: 'x', balanceFen: -1200 }),
        w('payment', { accountId: 'x', amountFen: 500 }),
        w('conflict', { entity: 'customer', recordId: 'x', field: 'name', status: 'open' }),
        w('conflict', { entity: 'account', recordId: 'x', field: 'packageId', status: 'open' }),
        w('conflict', { entity: 42, recordId: 'x', field: 'odd', status: 'open' }),
        w('conflict', null),
        w('lease', { userId: agent1, numbers: ['4008100000'] }),
        w('lease', { userId: agent2, numbers: ['4008100001'] }),
        w('lease', null),
        w('hotlineNumber', { status: 'available', customerId: null }, '4008100002'),
      ];
      for (let i = 0; i < 20; i++) writes.push(w('customer', { name: `客户${i}`, n: i }));
      await db.transaction((tx) => writeRecords(tx, officeId, 'seed', writes));
      await db.transaction((tx) => writeRecords(tx, otherOffice, 'seed', [w('customer', { name: '别的营业厅' })]));
    });
    afterAll(async () => {
      await dispose?.();
    });

    async function expected(auth: AuthInfo): Promise<{ changes: Change[]; last: number }> {
      const r = await db.query<{ entity: SyncEntity; id: string; version: number; deleted: boolean; data: RecordData | null }>('SELECT entity, id, version, deleted, data FROM records WHERE office_id = $1 ORDER BY version', [officeId]);
      const changes = r.rows.filter((row) => visible(auth, row.entity, row.data)).map((row) => ({ officeId, entity: row.entity, id: row.id, version: Number(row.version), deleted: row.deleted, data: row.deleted ? null : row.data }));
      return { changes, last: Number(r.rows[r.rows.length - 1]!.version) };
    }

    async function pullAll(auth: AuthInfo, limit: number, byteBudget?: number) {
      const got: Change[] = [];
      let cursor: Record<string, number> = {};
      let pages = 0;
      for (;;) {
        const page = await pull(db, auth, { protocolVersion: SYNC_PROTOCOL_VERSION, cursor, limit }, byteBudget);
        got.push(...page.changes);
        cursor = page.cursor;
        pages++;
        if (!page.hasMore) return { got, cursor, pages };
        expect(pages).toBeLessThan(500);
      }
    }

    const roles: [string, () => AuthInfo][] = [
      ['admin', () => ({ userId: randomUUID(), role: 'admin', officeIds: [officeId] })],
      ['clerk', () => ({ userId: randomUUID(), role: 'clerk', officeIds: [officeId] })],
      ['field agent 1', () => ({ userId: agent1, role: 'field_agent', officeIds: [officeId] })],
      ['field agent 2', () => ({ userId: agent2, role: 'field_agent', officeIds: [officeId] })],
    ];

    for (const [name, auth] of roles) {
      it(`${name}: any page size yields exactly the visible rows, data unchanged, cursor at the last version`, async () => {
        const a = auth();
        const want = await expected(a);
        for (const limit of [1, 3, 7, 1000]) {
          const { got, cursor } = await pullAll(a, limit);
          expect(got).toEqual(want.changes);
          expect(cursor).toEqual({ [officeId]: want.last });
        }
      });
    }

    it('a field agent sees its own lease only, and no conflict about an entity it may not read', async () => {
      const { got } = await pullAll({ userId: agent1, role: 'field_agent', officeIds: [officeId] }, 1000);
      const leases = got.filter((c) => c.entity === 'lease');
      expect(leases.map((c) => c.data?.userId)).toEqual([agent1]);
      expect(got.some((c) => c.entity === 'account' || c.entity === 'payment')).toBe(false);
      // the conflict about an account stays out; a conflict's tombstone carries nothing to hide
      expect(got.filter((c) => c.entity === 'conflict').map((c) => c.data?.entity ?? null)).toEqual(['customer', 42, null]);
    });

    it('the byte budget cuts pages early but loses nothing; a page always holds a row', async () => {
      const a: AuthInfo = { userId: randomUUID(), role: 'admin', officeIds: [officeId] };
      const want = await expected(a);
      const tiny = await pullAll(a, 1000, 1);
      expect(tiny.got).toEqual(want.changes);
      expect(tiny.pages).toBeGreaterThanOrEqual(want.changes.length);
      const some = await pullAll(a, 1000, 300);
      expect(some.got).toEqual(want.changes);
      expect(some.pages).toBeGreaterThan(1);
      expect(some.pages).toBeLessThan(tiny.pages);
    });

    it('offices the caller does not belong to stay out, even when named in the cursor', async () => {
      const a: AuthInfo = { userId: randomUUID(), role: 'clerk', officeIds: [officeId] };
      const page = await pull(db, a, { protocolVersion: SYNC_PROTOCOL_VERSION, cursor: { [otherOffice]: 0 }, limit: 1000 });
      expect(page.changes.every((c) => c.officeId === officeId)).toBe(true);
      expect(Object.keys(page.cursor)).toEqual([officeId]);
    });

    it('walks records_office_version in order instead of scanning and sorting every row above the cursor', async () => {
      const plan = await db.transaction(async (tx) => {
        await tx.exec('SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
        const r = await tx.query<Record<string, string>>(`EXPLAIN ${PAGE_SQL}`, [officeId, 0, 1000, 1 << 20, ['customer'], false, randomUUID()]);
        return r.rows.map((x) => Object.values(x)[0]).join('\n');
      });
      expect(plan).toMatch(/Index Scan using records_office_version/);
      expect(plan).not.toMatch(/Bitmap/);
    });
  });
}
