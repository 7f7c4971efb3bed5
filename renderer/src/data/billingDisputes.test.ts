import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, SCHEMA_VERSIONS, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { listDisputes, raiseDispute, resolveDispute } from './billingDisputes';
import { billingActionsTable, disputesTable } from './ledgerTypes';
import { reconcileRecord } from './syncState';
import { ENTITY_TABLES, metaRecordKey } from './syncStateApply';
import { PermissionError, type ValidationError } from './errors';
import { rejection } from './testSupport';

let n = 0;
let accountId = '';
const commands = async (name: string) => (await db().outbox.toArray()).filter((r) => r.name === name).map((r) => r.args);

beforeEach(async () => {
  setDatabase(new HotlineDb(`disputes-test-${++n}`));
  setClock('2026-11-02T02:00:00.000Z');
  ({ accountId } = await seedBillingAccount());
});

describe('call-record disputes on the device', () => {
  it('staff raise one offline (pending row + dispute.raise); bad input is refused by field, nothing saved', async () => {
    const bad = (await rejection(raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: ' ', reason: '' }))) as ValidationError;
    expect(bad.fields).toEqual({ carrierRecordId: '话单流水号：必填。', reason: '异议原因：必填。' });
    expect(await disputesTable().count()).toBe(0);
    const d = await raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打该号码' });
    expect(d).toMatchObject({ status: 'open', raisedOn: '2026-11-02', accountId });
    expect(await commands('dispute.raise')).toEqual([{ id: d.id, carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打该号码' }]);
    expect(((await rejection(raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T8', reason: '再提' }))) as ValidationError).fields.carrierRecordId).toContain('已有未处理的异议');
    expect((await listDisputes()).map((x) => x.id)).toEqual([d.id]);
    // a call this device holds, from 2026-07-31 (Beijing): the window closed on 2026-10-31
    await db().meta.put({ key: metaRecordKey('callRecord', 'telecom-T1'), value: { entity: 'callRecord', id: 'telecom-T1', version: 3, data: { carrier: 'telecom', carrierRecordId: 'T1', startAt: '2026-07-31T02:00:00.000Z', durationSeconds: 60 } } });
    const late = (await rejection(raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T1', reason: '未拨打' }))) as ValidationError;
    expect(late.fields.carrierRecordId).toContain('异议须在 2026-10-31 前提出');
    expect(await commands('dispute.raise')).toHaveLength(1);
    // a field agent carries no money records
    await actAs('field_agent');
    expect(await rejection(raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T9', reason: 'x' }))).toBeInstanceOf(PermissionError);
  });

  it('a manager decides it; an upheld amount travels with the id the server gives its adjustment; the pulled dispute replaces the pending one', async () => {
    const d = await raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打' });
    expect(await rejection(resolveDispute(d.id, { outcome: 'upheld', note: '确认' }))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    expect(((await rejection(resolveDispute(d.id, { outcome: 'upheld', note: ' ', adjustmentYuan: '0.4' }))) as ValidationError).fields.note).toBe('处理结果说明：必填。');
    const done = await resolveDispute(d.id, { outcome: 'upheld', note: '运营商确认重复计费', adjustmentYuan: '0.40' });
    expect(done).toMatchObject({ status: 'upheld', adjustmentFen: 40, ledgerEntryId: expect.any(String) });
    expect(await commands('dispute.resolve')).toEqual([{ id: d.id, outcome: 'upheld', note: '运营商确认重复计费', adjustmentFen: 40, adjustmentId: done.ledgerEntryId }]);
    expect(((await rejection(resolveDispute(d.id, { outcome: 'rejected', note: '再议' }))) as ValidationError).fields.outcome).toContain('已处理');
    await reconcileRecord('callDispute', d.id, { officeId: 'o1', entity: 'callDispute', id: d.id, version: 30, deleted: false, data: { ...done } }, 'o1');
    expect(await disputesTable().get(d.id)).toMatchObject({ version: 30, status: 'upheld' });
  });
});

describe('schema version 6', () => {
  it('adds the disputes table the pull fills, and gives action rows copied from REST empty details, keeping them', async () => {
    expect(ENTITY_TABLES.callDispute).toBe('disputes');
    expect(ENTITY_TABLES.billingAction).toBe('billingActions');
    const name = 'upgrade-to-v6';
    const v5 = new HotlineDb(name, SCHEMA_VERSIONS.filter((v) => v.version <= 5));
    await v5.table('billingActions').put({ id: 'a1', accountId: 'acc', action: 'suspend', onDate: '2026-10-16', reason: '逾期', automatic: true, reversedAt: null, reversedBy: null, reversalReason: null, version: 0 });
    expect(v5.verno).toBe(5);
    v5.close();
    const current = new HotlineDb(name);
    setDatabase(current);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(6);
    expect(await billingActionsTable().get('a1')).toMatchObject({ reason: '逾期', details: {} });
    await disputesTable().put({ id: 'd1', carrier: 'telecom', carrierRecordId: 'T1', accountId: 'acc', raisedOn: '2026-11-01', reason: 'x', status: 'open', outcome: null, adjustmentFen: null, ledgerEntryId: null });
    expect(await disputesTable().where('[carrier+carrierRecordId]').equals(['telecom', 'T1']).count()).toBe(1);
    await current.delete();
  });
});
