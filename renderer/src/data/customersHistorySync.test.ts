import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { createCustomer, customerHistory, updateCustomer } from './customers';
import { applyPulledPage } from './syncState';
import { localRecordVersions } from './syncStateApply';
import { ensureDefaultUsers } from './session';
import { actAs } from './testSupport';

const OFFICE = '11111111-1111-4111-8111-111111111111';
let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`customers-history-sync-${++n}`));
  await ensureDefaultUsers();
  await actAs('clerk');
});

const input = {
  name: '郑州市某某科技有限公司',
  uscc: '91350100M000100Y43',
  legalRepresentative: '张三',
  address: '郑州市金水区花园路 1 号',
  landline: '0371-67891234',
  handlerName: '李四',
  handlerIdNumber: '11010519491231002X',
  handlerMobile: '13812345678',
  email: null,
};

/** A history line as the server writes it (server/src/sync/history.ts). */
const serverLine = (customerId: string, version: number, field: string, oldValue: string | null, newValue: string | null, at: string) => ({
  officeId: OFFICE,
  entity: 'customerHistory' as const,
  id: `m-${version}`,
  version,
  deleted: false,
  data: { customerId, at, userId: 'u-server', userName: '王五', field, oldValue, newValue, mutationId: `m-${version}` },
});

describe('pulled customer history', () => {
  it('replaces the device\'s own lines of the same changes; every line then carries the server\'s who and when', async () => {
    const c = await createCustomer(input);
    await updateCustomer(c.id, { handlerMobile: '13912345678' });
    expect((await customerHistory(c.id)).map((h) => h.field).sort()).toEqual(['created', 'handlerMobile']);

    await applyPulledPage(
      [
        serverLine(c.id, 7, 'created', null, input.name, '2026-11-22T01:00:00.000Z'),
        serverLine(c.id, 9, 'handlerMobile', '13812345678', '13912345678', '2026-11-22T01:05:00.000Z'),
        // a colleague's change made on another device
        serverLine(c.id, 12, 'address', input.address, '郑州市二七区 9 号', '2026-11-22T02:00:00.000Z'),
      ],
      { [OFFICE]: 12 },
      OFFICE,
      new Set(),
    );
    const lines = await customerHistory(c.id);
    // newest first, each change once, all from the server
    expect(lines.map((h) => [h.field, h.userName, h.at])).toEqual([
      ['address', '王五', '2026-11-22T02:00:00.000Z'],
      ['handlerMobile', '王五', '2026-11-22T01:05:00.000Z'],
      ['created', '王五', '2026-11-22T01:00:00.000Z'],
    ]);
    expect((await localRecordVersions()).filter((r) => r.entity === 'customerHistory').map((r) => r.version).sort((a, b) => a - b)).toEqual([7, 9, 12]);
  });

  it('keeps local lines the server has not written (yet), and never counts them as synced records', async () => {
    const c = await createCustomer(input);
    await applyPulledPage([serverLine(c.id, 3, 'address', input.address, '别处', '2026-11-22T03:00:00.000Z')], { [OFFICE]: 3 }, OFFICE, new Set());
    expect((await customerHistory(c.id)).map((h) => h.field).sort()).toEqual(['address', 'created']);
    expect(await db().customerHistory.count()).toBe(2);
    expect((await localRecordVersions()).filter((r) => r.entity === 'customerHistory')).toHaveLength(1);
  });
  it('orders lines written in one push (same server time) by the server\'s version, newest first', async () => {
    const c = await createCustomer(input);
    const at = '2026-11-22T04:00:00.000Z';
    // ids chosen so that id order is the opposite of the server's order
    const lines = [serverLine(c.id, 20, 'created', null, input.name, at), serverLine(c.id, 21, 'address', input.address, '郑州市金水区历史路 1 号', at)];
    lines[0]!.id = 'z-created';
    lines[1]!.id = 'a-address';
    await applyPulledPage(lines, { [OFFICE]: 21 }, OFFICE, new Set());
    expect((await customerHistory(c.id)).map((h) => h.field)).toEqual(['address', 'created']);
  });
});
