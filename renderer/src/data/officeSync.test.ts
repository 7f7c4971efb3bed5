import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { applyPulledPage } from './syncState';
import { metaRecordKey } from './syncStateApply';
import { officeMetaKey } from './officeSync';
import { getOfficeProfile, saveOfficeProfile, saveOfficeSettings } from './officeProfile';
import { officeSettings, addRange } from './numbers';
import { ensureDefaultGradeRules, listGradeRules } from './gradeRules';
import { ensureDefaultUsers } from './session';
import { actAs, rejection } from './testSupport';
import { ValidationError } from './errors';
import { translate } from '../sync/translate';
import { MUTATION_ARGS } from '../../../shared/sync/index';

const OFFICE = '11111111-1111-4111-8111-111111111111';
let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`office-sync-test-${++n}`));
  await ensureDefaultUsers();
});

const PROFILE = { name: '北京朝阳营业厅', address: '北京市朝阳区建国路 1 号', legalRepresentative: '张三', phone: '010-65881234', bankName: '工商银行', bankAccount: '6222020000000000', contractPrefix: 'BJ', timeZone: 'Asia/Shanghai' };
const office = (id: string, version: number, data: Record<string, unknown>) => ({ officeId: OFFICE, entity: 'office' as const, id, version, deleted: false, data });

describe('the office\'s own data pulled from the server', () => {
  it('lands where the app reads it: settings, profile, and the grade table that re-grades unsold numbers', async () => {
    await actAs('manager');
    await ensureDefaultGradeRules();
    await addRange('4008128888', '4008128889');
    expect((await db().numbers.get('4008128888'))?.grade).not.toBeNull();
    const rules = [{ id: 'r-plain', name: '普通号', patterns: [], match: 'all', priceFen: 100, minimumMonthlyFen: 0, requiredPackageId: null, sortOrder: 0, active: true }];
    await applyPulledPage(
      [
        office('settings', 3, { coolingDays: 60, reservationDays: 7, updatedAt: 'x', updatedBy: 'u' }),
        office('profile', 4, { ...PROFILE, updatedAt: '2026-11-22T01:00:00.000Z' }),
        office('gradeRules', 5, { rules }),
      ],
      { [OFFICE]: 5 },
      OFFICE,
      new Set(),
    );
    expect(await officeSettings()).toMatchObject({ coolingDays: 60, reservationDays: 7, overdueDaysToTermination: 90 });
    expect(await getOfficeProfile()).toMatchObject({ name: '北京朝阳营业厅', updatedAt: '2026-11-22T01:00:00.000Z' });
    expect((await listGradeRules()).map((r) => [r.id, r.name, r.version])).toEqual([['r-plain', '普通号', 5]]);
    // the shipped defaults this device seeded are gone (kept as deleted for sold numbers)
    expect((await db().gradeRules.toArray()).filter((r) => !r.deletedAt)).toHaveLength(1);
    expect(await db().numbers.get('4008128888')).toMatchObject({ grade: 'r-plain', priceFen: 100 });
  });

  it('grades numbers new to this device with the office\'s pulled table, else the seeded defaults', async () => {
    const num = (digits: string, version: number) => ({ officeId: OFFICE, entity: 'hotlineNumber' as const, id: digits, version, deleted: false, data: { status: 'available', updatedAt: '2026-11-22T01:00:00.000Z' } });
    // no office table on the server yet: the shipped defaults (四连号 for …8888, 无四号 for …1235)
    await applyPulledPage([num('4008128888', 1), num('4008121235', 1)], { [OFFICE]: 1 }, OFFICE, new Set());
    const seeded = await db().numbers.bulkGet(['4008128888', '4008121235']);
    expect(seeded.map((n) => [n?.grade, n?.priceFen])).toEqual([['00000000-0000-4000-8000-000000000001', 800_000], ['00000000-0000-4000-8000-000000000006', 30_000]]);
    // the office's table arrives in the same page as a new number: the number follows the office's table
    const rules = [{ id: 'r-tail8', name: '尾号8', patterns: ['AAAA'], match: 'all', priceFen: 123_400, minimumMonthlyFen: 0, requiredPackageId: null }];
    await applyPulledPage([office('gradeRules', 2, { rules }), num('4008127777', 2)], { [OFFICE]: 2 }, OFFICE, new Set());
    expect(await db().numbers.get('4008127777')).toMatchObject({ grade: 'r-tail8', priceFen: 123_400 });
    expect(await db().numbers.get('4008121235')).toMatchObject({ grade: null, priceFen: 0 });
  });

  it('keeps the local copy on a tombstone and keeps the meta key of syncStateApply', async () => {
    expect(officeMetaKey('settings')).toBe(metaRecordKey('office', 'settings'));
    await applyPulledPage([office('profile', 1, PROFILE)], { [OFFICE]: 1 }, OFFICE, new Set());
    await applyPulledPage([{ officeId: OFFICE, entity: 'office', id: 'profile', version: 2, deleted: true, data: null }], { [OFFICE]: 2 }, OFFICE, new Set());
    expect((await getOfficeProfile())?.name).toBe('北京朝阳营业厅');
  });
});

describe('saving the office\'s data queues office.update', () => {
  it('saves changed settings (managers) and reads them back; a bad value names the field, nothing saved', async () => {
    await actAs('manager');
    await saveOfficeSettings({ coolingDays: 45 });
    expect((await officeSettings()).coolingDays).toBe(45);
    const queued = await db().outbox.toArray();
    expect(queued.map((r) => [r.name, r.args])).toEqual([['office.update', { settings: { coolingDays: 45 } }]]);
    const bad = await rejection(saveOfficeSettings({ coolingDays: -3 }));
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).message).toContain('冷冻期');
    await actAs('clerk');
    expect(await rejection(saveOfficeSettings({ coolingDays: 10 }))).toBeTruthy();
    expect((await officeSettings()).coolingDays).toBe(45);
    expect(await db().outbox.count()).toBe(1);
  });

  it('queues the whole profile with its save', async () => {
    await actAs('manager');
    await saveOfficeProfile({ ...PROFILE, contractPrefix: 'bj' });
    const queued = await db().outbox.toArray();
    expect(queued.map((r) => r.name)).toEqual(['office.update']);
    expect((queued[0]!.args as { profile: { contractPrefix: string } }).profile.contractPrefix).toBe('BJ');
    // the same zone as the settings': the settings are not touched
    expect(queued[0]!.args).not.toHaveProperty('settings');
  });

  it('a profile in another time zone moves the office settings\' zone with it, in the same command', async () => {
    await actAs('manager');
    await saveOfficeProfile({ ...PROFILE, timeZone: 'Asia/Urumqi' });
    expect((await officeSettings()).timeZone).toBe('Asia/Urumqi');
    const queued = await db().outbox.toArray();
    expect(queued.map((r) => r.args)).toEqual([{ profile: expect.objectContaining({ timeZone: 'Asia/Urumqi' }), settings: { timeZone: 'Asia/Urumqi' } }]);
    const t = translate(queued[0]!);
    if (t.kind === 'send') expect(MUTATION_ARGS['office.update'].safeParse(t.args).success).toBe(true);
    else throw new Error('office.update must be sent');
  });
});
