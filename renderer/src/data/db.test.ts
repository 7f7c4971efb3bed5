import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HotlineDb, SCHEMA_VERSIONS, V1_OFFICE_PROFILE_SETTING, setDatabase } from './db';
import { getOfficeProfile } from './officeProfile';
import { getLanguagePreference, saveLanguagePreference } from './preferences';

describe('schema versions', () => {
  it('are numbered upward without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('upgrade a version-1 database and keep its data', async () => {
    const name = 'upgrade-from-v1';
    const v1 = new HotlineDb(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.settings.bulkPut([
      { key: 'language', value: 'en', updatedAt: '2026-01-02T03:04:05.000Z' },
      {
        key: V1_OFFICE_PROFILE_SETTING,
        updatedAt: '2026-01-02T03:04:05.000Z',
        value: {
          name: '老机构',
          address: '广州市天河区',
          legalRepresentative: '王芳',
          phone: '020-38881234',
          bankName: '中国银行',
          bankAccount: '12345678901',
          contractPrefix: 'GZ',
        },
      },
    ]);
    expect(v1.verno).toBe(1);
    v1.close();

    const current = new HotlineDb(name);
    setDatabase(current);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const profile = await getOfficeProfile();
    expect(profile).toMatchObject({ name: '老机构', contractPrefix: 'GZ', timeZone: 'Asia/Shanghai' });
    expect(profile?.updatedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(await current.settings.get(V1_OFFICE_PROFILE_SETTING)).toBeUndefined();
    expect(await getLanguagePreference()).toBe('en');
    await current.delete();
  });

  it('a fresh database starts empty and stores the language', async () => {
    const fresh = new HotlineDb('fresh');
    setDatabase(fresh);
    expect(await getLanguagePreference()).toBeNull();
    await saveLanguagePreference('zh-CN');
    expect(await getLanguagePreference()).toBe('zh-CN');
    await fresh.delete();
  });
});
