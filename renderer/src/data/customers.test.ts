import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { createCustomer, customerHistory, getCustomer, updateCustomer } from './customers';
import { companyNameTokens, searchCustomers } from './customersSearch';
import { verifyCustomer } from './customersVerify';
import { addAttachment } from './attachments';
import { PermissionError, ValidationError } from './errors';
import { ensureDefaultUsers, getCurrentUser } from './session';
import { actAs, rejection } from './testSupport';
import { SEED_CUSTOMER } from './accountTestSeed';
import type { CustomerInput } from './customersValidation';

/** The seed customer as a clerk types it: a spaced mobile, an e-mail in mixed case. */
const GOOD: CustomerInput = { ...SEED_CUSTOMER, handlerMobile: '138 0013 8000', email: 'Li.Na@Example.com' };
/** Right shape, wrong check character. */
const CHECKSUM_BAD_USCC = '91350100M000100Y44';

let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`customers-test-${++n}`));
  setClock('2026-11-22T02:00:00.000Z');
  await ensureDefaultUsers();
});

describe('createCustomer', () => {
  it('stores normalised values, a history row and one outbox mutation', async () => {
    expect((await getCurrentUser())?.role).toBe('clerk');
    const c = await createCustomer(GOOD);
    expect(c).toMatchObject({ handlerMobile: '13800138000', landline: '0371-65123456', email: 'li.na@example.com', version: 1, usccOverrideReason: null, realNameStatus: 'pending' });
    expect(await getCustomer(c.id)).toMatchObject({ name: GOOD.name });
    const history = await customerHistory(c.id);
    expect(history.map((h) => h.field)).toEqual(['created']);
    const outbox = await db().outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ name: 'record.create', args: { entity: 'customer', id: c.id } });
    // The mutation carries the descriptive data, not the local search index.
    expect((outbox[0]!.args as { data: Record<string, unknown> }).data).not.toHaveProperty('searchTokens');
  });

  it('names every bad field in zh-CN and saves nothing', async () => {
    const e = await rejection(
      createCustomer({ ...GOOD, name: ' ', uscc: '123', handlerIdNumber: '410502199003071233', handlerMobile: '12345', landline: '0371-0123456', email: 'nope' }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    const fields = (e as ValidationError).fields;
    expect(Object.keys(fields).sort()).toEqual(['email', 'handlerIdNumber', 'handlerMobile', 'landline', 'name', 'uscc']);
    expect(fields.name).toBe('企业名称不能为空。');
    expect(fields.handlerIdNumber).toMatch(/^经办人身份证号码/);
    expect(fields.handlerMobile).toMatch(/^经办人手机号码/);
    expect(fields.landline).toMatch(/^企业固定电话/);
    expect(fields.email).toMatch(/^电子邮箱/);
    expect(fields.uscc).toMatch(/^统一社会信用代码/);
    expect(await db().customers.count()).toBe(0);
    expect(await db().customerHistory.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('refuses a second customer with the same USCC, leaving no outbox row for it', async () => {
    await createCustomer(GOOD);
    const e = await rejection(createCustomer({ ...GOOD, name: '另一家公司', uscc: GOOD.uscc.toLowerCase() }));
    expect((e as ValidationError).fields.uscc).toContain('已登记为客户「郑州星辰通信科技有限公司」');
    expect(await db().customers.count()).toBe(1);
    expect(await db().outbox.count()).toBe(1);
  });
});

describe('USCC checksum override', () => {
  it('blocks a checksum failure without a reason, marking it overridable', async () => {
    const e = await rejection(createCustomer({ ...GOOD, uscc: CHECKSUM_BAD_USCC }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).usccChecksumOverridable).toBe(true);
    expect(await db().customers.count()).toBe(0);
  });

  it('lets only a manager override, and stores the reason', async () => {
    const refused = await rejection(createCustomer({ ...GOOD, uscc: CHECKSUM_BAD_USCC }, { usccOverrideReason: '试点期老代码，营业执照原件已核对' }));
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as Error).message).toContain('经理');
    expect(await db().customers.count()).toBe(0);

    await actAs('manager');
    const c = await createCustomer({ ...GOOD, uscc: CHECKSUM_BAD_USCC }, { usccOverrideReason: '试点期老代码，营业执照原件已核对' });
    expect(c).toMatchObject({ usccOverrideReason: '试点期老代码，营业执照原件已核对', usccOverrideBy: '经理' });
    expect((await customerHistory(c.id)).map((h) => h.field).sort()).toEqual(['created', 'usccOverrideReason']);
  });

  it('never overrides a code of the wrong shape', async () => {
    await actAs('manager');
    const e = await rejection(createCustomer({ ...GOOD, uscc: '91350100M000100Y4' }, { usccOverrideReason: '经理同意放行' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).usccChecksumOverridable).toBe(false);
  });

  it('keeps an override while the code stays the same, so a clerk can still edit other fields', async () => {
    await actAs('manager');
    const c = await createCustomer({ ...GOOD, uscc: CHECKSUM_BAD_USCC }, { usccOverrideReason: '试点期老代码' });
    await actAs('clerk');
    const next = await updateCustomer(c.id, { address: '河南省郑州市金水区花园路 2 号' });
    expect(next.usccOverrideReason).toBe('试点期老代码');
  });
});

describe('updateCustomer', () => {
  it('records who changed which field from what to what, masking ID numbers', async () => {
    const c = await createCustomer(GOOD);
    setClock('2026-11-23T03:00:00.000Z');
    const next = await updateCustomer(c.id, { handlerMobile: '13912345678', handlerIdNumber: '11010519491231002X' });
    expect(next.version).toBe(2);
    const history = await customerHistory(c.id);
    expect(history[0]!.at).toBe('2026-11-23T03:00:00.000Z');
    const byField = Object.fromEntries(history.map((h) => [h.field, h]));
    expect(byField.handlerMobile).toMatchObject({ oldValue: '13800138000', newValue: '13912345678', userName: '业务员' });
    expect(byField.handlerIdNumber).toMatchObject({ oldValue: '4105**********1232', newValue: '1101**********002X' });
    const outbox = await db().outbox.orderBy('seq').toArray();
    expect(outbox.map((o) => o.name)).toEqual(['record.create', 'record.update']);
    expect(outbox[1]).toMatchObject({ baseVersion: 1, args: { fields: { handlerMobile: '13912345678', handlerIdNumber: '11010519491231002X' } } });
  });

  it('writes nothing when nothing changed', async () => {
    const c = await createCustomer(GOOD);
    const same = await updateCustomer(c.id, { handlerMobile: '13800138000' });
    expect(same.version).toBe(1);
    expect(await db().outbox.count()).toBe(1);
    expect(await customerHistory(c.id)).toHaveLength(1);
  });

  it('refuses a stale form instead of overwriting a newer change', async () => {
    const c = await createCustomer(GOOD);
    await updateCustomer(c.id, { handlerName: '张伟' });
    const e = await rejection(updateCustomer(c.id, { handlerName: '赵敏' }, { baseVersion: 1 }));
    expect((e as ValidationError).fields.form).toContain('刚被别人修改过');
    expect((await getCustomer(c.id))?.handlerName).toBe('张伟');
  });

  it('keeps a bad edit out entirely', async () => {
    const c = await createCustomer(GOOD);
    await rejection(updateCustomer(c.id, { handlerName: '张伟', handlerMobile: '110' }));
    expect((await getCustomer(c.id))?.handlerName).toBe('李娜');
    expect(await db().outbox.count()).toBe(1);
  });
});

describe('permissions', () => {
  it('refuses writes without a current user', async () => {
    await db().meta.delete('currentUserId');
    const e = await rejection(createCustomer(GOOD));
    expect(e).toBeInstanceOf(PermissionError);
    expect((e as Error).message).toContain('请先选择当前用户');
  });
});

describe('searchCustomers', () => {
  beforeEach(async () => {
    await createCustomer(GOOD);
    await createCustomer({ ...GOOD, name: '广州南方云呼叫中心有限公司', uscc: '91110108MA01ABCD1E', handlerMobile: '13612340000' });
  });

  it('finds by name prefix, name contains, USCC and mobile', async () => {
    expect((await searchCustomers('郑州')).map((c) => c.name)).toEqual(['郑州星辰通信科技有限公司']);
    expect((await searchCustomers('云呼叫')).map((c) => c.name)).toEqual(['广州南方云呼叫中心有限公司']);
    expect((await searchCustomers('星')).map((c) => c.name)).toEqual(['郑州星辰通信科技有限公司']);
    expect((await searchCustomers('91110108ma01abcd1e')).map((c) => c.uscc)).toEqual(['91110108MA01ABCD1E']);
    expect((await searchCustomers('136 1234')).map((c) => c.handlerMobile)).toEqual(['13612340000']);
    expect(await searchCustomers('有限公司')).toHaveLength(2);
    expect(await searchCustomers('不存在的公司')).toHaveLength(0);
  });

  it('finds by hotline number through the pool and service accounts', async () => {
    const [zz] = await searchCustomers('郑州');
    await db().accounts.add({
      id: 'acc-1', version: 1, createdAt: '', updatedAt: '', status: 'active', customerId: zz!.id, numberDigits: '4008123456',
    });
    expect((await searchCustomers('400-812-3456')).map((c) => c.id)).toEqual([zz!.id]);
  });

  it('masks the ID number in list items and never returns it whole', async () => {
    const items = await searchCustomers('');
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.handlerIdMasked).toBe('4105**********1232');
      expect(JSON.stringify(item)).not.toContain('410502199003071232');
    }
  });
});

