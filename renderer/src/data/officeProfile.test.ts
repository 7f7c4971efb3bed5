import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, setDatabase } from './db';
import { getOfficeProfile, OfficeProfileValidationError, saveOfficeProfile } from './officeProfile';
import { ensureDefaultUsers } from './session';
import { PermissionError } from './errors';
import { actAs } from './testSupport';

const good = {
  name: '北京声通信息技术有限公司',
  address: '北京市朝阳区建国路 88 号',
  legalRepresentative: '张伟',
  phone: '010-65881234',
  bankName: '中国工商银行北京朝阳支行',
  bankAccount: '0200 0012 3456 7890 123',
  contractPrefix: 'ht',
  timeZone: 'Asia/Shanghai',
};

let database: HotlineDb;
let n = 0;
beforeEach(async () => {
  database = new HotlineDb(`office-profile-test-${n++}`);
  setDatabase(database);
  await ensureDefaultUsers();
  await actAs('manager');
});
afterEach(async () => {
  await database.delete();
});

describe('office profile repository', () => {
  it('is the office\'s data: a clerk (the default local user) is refused and nothing is saved or queued', async () => {
    await actAs('clerk');
    const error = await saveOfficeProfile(good).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as Error).message).toContain('修改设置');
    expect(await getOfficeProfile()).toBeNull();
    expect(await database.outbox.count()).toBe(0);
    await actAs('admin');
    expect((await saveOfficeProfile(good)).contractPrefix).toBe('HT');
  });

  it('has no profile before the office fills it in', async () => {
    expect(await getOfficeProfile()).toBeNull();
  });

  it('saves a valid profile normalised, and reads it back', async () => {
    const saved = await saveOfficeProfile(good);
    expect(saved.contractPrefix).toBe('HT');
    expect(saved.bankAccount).toBe('0200001234567890123');
    expect(Date.parse(saved.updatedAt)).not.toBeNaN();
    expect(saved.updatedAt.endsWith('Z')).toBe(true);
    const read = await getOfficeProfile();
    expect(read).toEqual(saved);
  });

  it('refuses bad input with a zh-CN message per field and writes nothing', async () => {
    await saveOfficeProfile(good);
    const before = await getOfficeProfile();
    const bad = { ...good, name: '新名字', contractPrefix: 'H-1', phone: '12345', bankAccount: 'abc' };
    const error = await saveOfficeProfile(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeProfileValidationError);
    const fieldErrors = (error as OfficeProfileValidationError).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(['bankAccount', 'contractPrefix', 'phone']);
    expect(fieldErrors.contractPrefix).toContain('合同编号前缀');
    expect(fieldErrors.phone).toContain('联系电话');
    expect(await getOfficeProfile()).toEqual(before);
  });

  it('uses the given translator for messages', async () => {
    const error = await saveOfficeProfile({ ...good, name: '  ' }, (key) => `T:${key}`).catch((e: unknown) => e);
    expect((error as OfficeProfileValidationError).fieldErrors).toEqual({ name: 'T:errors.name.required' });
  });

  it('a missing field is reported, not saved', async () => {
    const { timeZone: _omit, ...partial } = good;
    await expect(saveOfficeProfile(partial)).rejects.toThrow('办公时区');
    expect(await getOfficeProfile()).toBeNull();
  });
});
