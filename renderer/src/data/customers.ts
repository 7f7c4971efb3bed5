import { REAL_NAME_STATUS_LABELS, can, maskIdNumber, msg } from '../../../shared';
import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, PermissionError, ValidationError } from './errors';
import { writeWithOutbox } from './outbox';
import { actionNameZh, requirePermission } from './session';
import { companyNameTokens } from './customersSearch';
import {
  CUSTOMER_FIELDS,
  checkCustomerInput,
  type CustomerField,
  type CustomerInput,
  type CustomerValues,
} from './customersValidation';
import type { CustomerHistoryRow, CustomerRow, UserRow } from './rows';

/**
 * The customer repository (实名登记, issue 4 item 1): one function per action, each checking the
 * current user's permission, validating everything before writing, and storing the change, its
 * history rows and its outbox mutation in one transaction — bad input is never half-saved.
 */

export interface CustomerWriteOptions {
  /** A manager's written reason for accepting a USCC whose check character is wrong. */
  usccOverrideReason?: string;
  /** The version the form was loaded from; a later change by someone else is refused, not overwritten. */
  baseVersion?: number;
}

/** A granted override of the USCC check character. */
interface UsccOverride {
  reason: string;
  by: string;
  at: string;
}

const MIN_OVERRIDE_REASON = 4;

/** Fields whose change sends a verified customer back to pending verification. */
const REAL_NAME_FIELDS: readonly CustomerField[] = ['name', 'uscc', 'legalRepresentative', 'handlerName', 'handlerIdNumber'];

/** The descriptive fields as the sync server receives them (envelope and local index fields left out). */
function syncData(c: CustomerRow): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, searchTokens: _t, deletedAt: _d, ...data } = c;
  return data;
}

/** History keeps ID numbers masked: it shows who changed them and when, not the numbers themselves. */
function historyValue(field: string, value: string | null): string | null {
  if (value === null) return null;
  return field === 'handlerIdNumber' ? maskIdNumber(value) : value;
}

function historyRow(customerId: string, user: UserRow, at: string, field: string, oldValue: string | null, newValue: string | null): CustomerHistoryRow {
  return {
    id: crypto.randomUUID(),
    customerId,
    at,
    userId: user.id,
    userName: user.name,
    field,
    oldValue: historyValue(field, oldValue),
    newValue: historyValue(field, newValue),
  };
}

/**
 * Validates the input and settles the USCC check character: a failure passes only with a manager's
 * written reason. Returns the values to store and the override that covers them (kept or new).
 */
function validate(
  input: Partial<CustomerInput>,
  user: UserRow,
  options: CustomerWriteOptions,
  kept: UsccOverride | null,
): { values: CustomerValues; override: UsccOverride | null; newOverride: boolean } {
  const check = checkCustomerInput(input);
  if (!check.values) throw new ValidationError(check.texts);
  if (!check.usccChecksumFailed) return { values: check.values, override: null, newOverride: false };
  if (kept) return { values: check.values, override: kept, newOverride: false };

  const reason = options.usccOverrideReason?.trim() ?? '';
  if (reason.length === 0) throw new ValidationError({ uscc: check.texts.uscc ?? '' }, true);
  if (!can(user.role, 'override.uscc')) {
    throw new PermissionError('override.uscc', user.role, msg('access.managerOnly', { action: actionNameZh('override.uscc') }));
  }
  if (reason.length < MIN_OVERRIDE_REASON) {
    throw new ValidationError({ usccOverrideReason: msg('form.reasonMin', { label: '放行原因', min: MIN_OVERRIDE_REASON }) }, true);
  }
  return { values: check.values, override: { reason, by: user.name, at: nowIso() }, newOverride: true };
}

function overrideFields(o: UsccOverride | null): Pick<CustomerRow, 'usccOverrideReason' | 'usccOverrideBy' | 'usccOverrideAt'> {
  return { usccOverrideReason: o?.reason ?? null, usccOverrideBy: o?.by ?? null, usccOverrideAt: o?.at ?? null };
}

function overrideOf(c: CustomerRow): UsccOverride | null {
  return c.usccOverrideReason ? { reason: c.usccOverrideReason, by: c.usccOverrideBy ?? '', at: c.usccOverrideAt ?? '' } : null;
}

async function assertUsccFree(uscc: string, exceptId: string | null): Promise<void> {
  const other = await db().customers.where('uscc').equals(uscc).filter((c) => !c.deletedAt && c.id !== exceptId).first();
  if (other) throw new ValidationError({ uscc: msg('customer.usccTaken', { name: other.name }) });
}

