// record.create / record.update data is validated on the server with the domain zod schemas: a bad
// USCC, ID number, mobile, requirement or amount is a rejected mutation naming the field (zh-CN,
// English, catalog code), nothing is stored, the queue moves on; what the renderer sends is accepted.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../renderer/src/sync/translate';
import { validateUscc } from '../shared/domain/index';
import { http, seededServerClients, suiteTitle, testBackends } from './server-harness';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();

const VALID_USCC = '91350100M000100Y43';
const BAD_CHECK_USCC = '91350100M000100Y44';

/** A customer row as the renderer's repository stores it (customers.ts), local bookkeeping included. */
function rendererCustomerRow(over: Record<string, unknown> = {}) {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    version: 1,
    createdAt: at,
    updatedAt: at,
    name: '郑州市某某科技有限公司',
    uscc: VALID_USCC,
    usccOverrideReason: null,
    usccOverrideBy: null,
    usccOverrideAt: null,
    legalRepresentative: '张三',
    address: '郑州市金水区花园路 1 号',
    landline: '0371-67891234',
    handlerName: '李四',
    handlerIdNumber: '11010519491231002X',
    handlerMobile: '13812345678',
    email: null,
    attachments: [],
    realNameStatus: 'pending',
    verifiedAt: null,
    verifiedBy: null,
    notes: '',
    searchTokens: ['郑州', '科技'],
    createdBy: randomUUID(),
    updatedBy: randomUUID(),
    ...over,
  };
}

