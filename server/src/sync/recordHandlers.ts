import { randomUUID } from 'node:crypto';
import {
  PROTECTED_FIELDS,
  RECORD_INITIAL_STATE,
  SERVER_OWNED_KEYS,
  mergeFields,
  recordCanTransition,
  roleCanDelete,
  roleCanEdit,
  type MutationArgs,
  type RecordData,
  type SyncEntity,
} from '../../../shared/sync/index';
import { reject, type HandlerOutcome, type MutationContext } from './context';
import { assertRecordData } from './validation';
import { customerLines, withStep, writeCustomerHistory } from './history';

function ensureEditable(ctx: MutationContext, entity: SyncEntity) {
  if (!roleCanEdit(ctx.auth.role, entity)) reject('FORBIDDEN', { zh: `角色不能修改 ${entity}`, en: `role ${ctx.auth.role} cannot edit ${entity}`, field: 'entity' });
}

/** Refuse (never silently drop) fields the client may not set, naming the first one. */
function checkClientFields(entity: SyncEntity, data: RecordData) {
  for (const k of Object.keys(data)) {
    if ((SERVER_OWNED_KEYS as readonly string[]).includes(k) || PROTECTED_FIELDS[entity]?.includes(k)) {
      reject('INVALID_ARGS', { zh: `字段 ${k} 由服务器维护，不能直接修改`, en: `field ${k} is maintained by the server`, field: k });
    }
  }
}

export async function recordCreate(ctx: MutationContext, a: MutationArgs<'record.create'>): Promise<HandlerOutcome> {
  ensureEditable(ctx, a.entity);
  checkClientFields(a.entity, a.data);
  assertRecordData(a.entity, a.data);
  const now = await ctx.now();
  const data: RecordData = { ...a.data, createdAt: now, updatedAt: now, createdBy: ctx.auth.userId, updatedBy: ctx.auth.userId };
  const initial = RECORD_INITIAL_STATE[a.entity];
  if (initial) data.status = initial;
  if (a.entity === 'account') data.balanceFen = 0;
  // the form's step history starts on the server: who created it, when (the database clock)
  if (a.entity === 'application') data.steps = await withStep(ctx, {}, { event: 'create', from: null, to: String(data.status ?? 'draft'), note: data.kind === 'change' ? '服务变更需求单' : '' });
  // A clash with a stored record fails the insert at flush time (then this mutation is redone
  // alone and refused); no read here, so a batch of creates costs no extra round trips.
  if (ctx.writer.has(a.entity, a.id)) reject('ALREADY_EXISTS', { zh: `${a.entity} ${a.id}`, en: `${a.entity} ${a.id}`, field: 'id' });
  ctx.writer.put({ entity: a.entity, id: a.id, data, deleted: false, changedFields: Object.keys(data), mustBeNew: true });
  if (a.entity === 'customer') await writeCustomerHistory(ctx, a.id, customerLines(null, data, []));
  return { result: { entity: a.entity, id: a.id } };
}

export async function recordUpdate(ctx: MutationContext, a: MutationArgs<'record.update'>): Promise<HandlerOutcome> {
  ensureEditable(ctx, a.entity);
  checkClientFields(a.entity, a.fields);
  const rec = await ctx.writer.read(a.entity, a.id, { forUpdate: true });
  if (!rec || rec.deleted || !rec.data) reject('NOT_FOUND', { zh: `${a.entity} ${a.id}`, en: `${a.entity} ${a.id}` });
  // Judged as the record the edit produces (a partial edit alone lacks the fields its rules read).
  assertRecordData(a.entity, { ...rec.data, ...a.fields });
  const { apply, conflicts } = mergeFields({ current: rec.data, fieldMeta: rec.fieldMeta, fields: a.fields, baseVersion: ctx.baseVersion, clientId: ctx.clientId });
  const now = await ctx.now();
  const conflictIds: string[] = [];
  for (const c of conflicts) {
    const id = randomUUID();
    conflictIds.push(id);
    ctx.writer.put({
      entity: 'conflict',
      id,
      deleted: false,
      changedFields: ['status'],
      mustBeNew: true,
      data: {
        entity: a.entity,
        recordId: a.id,
        field: c.field,
        serverValue: c.serverValue ?? null,
        clientValue: c.clientValue ?? null,
        baseVersion: ctx.baseVersion,
        clientId: ctx.clientId,
        userId: ctx.auth.userId,
        mutationId: ctx.mutationId,
        status: 'open',
        createdAt: now,
      },
    });
  }
  if (Object.keys(apply).length > 0) {
    const data: RecordData = { ...rec.data, ...apply, updatedAt: now, updatedBy: ctx.auth.userId };
    const changedFields = [...Object.keys(apply), 'updatedAt', 'updatedBy'];
    if (a.entity === 'application') {
      const status = String(rec.data.status ?? 'draft');
      data.steps = await withStep(ctx, rec.data, { event: 'edit', from: status, to: status });
      changedFields.push('steps');
    }
    ctx.writer.put({ entity: a.entity, id: a.id, data, deleted: false, changedFields, previousMeta: rec.fieldMeta });
    if (a.entity === 'customer') await writeCustomerHistory(ctx, a.id, customerLines(rec.data, data, Object.keys(apply)));
  }
  return { result: { entity: a.entity, id: a.id, applied: Object.keys(apply) }, conflicts: conflictIds };
}