export async function createCustomer(input: CustomerInput, options: CustomerWriteOptions = {}): Promise<CustomerRow> {
  const user = await requirePermission('customer.register');
  const { values, override } = validate(input, user, options, null);
  const d = db();
  return writeWithOutbox([d.customers, d.customerHistory], async ({ enqueue }) => {
    await assertUsccFree(values.uscc, null);
    const at = nowIso();
    const row: CustomerRow = {
      id: crypto.randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...values,
      ...overrideFields(override),
      attachments: [],
      realNameStatus: 'pending',
      verifiedAt: null,
      verifiedBy: null,
      notes: '',
      searchTokens: companyNameTokens(values.name),
      createdBy: user.id,
      updatedBy: user.id,
    };
    await d.customers.add(row);
    const history = [historyRow(row.id, user, at, 'created', null, row.name)];
    if (override) history.push(historyRow(row.id, user, at, 'usccOverrideReason', null, `${row.uscc}：${override.reason}`));
    await d.customerHistory.bulkAdd(history);
    await enqueue({ name: 'record.create', args: { entity: 'customer', id: row.id, data: syncData(row) } });
    return row;
  });
}

export async function updateCustomer(
  id: string,
  patch: Partial<CustomerInput>,
  options: CustomerWriteOptions = {},
): Promise<CustomerRow> {
  const user = await requirePermission('customer.edit');
  const d = db();
  const before = await d.customers.get(id);
  if (!before || before.deletedAt) throw new NotFoundError(msg('notFound.customer'));
  const merged: Partial<CustomerInput> = { ...before, ...patch };
  // A code that was let through keeps its override while it stays the same code.
  const previous = overrideOf(before);
  const kept = previous && (merged.uscc ?? '').trim().toUpperCase() === before.uscc ? previous : null;
  const { values, override, newOverride } = validate(merged, user, options, kept);
  const overrideChanged = newOverride || (previous === null) !== (override === null);
  const sameAsBefore = CUSTOMER_FIELDS.every((f: CustomerField) => (before[f] ?? null) === (values[f] ?? null));
  // Nothing to store, nothing to sync (a repository write always queues a mutation, so skip the write).
  if (sameAsBefore && !overrideChanged) return before;

  return writeWithOutbox([d.customers, d.customerHistory], async ({ enqueue }) => {
    const old = await d.customers.get(id);
    if (!old || old.deletedAt) throw new NotFoundError(msg('notFound.customer'));
    const base = options.baseVersion ?? before.version;
    if (old.version !== base) {
      throw new ValidationError({ form: msg('customer.changedMeanwhile') });
    }
    const changed = CUSTOMER_FIELDS.filter((f: CustomerField) => (old[f] ?? null) !== (values[f] ?? null));
    if (changed.includes('uscc')) await assertUsccFree(values.uscc, id);

    const at = nowIso();
    const next: CustomerRow = {
      ...old,
      ...values,
      ...overrideFields(override),
      searchTokens: companyNameTokens(values.name),
      version: old.version + 1,
      updatedAt: at,
      updatedBy: user.id,
    };
    // Verified data that changes must be verified again (400 agreement 第二条: true and current).
    const reverify = old.realNameStatus !== 'pending' && changed.some((f) => REAL_NAME_FIELDS.includes(f));
    if (reverify) Object.assign(next, { realNameStatus: 'pending', verifiedAt: null, verifiedBy: null });
    await d.customers.put(next);
    const history = changed.map((f) => historyRow(id, user, at, f, old[f] ?? null, next[f] ?? null));
    if (reverify) history.push(historyRow(id, user, at, 'realNameStatus', REAL_NAME_STATUS_LABELS[old.realNameStatus], REAL_NAME_STATUS_LABELS.pending));
    if (overrideChanged) {
      history.push(historyRow(id, user, at, 'usccOverrideReason', old.usccOverrideReason, override ? `${next.uscc}：${override.reason}` : null));
    }
    await d.customerHistory.bulkAdd(history);

    const fields: Record<string, unknown> = {};
    for (const f of changed) fields[f] = next[f];
    if (overrideChanged) Object.assign(fields, overrideFields(override));
    if (reverify) Object.assign(fields, { realNameStatus: 'pending', verifiedAt: null, verifiedBy: null });
    await enqueue({ name: 'record.update', args: { entity: 'customer', id, fields }, baseVersion: old.version });
    return next;
  });
}
/** The whole record, full ID number included: for the edit form, never for lists. */
export async function getCustomer(id: string): Promise<CustomerRow | null> {
  const c = await db().customers.get(id);
  return c && !c.deletedAt ? c : null;
}

/**
 * The server's order of a line: its record version. A line not yet confirmed by the server (this
 * device's own, still pending) has none and is newer than every confirmed one.
 */
function serverOrder(row: CustomerHistoryRow): number {
  const v = (row as CustomerHistoryRow & { version?: unknown }).version;
  return typeof v === 'number' ? v : Number.MAX_SAFE_INTEGER;
}

/**
 * Newest first. Lines the server wrote in one push share its transaction's time, so equal times
 * are ordered by the server's version (the order it wrote them), not by their random ids.
 */
export async function customerHistory(customerId: string): Promise<CustomerHistoryRow[]> {
  const rows = await db()
    .customerHistory.where('[customerId+at]')
    .between([customerId, ''], [customerId, '\uffff'])
    .toArray();
  return rows.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : serverOrder(y) - serverOrder(x)));
}
