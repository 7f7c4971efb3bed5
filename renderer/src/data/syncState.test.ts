import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { writeWithOutbox } from './outbox';
import { applyPulledPage, bindStoreToOffice, getCursor, pendingCount, rejectedMutations, settlePushed } from './syncState';
import { localRecordVersions } from './syncStateApply';
import { listConflicts } from './syncStateConflicts';

const OFFICE = '11111111-1111-4111-8111-111111111111';
let n = 0;
beforeEach(() => {
  setDatabase(new HotlineDb(`sync-state-test-${++n}`));
});

const customer = (id: string, version: number, name: string) => ({ officeId: OFFICE, entity: 'customer' as const, id, version, deleted: false, data: { name, uscc: 'X', attachments: [] } });

describe('applyPulledPage', () => {
  it('stores the page and its cursor together, applies tombstones, ignores other offices', async () => {
    await applyPulledPage([customer('c1', 1, '北京甲乙科技有限公司'), customer('c2', 2, '乙'), { ...customer('x', 3, '外'), officeId: 'other' }], { [OFFICE]: 3 }, OFFICE, new Set());
    expect(await getCursor()).toEqual({ [OFFICE]: 3 });
    expect((await db().customers.get('c1'))?.searchTokens?.length).toBeGreaterThan(0);
    expect(await db().customers.get('x')).toBeUndefined();
    await applyPulledPage([{ officeId: OFFICE, entity: 'customer', id: 'c1', version: 4, deleted: true, data: null }], { [OFFICE]: 4 }, OFFICE, new Set());
    expect((await localRecordVersions()).map((r) => `${r.id}@${r.version}`)).toEqual(['c2@2']);
  });

  it('keeps a record with a pending local change', async () => {
    await applyPulledPage([customer('c1', 1, '甲')], { [OFFICE]: 1 }, OFFICE, new Set());
    await applyPulledPage([customer('c1', 5, '服务器')], { [OFFICE]: 5 }, OFFICE, new Set(['customer:c1']));
    expect((await db().customers.get('c1'))?.name).toBe('甲');
    expect(await getCursor()).toEqual({ [OFFICE]: 5 });
  });

  it('keeps conflicts for a person to resolve', async () => {
    await applyPulledPage(
      [customer('c1', 1, '甲'), { officeId: OFFICE, entity: 'conflict', id: 'k1', version: 2, deleted: false, data: { entity: 'customer', recordId: 'c1', field: 'name', serverValue: '甲', clientValue: '乙', status: 'open' } }],
      { [OFFICE]: 2 },
      OFFICE,
      new Set(),
    );
    expect(await listConflicts()).toMatchObject([{ id: 'k1', field: 'name', recordLabel: '甲', status: 'open' }]);
  });
});

describe('settlePushed', () => {
  it('drops applied mutations and keeps refused ones with the reason, without blocking the rest', async () => {
    const rows = [];
    for (const name of ['a', 'b', 'c']) {
      rows.push(await writeWithOutbox([db().users], async ({ enqueue }) => enqueue({ name, args: {} })));
    }
    const [a, b, c] = rows as [typeof rows[0], typeof rows[0], typeof rows[0]];
    await settlePushed(
      [
        { seq: a.seq!, mutationId: a.mutationId, status: 'applied', replayed: false },
        { seq: b.seq!, mutationId: b.mutationId, status: 'rejected', reason: { code: 'FORBIDDEN', message: '无权', messageEn: 'no' }, replayed: false },
      ],
      [c.seq!],
    );
    expect(await pendingCount()).toBe(0);
    expect(await rejectedMutations()).toMatchObject([{ name: 'b', rejection: { code: 'FORBIDDEN' } }]);
  });
});

describe('bindStoreToOffice', () => {
  it('binds a fresh store, and empties it for another office only when nothing is unsent', async () => {
    expect(await bindStoreToOffice(OFFICE)).toBe('bound');
    await applyPulledPage([customer('c1', 1, '甲')], { [OFFICE]: 1 }, OFFICE, new Set());
    await writeWithOutbox([db().users], async ({ enqueue }) => enqueue({ name: 'x', args: {} }));
    await expect(bindStoreToOffice('22222222-2222-4222-8222-222222222222')).rejects.toThrow(/未同步/);
    await db().outbox.clear();
    expect(await bindStoreToOffice('22222222-2222-4222-8222-222222222222')).toBe('reset');
    expect(await db().customers.count()).toBe(0);
    expect(await getCursor()).toEqual({});
  });
});
