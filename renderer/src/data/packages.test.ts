import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { ensureDefaultUsers } from './session';
import { actAs, rejection } from './testSupport';
import { PermissionError, ValidationError } from './errors';
import { createPackage, listPackages, setPackageActive, updatePackage, type PackageInput } from './packages';

const BASIC: PackageInput = {
  name: '标准套餐 3000',
  prepaymentFen: 300_000,
  monthlyMinimumFen: 10_000,
  tariffFenPerMinute: 25,
  includedMinutes: 1000,
  termMonths: 12,
  featureFees: [
    { name: '彩铃', monthlyFen: 1_000 },
    { name: '通话录音', monthlyFen: 3_000 },
  ],
};

let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`packages-test-${++n}`));
  setClock('2026-11-22T02:00:00.000Z');
  await ensureDefaultUsers();
  await actAs('manager');
});

describe('packages', () => {
  it('a manager creates and edits a package, each write with its outbox mutation', async () => {
    const p = await createPackage(BASIC);
    expect(p).toMatchObject({ tariffFenPerMinute: 25, active: true, status: 'active', version: 1 });
    const edited = await updatePackage(p.id, { ...BASIC, tariffFenPerMinute: 36 });
    expect(edited.version).toBe(2);
    expect((await listPackages())[0]!.tariffFenPerMinute).toBe(36);
    const names = (await db().outbox.toArray()).map((o) => o.name);
    expect(names).toEqual(['package.create', 'package.update']);
  });

  it('refuses clerks and field agents in the repository', async () => {
    await actAs('clerk');
    const e = await rejection(createPackage(BASIC));
    expect(e).toBeInstanceOf(PermissionError);
    expect((e as Error).message).toContain('无权编辑套餐资费');
    await actAs('field_agent');
    expect(await rejection(createPackage(BASIC))).toBeInstanceOf(PermissionError);
    expect(await db().packages.count()).toBe(0);
  });

  it('names each bad field in zh-CN and saves nothing', async () => {
    const e = (await rejection(
      createPackage({ ...BASIC, name: ' ', tariffFenPerMinute: 0.25, termMonths: 0, featureFees: [{ name: '彩铃', monthlyFen: -1 }] }),
    )) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.fields.name).toContain('套餐名称');
    expect(e.fields.tariffFenPerMinute).toContain('以分为单位的整数');
    expect(e.fields.termMonths).toContain('至少为 1 个月');
    expect(e.fields['featureFees.0.monthlyFen']).toContain('功能费第 1 行');
    expect(await db().packages.count()).toBe(0);
  });

  it('refuses a duplicate name and a duplicate feature', async () => {
    await createPackage(BASIC);
    expect(((await rejection(createPackage(BASIC))) as ValidationError).fields.name).toContain('已存在');
    const dup = { ...BASIC, name: '另一个', featureFees: [{ name: '彩铃', monthlyFen: 1 }, { name: '彩铃', monthlyFen: 2 }] };
    expect(((await rejection(createPackage(dup))) as ValidationError).fields['featureFees.1']).toContain('重复');
  });

  it('a retired package is no longer offered but kept', async () => {
    const p = await createPackage(BASIC);
    await setPackageActive(p.id, false);
    expect(await listPackages()).toEqual([]);
    expect(await listPackages({ includeRetired: true })).toHaveLength(1);
  });
});