/** The protocol mutation the renderer's outbox entry becomes (renderer/src/sync/translate.ts). */
function sent(name: string, args: unknown, baseVersion?: number) {
  const t = translate({ name, args, ...(baseVersion !== undefined ? { baseVersion } : {}) });
  if (t.kind !== 'send') throw new Error(`${name} is not sent`);
  return { name: t.name, args: t.args };
}

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('sync data validation with the domain schemas', backend), () => {
    const client = seededServerClients(backend);

    it('the fixtures are what they claim: one USCC valid, one failing only its check character', () => {
      expect(validateUscc(VALID_USCC).ok).toBe(true);
      expect(validateUscc(BAD_CHECK_USCC).ok).toBe(false);
    });

    it('accepts a customer exactly as the renderer sends it, and a partial edit of one field', async () => {
      const a = client('clerkA');
      const row = rendererCustomerRow();
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, searchTokens: _t, ...data } = row;
      const create = sent('record.create', { entity: 'customer', id: row.id, data });
      expect(await a.run(create.name, create.args)).toMatchObject({ status: 'applied' });
      // a partial update is judged as the record it produces (the stored USCC etc. are not resent)
      const upd = sent('record.update', { entity: 'customer', id: row.id, fields: { handlerMobile: '13912345678', verifiedBy: null } });
      expect(await a.run(upd.name, upd.args)).toMatchObject({ status: 'applied' });
      await a.pullAll();
      expect(a.record('customer', row.id)!.data).toMatchObject({ handlerMobile: '13912345678', uscc: VALID_USCC, usccOverrideBy: null });
    });

    it('refuses a bad USCC, ID number and mobile naming the field in zh-CN and English; nothing stored; the queue moves on', async () => {
      const a = client('clerkA');
      const cases: [Record<string, unknown>, string, string][] = [
        [{ uscc: '91350100M000100Y4' }, 'uscc', '统一社会信用代码'],
        [{ handlerIdNumber: '110105194912310021' }, 'handlerIdNumber', '经办人身份证号码'],
        [{ handlerMobile: '1381234567' }, 'handlerMobile', '经办人手机号码'],
        [{ landline: '12345' }, 'landline', '企业固定电话'],
        [{ name: '' }, 'name', '企业名称'],
      ];
      for (const [over, field, label] of cases) {
        const row = rendererCustomerRow(over);
        const { id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, searchTokens: _t, ...data } = row;
        const bad = a.mutation('record.create', { entity: 'customer', id, data });
        const good = a.mutation('record.create', { entity: 'customer', id: randomUUID(), data: { name: '后面的客户' } });
        const r = await a.push([bad, good]);
        expect(r.status).toBe(200);
        const [refused, applied] = r.body.results;
        expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGS', field } });
        expect(refused!.reason!.message).toContain(label);
        // the English twin is a translation, not the zh-CN sentence
        expect(refused!.reason!.messageEn).not.toMatch(/[\u4e00-\u9fff]{3}/);
        expect(applied).toMatchObject({ status: 'applied' });
        expect(r.body.lastSeq).toBe(good.seq);
        await a.pullAll();
        expect(a.record('customer', id)).toBeUndefined();
      }
    });

    it('a wrong USCC check character needs a written reason (the cross-field rule, also on the merged record)', async () => {
      const a = client('managerA');
      const row = rendererCustomerRow({ uscc: BAD_CHECK_USCC });
      const { id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, searchTokens: _t, ...data } = row;
      const refused = await a.run('record.create', { entity: 'customer', id, data });
      expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGS', field: 'uscc', messageCode: 'uscc.checksumOverride' } });
      expect(await a.run('record.create', { entity: 'customer', id, data: { ...data, usccOverrideReason: '试点期间的旧代码' } })).toMatchObject({ status: 'applied' });
      // removing the reason alone leaves a record that breaks the rule: refused, although the field itself is fine
      expect(await a.run('record.update', { entity: 'customer', id, fields: { usccOverrideReason: null } })).toMatchObject({ status: 'rejected', reason: { field: 'uscc' } });
      expect(await a.run('record.update', { entity: 'customer', id, fields: { handlerMobile: '+86 139-1234-5678' } })).toMatchObject({ status: 'applied' });
    });

    it('an edit that breaks a field is refused and the stored record keeps its value', async () => {
      const a = client('clerkA');
      const row = rendererCustomerRow();
      const { id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, searchTokens: _t, ...data } = row;
      await a.run('record.create', { entity: 'customer', id, data });
      const r = await a.run('record.update', { entity: 'customer', id, fields: { handlerMobile: '23812345678', notes: '改了备注' } });
      expect(r).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGS', field: 'handlerMobile' } });
      await a.pullAll();
      expect(a.record('customer', id)!.data).toMatchObject({ handlerMobile: '13812345678', notes: '' });
    });

    it('applications: a half-filled draft passes, a filled field must be valid (named with its path)', async () => {
      const a = client('clerkA');
      const requirement = { usageScope: '', destinationNumbers: [], callCentreLocation: '', business: '', technicalRequirements: '', requestedOpeningDate: '', termMonths: 12, contactName: '', contactPhone: '' };
      const base = { no: 'SQ-1', kind: 'new', status: 'draft', customerId: randomUUID(), numberDigits: null, packageId: null, features: [], requirement, accountId: null, steps: [] };
      const ok = sent('application.create', { id: randomUUID(), data: base });
      expect(await a.run(ok.name, ok.args)).toMatchObject({ status: 'applied' });
      const badPhone = sent('application.create', { id: randomUUID(), data: { ...base, requirement: { ...requirement, contactPhone: '12' } } });
      expect(await a.run(badPhone.name, badPhone.args)).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGS', field: 'requirement.contactPhone' } });
      const badNumber = sent('application.create', { id: randomUUID(), data: { ...base, numberDigits: '4001234' } });
      expect(await a.run(badNumber.name, badNumber.args)).toMatchObject({ status: 'rejected', reason: { field: 'numberDigits' } });
      const badDest = sent('application.create', { id: randomUUID(), data: { ...base, requirement: { ...requirement, destinationNumbers: ['13812345678', '99'] } } });
      expect(await a.run(badDest.name, badDest.args)).toMatchObject({ status: 'rejected', reason: { field: 'requirement.destinationNumbers.1' } });
    });

    it('packages: money is integer fen, never negative', async () => {
      const m = client('managerA');
      const pkg = { name: '基础套餐', carrier: null, prepaymentFen: 120_000, monthlyMinimumFen: 10_000, tariffFenPerMinute: 15, includedMinutes: 0, termMonths: 12, featureFees: [], active: true, notes: '' };
      const good = sent('package.create', { id: randomUUID(), version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), status: 'active', ...pkg, byUserId: randomUUID() });
      expect(await m.run(good.name, good.args)).toMatchObject({ status: 'applied' });
      expect(await m.run('record.create', { entity: 'package', id: randomUUID(), data: { ...pkg, prepaymentFen: -1 } })).toMatchObject({ status: 'rejected', reason: { field: 'prepaymentFen' } });
      expect(await m.run('record.create', { entity: 'package', id: randomUUID(), data: { ...pkg, tariffFenPerMinute: 0.15 } })).toMatchObject({ status: 'rejected', reason: { field: 'tariffFenPerMinute' } });
    });

    it('/openapi.json describes what a push carries: every mutation\'s args and each entity\'s data', async () => {
      const r = await http(client('clerkA').base, 'GET', '/openapi.json');
      expect(r.status).toBe(200);
      const schemas = r.body.components.schemas as Record<string, { properties?: Record<string, { pattern?: string }>; description?: string }>;
      expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['MutationArgs.record.create', 'MutationArgs.application.step', 'RecordData.customer', 'RecordData.application', 'RecordData.package']));
      expect(Object.keys(schemas['RecordData.customer']!.properties!)).toEqual(expect.arrayContaining(['uscc', 'handlerIdNumber', 'handlerMobile', 'landline']));
      expect(schemas['RecordData.package']!.properties!.prepaymentFen).toMatchObject({ type: 'integer', minimum: 0 });
      expect(schemas['RecordData.customer']!.description).toContain('INVALID_ARGS');
    });

    it('a custom conflict resolution is validated like an edit', async () => {
      const a = client('clerkA');
      const b = client('clerkA2');
      const row = rendererCustomerRow();
      const { id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, searchTokens: _t, ...data } = row;
      await a.run('record.create', { entity: 'customer', id, data });
      await a.pullAll();
      const base = a.record('customer', id)!.version;
      await a.run('record.update', { entity: 'customer', id, fields: { handlerMobile: '13911111111' } }, { baseVersion: base });
      const clash = await b.run('record.update', { entity: 'customer', id, fields: { handlerMobile: '13922222222' } }, { baseVersion: base });
      expect(clash.status).toBe('conflict');
      const conflictId = clash.conflicts![0]!;
      expect(await b.run('conflict.resolve', { conflictId, choose: 'custom', value: '139' })).toMatchObject({ status: 'rejected', reason: { field: 'handlerMobile' } });
      expect(await b.run('conflict.resolve', { conflictId, choose: 'custom', value: '13933333333' })).toMatchObject({ status: 'applied' });
    });
  });
}