describe('verifyCustomer (实名核验)', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);

  it('needs the licence and the handler ID scan, then records who verified', async () => {
    const c = await createCustomer(GOOD);
    const early = await rejection(verifyCustomer(c.id, 'verified'));
    expect((early as ValidationError).fields.attachments).toBe('实名核验：请先上传营业执照和经办人身份证人像面的扫描件。');
    await addAttachment({ customerId: c.id, kind: 'business_licence', fileName: 'l.png', mime: 'image/png', bytes: png });
    await addAttachment({ customerId: c.id, kind: 'handler_id_front', fileName: 'i.png', mime: 'image/png', bytes: png });
    const v = await verifyCustomer(c.id, 'verified');
    expect(v).toMatchObject({ realNameStatus: 'verified', verifiedBy: (await getCurrentUser())!.id });
    expect((await db().outbox.orderBy('seq').last())?.args).toMatchObject({ fields: { realNameStatus: 'verified' } });

    // Changing real-name data sends it back to pending; a phone number does not.
    expect((await updateCustomer(c.id, { landline: '0371-65123457' })).realNameStatus).toBe('verified');
    const changed = await updateCustomer(c.id, { handlerName: '张伟' });
    expect(changed).toMatchObject({ realNameStatus: 'pending', verifiedAt: null, verifiedBy: null });
    expect((await customerHistory(c.id)).some((h) => h.field === 'realNameStatus' && h.newValue === '待核验')).toBe(true);
  });

  it('refuses a rejection without a reason and a field agent altogether', async () => {
    const c = await createCustomer(GOOD);
    expect(((await rejection(verifyCustomer(c.id, 'rejected', ' '))) as ValidationError).fields.reason).toContain('请写明原因');
    expect(await verifyCustomer(c.id, 'rejected', '执照与名称不符')).toMatchObject({ realNameStatus: 'rejected', notes: '执照与名称不符' });
    await actAs('field_agent');
    expect(await rejection(verifyCustomer(c.id, 'verified'))).toBeInstanceOf(PermissionError);
  });
});

describe('searchCustomers at scale', () => {
  it('narrows a contains search by its rarest bigrams when a common one (a city) matches thousands', async () => {
    const base = await createCustomer(GOOD);
    const row = (await getCustomer(base.id))!;
    const words = ['新东', '金飞', '海永', '信和', '博远', '华美', '天成', '永泰'];
    const rows = Array.from({ length: 1200 }, (_, i) => {
      const name = `重庆${words[i % 8]}${words[Math.floor(i / 8) % 8]}${i}贸易有限公司`;
      return { ...row, id: `bulk-${i}`, name, uscc: `U${i}`, searchTokens: companyNameTokens(name) };
    });
    await db().customers.bulkAdd(rows);
    const hits = await searchCustomers('重庆金飞海永17');
    expect(hits.map((h) => h.name)).toEqual(rows.filter((r) => r.name.includes('重庆金飞海永17')).map((r) => r.name));
    expect(hits.length).toBeGreaterThan(0);
    // Only very common bigrams: still answers, up to the limit.
    expect(await searchCustomers('重庆', 20)).toHaveLength(20);
  });
});