export async function recordDelete(ctx: MutationContext, a: MutationArgs<'record.delete'>): Promise<HandlerOutcome> {
  if (!roleCanDelete(ctx.auth.role, a.entity)) reject('FORBIDDEN', { zh: `角色不能删除 ${a.entity}`, en: `role ${ctx.auth.role} cannot delete ${a.entity}` });
  const rec = await ctx.writer.read(a.entity, a.id, { forUpdate: true });
  if (!rec) reject('NOT_FOUND', { zh: `${a.entity} ${a.id}`, en: `${a.entity} ${a.id}` });
  if (rec.deleted) return { result: { entity: a.entity, id: a.id, alreadyDeleted: true } };
  // A tombstone: the row stays (data cleared) so every device learns of the deletion on pull.
  ctx.writer.put({ entity: a.entity, id: a.id, data: null, deleted: true, changedFields: [], previousMeta: rec.fieldMeta });
  return { result: { entity: a.entity, id: a.id } };
}

export async function conflictResolve(ctx: MutationContext, a: MutationArgs<'conflict.resolve'>): Promise<HandlerOutcome> {
  const c = await ctx.writer.read('conflict', a.conflictId, { forUpdate: true });
  if (!c || !c.data) reject('NOT_FOUND', { zh: `冲突 ${a.conflictId}`, en: `conflict ${a.conflictId}` });
  const cd = c.data as { entity: SyncEntity; recordId: string; field: string; clientValue: unknown; status: string };
  ensureEditable(ctx, cd.entity);
  if (cd.status !== 'open') return { result: { conflictId: a.conflictId, alreadyResolved: true } };
  if (a.choose === 'custom' && a.value === undefined) reject('INVALID_ARGS', { zh: '自定义取值不能为空', en: 'custom value missing', field: 'value' });
  const now = await ctx.now();
  if (a.choose !== 'server') {
    const rec = await ctx.writer.read(cd.entity, cd.recordId, { forUpdate: true });
    if (!rec || rec.deleted || !rec.data) reject('NOT_FOUND', { zh: `${cd.entity} ${cd.recordId}`, en: `${cd.entity} ${cd.recordId}` });
    const value = a.choose === 'client' ? cd.clientValue : a.value;
    if (a.choose === 'custom') assertRecordData(cd.entity, { ...rec.data, [cd.field]: value });
    const data: RecordData = { ...rec.data, [cd.field]: value, updatedAt: now, updatedBy: ctx.auth.userId };
    ctx.writer.put({ entity: cd.entity, id: cd.recordId, data, deleted: false, changedFields: [cd.field, 'updatedAt', 'updatedBy'], previousMeta: rec.fieldMeta });
    if (cd.entity === 'customer') await writeCustomerHistory(ctx, cd.recordId, customerLines(rec.data, data, [cd.field]));
  }
  ctx.writer.put({
    entity: 'conflict',
    id: a.conflictId,
    data: { ...c.data, status: 'resolved', resolution: { choose: a.choose, value: a.value ?? null, by: ctx.auth.userId, at: now } },
    deleted: false,
    changedFields: ['status', 'resolution'],
    previousMeta: c.fieldMeta,
  });
  return { result: { conflictId: a.conflictId } };
}

