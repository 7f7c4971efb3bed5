import { describe, expect, it } from 'vitest';
import { MUTATION_ARGS } from '../../../shared/sync/index';
import { translate } from './translate';

describe('translate (local outbox action → protocol mutation)', () => {
  it('sends number lifecycle steps as number.step, leaving the local from/to, customer and dates behind', () => {
    for (const event of ['suspend', 'resume', 'freeze', 'unfreeze', 'reclaim', 'startCooling', 'endCooling']) {
      const t = translate({ name: `number.${event}`, args: { digits: '4008123456', reason: '账户 ZH1 暂停：欠费', customerId: 'c1', coolingUntil: null, reservedUntil: null }, baseVersion: 3 });
      expect(t).toEqual({ kind: 'send', name: 'number.step', args: { number: '4008123456', event, reason: '账户 ZH1 暂停：欠费' }, target: { entity: 'hotlineNumber', id: '4008123456' } });
      if (t.kind === 'send') expect(MUTATION_ARGS['number.step'].safeParse(t.args).success).toBe(true);
    }
    expect(translate({ name: 'number.suspend', args: { digits: 'x' } })).toEqual({ kind: 'send', name: 'number.suspend', args: { digits: 'x' } });
  });

  it('holds a number for a form with its customer', () => {
    const t = translate({ name: 'number.holdForApplication', args: { digits: '4008123456', applicationNo: 'SQ-1', customerId: 'c1' }, baseVersion: 2 });
    expect(t).toEqual({ kind: 'send', name: 'number.holdForApplication', args: { number: '4008123456', customerId: 'c1', applicationNo: 'SQ-1' }, target: { entity: 'hotlineNumber', id: '4008123456' } });
    if (t.kind === 'send') expect(MUTATION_ARGS['number.holdForApplication'].safeParse(t.args).success).toBe(true);
    // the form's id travels when the device has it (the server then checks the form itself)
    const withId = translate({ name: 'number.holdForApplication', args: { digits: '4008123456', applicationId: 'app-1', applicationNo: 'SQ-1', customerId: 'c1' } });
    expect(withId).toMatchObject({ kind: 'send', args: { number: '4008123456', customerId: 'c1', applicationId: 'app-1', applicationNo: 'SQ-1' } });
    if (withId.kind === 'send') expect(MUTATION_ARGS['number.holdForApplication'].safeParse(withId.args).success).toBe(true);
  });

  it('sends the grade table as its rules only, and office updates as they are', () => {
    const stored = { id: 'r1', name: '四连号', patterns: ['AAAA'], match: 'all', priceFen: 800_000, minimumMonthlyFen: 50_000, requiredPackageId: null, order: 0, sortOrder: 0, active: true, version: 2, createdAt: 'x', updatedAt: 'y' };
    const t = translate({ name: 'gradeRules.replace', args: { rules: [stored], byUserId: 'u1' } });
    expect(t).toEqual({ kind: 'send', name: 'gradeRules.replace', args: { rules: [{ id: 'r1', name: '四连号', patterns: ['AAAA'], match: 'all', priceFen: 800_000, minimumMonthlyFen: 50_000, requiredPackageId: null }] }, target: { entity: 'office', id: 'gradeRules' } });
    if (t.kind === 'send') expect(MUTATION_ARGS['gradeRules.replace'].safeParse(t.args).success).toBe(true);
    expect(translate({ name: 'office.update', args: { settings: { coolingDays: 60 } } })).toEqual({ kind: 'send', name: 'office.update', args: { settings: { coolingDays: 60 } }, target: { entity: 'office', id: 'settings' } });
    expect(translate({ name: 'office.update', args: { profile: { name: '甲' } } })).toMatchObject({ target: { entity: 'office', id: 'profile' } });
    // seeding the shipped defaults stays on the device
    expect(translate({ name: 'gradeRules.seedDefaults', args: { rules: [stored] } }).kind).toBe('skip');
  });

  it('keeps record edits, dropping server-owned and protected fields', () => {
    const t = translate({ name: 'record.create', args: { entity: 'customer', id: 'c1', data: { name: '甲', status: 'active', version: 3, searchTokens: ['甲'] } } });
    expect(t).toEqual({ kind: 'send', name: 'record.create', args: { entity: 'customer', id: 'c1', data: { name: '甲' } }, target: { entity: 'customer', id: 'c1' } });
    if (t.kind === 'send') expect(MUTATION_ARGS['record.create'].safeParse(t.args).success).toBe(true);
  });

  it('carries the base version of an edit', () => {
    const t = translate({ name: 'record.update', args: { entity: 'customer', id: 'c1', fields: { landline: '010-88888888' } }, baseVersion: 7 });
    expect(t).toMatchObject({ kind: 'send', name: 'record.update', baseVersion: 7 });
  });

  it('skips an edit with nothing left to sync (only local fields changed)', () => {
    expect(translate({ name: 'record.update', args: { entity: 'application', id: 'a1', fields: { status: 'submitted' } } }).kind).toBe('skip');
  });

  it('maps the repositories own names onto the catalogue', () => {
    expect(translate({ name: 'application.create', args: { id: 'a1', data: { customerId: 'c1', status: 'draft' } } })).toMatchObject({
      name: 'record.create',
      args: { entity: 'application', id: 'a1', data: { customerId: 'c1' } },
    });
    expect(translate({ name: 'package.update', args: { id: 'p1', changes: { name: '标准' }, byUserId: 'u' }, baseVersion: 2 })).toMatchObject({
      name: 'record.update',
      args: { entity: 'package', id: 'p1', fields: { name: '标准' } },
      baseVersion: 2,
    });
    const alloc = translate({ name: 'number.activate', args: { digits: '4008123456', customerId: 'c1' } });
    expect(alloc).toMatchObject({ name: 'number.allocate', args: { number: '4008123456', customerId: 'c1' }, target: { entity: 'hotlineNumber', id: '4008123456' } });
    if (alloc.kind === 'send') expect(MUTATION_ARGS['number.allocate'].safeParse(alloc.args).success).toBe(true);
  });

  it('sends an unknown action as it is, so the server refuses it visibly', () => {
    expect(translate({ name: 'no.such.action', args: { seed: 1 } })).toEqual({ kind: 'send', name: 'no.such.action', args: { seed: 1 } });
  });

  it('sends an import and a range as one all-or-nothing numbers.add', () => {
    for (const name of ['numbers.import', 'numbers.addRange']) {
      const t = translate({ name, args: { digits: ['4008123456', '4008123457'], source: 'a.xlsx' } });
      expect(t).toEqual({ kind: 'send', name: 'numbers.add', args: { numbers: ['4008123456', '4008123457'], source: 'a.xlsx' } });
      if (t.kind === 'send') expect(MUTATION_ARGS['numbers.add'].safeParse(t.args).success).toBe(true);
    }
  });

  it('never sends demo data: it is local to the device', () => {
    expect(translate({ name: 'demo.load', args: { seed: 1, kind: 'customers', from: 0, count: 50 } })).toEqual({ kind: 'skip', reason: 'demo data stays on this device' });
  });

  it('maps the account lifecycle onto the server commands, leaving the local from/to states behind', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['account.suspend', { id: 'a1', from: 'active', to: 'suspended', reason: '欠费' }, { id: 'a1', reason: '欠费' }],
      ['account.resume', { id: 'a1', from: 'suspended', to: 'active', reason: '已缴清' }, { id: 'a1', reason: '已缴清' }],
      ['account.terminate', { id: 'a1', from: 'suspended', to: 'terminated', reason: '逾期' }, { id: 'a1', reason: '逾期' }],
      ['account.close', { id: 'a1', from: 'terminated', to: 'closed', reason: '销户' }, { id: 'a1', reason: '销户' }],
      ['account.transfer', { id: 'a1', fromCustomerId: 'c1', toCustomerId: 'c2', reason: '过户' }, { id: 'a1', toCustomerId: 'c2', reason: '过户' }],
    ];
    for (const [name, local, sent] of cases) {
      const t = translate({ name, args: local, baseVersion: 4 });
      expect(t).toEqual({ kind: 'send', name, args: sent, target: { entity: 'account', id: 'a1' } });
      if (t.kind === 'send') expect(MUTATION_ARGS[name as 'account.suspend'].safeParse(t.args).success).toBe(true);
    }
    expect(translate({ name: 'account.terminate', args: { id: 'a1', reason: '违规', ground: 'violation' } })).toMatchObject({ args: { ground: 'violation' } });
  });
  it('maps every application status step onto application.step, leaving the local from/to behind', () => {
    for (const event of ['submit', 'approve', 'signContract', 'sendToCarrier', 'receiveCompletion', 'activate', 'reject', 'revise', 'cancel']) {
      const t = translate({ name: `application.${event}`, args: { id: 'ap1', from: 'x', to: 'y', reason: null, changes: {} }, baseVersion: 2 });
      expect(t).toEqual({ kind: 'send', name: 'application.step', args: { id: 'ap1', event, changes: {} }, target: { entity: 'application', id: 'ap1' } });
      if (t.kind === 'send') expect(MUTATION_ARGS['application.step'].safeParse(t.args).success).toBe(true);
    }
    expect(translate({ name: 'application.reject', args: { id: 'ap1', reason: '资料不全', changes: { rejectionReason: '资料不全' } } })).toMatchObject({ args: { event: 'reject', reason: '资料不全' } });
  });
  it('sends account.open with the account description only, and account.applyChange by its form', () => {
    const t = translate({ name: 'account.open', args: { id: 'ac1', applicationId: 'ap1', data: { id: 'ac1', version: 1, balanceFen: 500, no: 'ZH1', status: 'active' } } });
    expect(t).toMatchObject({ kind: 'send', name: 'account.open', args: { id: 'ac1', applicationId: 'ap1', data: { no: 'ZH1' } }, target: { entity: 'account', id: 'ac1' } });
    if (t.kind === 'send') {
      expect((t.args as { data: object }).data).not.toHaveProperty('balanceFen');
      expect(MUTATION_ARGS['account.open'].safeParse(t.args).success).toBe(true);
    }
    expect(translate({ name: 'account.applyChange', args: { id: 'ac1', applicationId: 'ap2' }, baseVersion: 3 })).toEqual({ kind: 'send', name: 'account.applyChange', args: { id: 'ac1', applicationId: 'ap2' }, target: { entity: 'account', id: 'ac1' } });
  });

  it('sends the billing acts as the server commands, each aimed at the record the server writes', () => {
    const cases: [string, Record<string, unknown>, { entity: string; id: string }][] = [
      ['ledger.adjust', { id: 'e1', accountId: 'a1', amountFen: -100, reason: '补收' }, { entity: 'ledgerEntry', id: 'e1' }],
      ['ledger.reverse', { id: 'e2', entryId: 'e1', reason: '误收' }, { entity: 'ledgerEntry', id: 'e2' }],
      ['billingAction.reverse', { actionId: '5f0c6a4e-0b7a-4b8e-9a59-0d1e2f3a4b5c', reason: '已承诺缴费', local: 'x' }, { entity: 'billingAction', id: '5f0c6a4e-0b7a-4b8e-9a59-0d1e2f3a4b5c' }],
      ['billingSettings.update', { patch: { renewalFloorMonthlyMinimums: 3 } }, { entity: 'billingSettings', id: 'office' }],
      ['dispute.raise', { id: '5f0c6a4e-0b7a-4b8e-9a59-0d1e2f3a4b5d', carrier: 'telecom', carrierRecordId: 'T1', reason: '未拨打' }, { entity: 'callDispute', id: '5f0c6a4e-0b7a-4b8e-9a59-0d1e2f3a4b5d' }],
    ];
    for (const [name, args, target] of cases) {
      const t = translate({ name, args });
      expect(t).toMatchObject({ kind: 'send', name, target });
      if (t.kind === 'send') expect(MUTATION_ARGS[name as 'ledger.adjust'].safeParse(t.args).success).toBe(true);
    }
  });
});