export async function recordTransition(ctx: MutationContext, a: MutationArgs<'record.transition'>): Promise<HandlerOutcome> {
  ensureEditable(ctx, a.entity);
  const rec = await ctx.writer.read(a.entity, a.id, { forUpdate: true });
  if (!rec || rec.deleted || !rec.data) reject('NOT_FOUND', { zh: `${a.entity} ${a.id}`, en: `${a.entity} ${a.id}` });
  const from = String(rec.data.status ?? RECORD_INITIAL_STATE[a.entity] ?? '');
  if (a.entity === 'application' && a.to === 'approved' && !['admin', 'manager'].includes(ctx.auth.role)) {
    reject('FORBIDDEN', { zh: '只有经理可以审批受理单', en: 'only managers approve applications' });
  }
  if (a.entity === 'contract' && a.to === 'void' && !['admin', 'manager'].includes(ctx.auth.role)) {
    reject('FORBIDDEN', { zh: '只有经理可以作废合同', en: 'only managers void contracts' });
  }
  if (!recordCanTransition(a.entity, from, a.to)) {
    reject('INVALID_TRANSITION', { zh: `${from} → ${a.to}`, en: `${from} → ${a.to}`, field: 'status' });
  }
  const now = await ctx.now();
  ctx.writer.put({
    entity: a.entity,
    id: a.id,
    data: { ...rec.data, status: a.to, updatedAt: now, updatedBy: ctx.auth.userId },
    deleted: false,
    changedFields: ['status', 'updatedAt', 'updatedBy'],
    previousMeta: rec.fieldMeta,
  });
  return { result: { entity: a.entity, id: a.id, from, to: a.to } };
}

export async function contractSign(ctx: MutationContext, a: MutationArgs<'contract.sign'>): Promise<HandlerOutcome> {
  const rec = await ctx.writer.read('contract', a.contractId, { forUpdate: true });
  if (!rec || rec.deleted || !rec.data) reject('NOT_FOUND', { zh: `合同 ${a.contractId}`, en: `contract ${a.contractId}` });
  const from = String(rec.data.status ?? 'draft');
  if (from !== 'draft' && from !== 'approved' && from !== 'printed') reject('INVALID_TRANSITION', { zh: `合同状态为 ${from}，不能签署`, en: `contract is ${from}, cannot be signed`, field: 'status' });
  const now = await ctx.now();
  const data = { ...rec.data, status: 'signed', signedAt: now, signedBy: a.signer ?? ctx.auth.userId, updatedAt: now, updatedBy: ctx.auth.userId };
  ctx.writer.put({ entity: 'contract', id: a.contractId, data, deleted: false, changedFields: ['status', 'signedAt', 'signedBy', 'updatedAt', 'updatedBy'], previousMeta: rec.fieldMeta });
  return { result: { contractId: a.contractId, signedAt: now } };
}

export async function paymentRecord(ctx: MutationContext, a: MutationArgs<'payment.record'>): Promise<HandlerOutcome> {
  if (ctx.writer.has('payment', a.id)) reject('ALREADY_EXISTS', { zh: `缴费 ${a.id}`, en: `payment ${a.id}`, field: 'id' });
  const acct = await ctx.writer.read('account', a.accountId, { forUpdate: true });
  if (!acct || acct.deleted || !acct.data) reject('ACCOUNT_NOT_FOUND', { zh: a.accountId, en: a.accountId, field: 'accountId' });
  const now = await ctx.now();
  const balance = Number(acct.data.balanceFen ?? 0) + a.amountFen;
  ctx.writer.put({
    entity: 'payment',
    id: a.id,
    mustBeNew: true,
    deleted: false,
    data: { accountId: a.accountId, amountFen: a.amountFen, method: a.method, reference: a.reference ?? null, note: a.note ?? null, receivedAt: now, createdAt: now, createdBy: ctx.auth.userId },
    changedFields: ['accountId', 'amountFen', 'method', 'reference', 'note', 'receivedAt'],
  });
  // The balance is the server's arithmetic on the server's state: two offline payments add up.
  ctx.writer.put({ entity: 'account', id: a.accountId, data: { ...acct.data, balanceFen: balance, updatedAt: now }, deleted: false, changedFields: ['balanceFen', 'updatedAt'], previousMeta: acct.fieldMeta });
  return { result: { paymentId: a.id, accountId: a.accountId, balanceFen: balance } };
}
