import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, ValidationError } from './errors';
import { writeWithOutbox, type OutboxContext } from './outbox';
import { requirePermission } from './session';
import { officeSettings } from './numbers';
import { holdNumberForApplicationInTx, stepNumberInTx } from './accountsNumbers';
import { applyChangeInTx, openAccountInTx } from './accountsOpen';
import {
  APPLICATION_FLOW_LABELS,
  applicationEventLabel,
  applicationEventPermission,
  transitionApplicationFlow,
  type ApplicationFlowEvent,
} from './applicationsFlow';
import { checkRequirement, type ApplicationInput } from './applicationsValidation';
import { applicationsTable, type Acceptance, type ApplicationStep, type StoredApplication } from './applicationsTypes';
import type { UserRow } from './rows';
import {
  CalendarDataMissingError, deemedAcceptanceDate, isIsoDate, msg, msgOfCheck, toOfficeDate, type Msg, type OfficeSettings,
} from '../../../shared';

/**
 * Service applications (受理单 / 业务需求单, issue 4 item 4). One function per action; each checks
 * the current user's permission here (not only in the UI), validates everything first and stores
 * the form, its history step, any number or account change and the outbox mutation in ONE
 * transaction — a refused step leaves nothing behind.
 */

export type { ApplicationInput } from './applicationsValidation';
export type { StoredApplication, ApplicationStep, Acceptance } from './applicationsTypes';

function stepOf(user: UserRow, event: ApplicationStep['event'], from: StoredApplication['status'] | null, to: StoredApplication['status'], note = ''): ApplicationStep {
  return { at: nowIso(), userId: user.id, userName: user.name, event, from, to, note };
}

async function officeToday(settings?: OfficeSettings): Promise<string> {
  const s = settings ?? (await officeSettings());
  return toOfficeDate(nowIso(), s.timeZone);
}

function applicationNo(today: string): string {
  return `SL${today.replace(/-/g, '')}-${crypto.randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

/** Checks the references of a form (customer, number, package, features); throws a field-named ValidationError. */
async function checkReferences(input: Partial<ApplicationInput>, opts: { complete: boolean; kind: 'new' | 'change'; accountNumber?: string }): Promise<void> {
  const d = db();
  const errors: Record<string, Msg> = {};
  const customer = input.customerId ? await d.customers.get(input.customerId) : undefined;
  if (!customer || customer.deletedAt) errors.customerId = msg('form.chooseCustomer', { label: '客户' });
  if (input.numberDigits) {
    const n = await d.numbers.get(input.numberDigits);
    if (opts.kind === 'change') {
      if (input.numberDigits !== opts.accountNumber) errors.numberDigits = msg('application.numberNotAccounts');
    } else if (!n) errors.numberDigits = msg('application.numberNotInPool', { digits: input.numberDigits });
    else if (n.status !== 'reserved' || n.customerId !== input.customerId) {
      errors.numberDigits = msg('application.numberNotReserved', { digits: input.numberDigits });
    }
  } else if (opts.complete) errors.numberDigits = msg('application.numberRequired');
  if (input.packageId) {
    const p = (await d.packages.get(input.packageId)) as { name?: string; active?: boolean; deletedAt?: string | null; featureFees?: { name: string }[] } | undefined;
    if (!p || p.deletedAt) errors.packageId = msg('application.packageGone');
    else if (p.active === false && opts.kind === 'new') errors.packageId = msg('application.packageRetired', { name: p.name ?? '' });
    else {
      const offered = new Set((p.featureFees ?? []).map((f) => f.name));
      const unknown = (input.features ?? []).filter((f) => !offered.has(f));
      if (unknown.length > 0) errors.features = msg('application.featuresUnknown', { name: p.name ?? '', features: unknown.join('、') });
    }
  } else if (opts.complete) errors.packageId = msg('application.packageRequired');
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

function validateInput(input: Partial<ApplicationInput>, complete: boolean) {
  const r = checkRequirement(input, complete);
  if (!r.values) throw new ValidationError(r.errors);
  return r.values;
}

/** Creates a draft 受理单 for a new service. Number, package and requirement fields may still be blank. */
export async function createApplication(input: ApplicationInput): Promise<StoredApplication> {
  const user = await requirePermission('application.create');
  const requirement = validateInput(input, false);
  await checkReferences(input, { complete: false, kind: 'new' });
  const today = await officeToday();
  const d = db();
  return writeWithOutbox([applicationsTable(), d.customers, d.numbers, d.packages], async ({ enqueue }) => {
    await checkReferences(input, { complete: false, kind: 'new' });
    const at = nowIso();
    const row: StoredApplication = {
      id: crypto.randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      no: applicationNo(today),
      kind: 'new',
      status: 'draft',
      customerId: input.customerId,
      numberDigits: input.numberDigits,
      packageId: input.packageId,
      features: [...input.features],
      requirement,
      accountId: null,
      rejectedAt: null,
      rejectionReason: null,
      contractSignedOn: null,
      sentToCarrierOn: null,
      completionReceivedOn: null,
      openedOn: null,
      deemedAcceptanceOn: null,
      acceptance: null,
      steps: [stepOf(user, 'create', null, 'draft')],
      createdBy: user.id,
      updatedBy: user.id,
    };
    await applicationsTable().add(row);
    await enqueue({ name: 'application.create', args: { id: row.id, data: syncData(row) } });
    return row;
  });
}

/**
 * A 业务需求单 for a change to an active service (4008 contract 2.2): a new form kept with the
 * account, same flow; when it becomes active its package, features and requirement replace the
 * account's.
 */
export async function createChangeApplication(accountId: string, input: Omit<ApplicationInput, 'customerId' | 'numberDigits'>): Promise<StoredApplication> {
  const user = await requirePermission('application.create');
  const d = db();
  const account = (await d.accounts.get(accountId)) as { id: string; status: string; customerId: string; numberDigits: string } | undefined;
  if (!account) throw new NotFoundError(msg('notFound.account'));
  if (account.status !== 'active' && account.status !== 'suspended') {
    throw new ValidationError({ accountId: msg('account.changeOnlyLive') });
  }
  const full: ApplicationInput = { ...input, customerId: account.customerId, numberDigits: account.numberDigits };
  const requirement = validateInput(full, false);
  await checkReferences(full, { complete: false, kind: 'change', accountNumber: account.numberDigits });
  const today = await officeToday();
  return writeWithOutbox([applicationsTable(), d.customers, d.numbers, d.packages], async ({ enqueue }) => {
    const at = nowIso();
    const row: StoredApplication = {
      id: crypto.randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      no: applicationNo(today).replace(/^SL/, 'BG'),
      kind: 'change',
      status: 'draft',
      customerId: full.customerId,
      numberDigits: full.numberDigits,
      packageId: full.packageId,
      features: [...full.features],
      requirement,
      accountId,
      rejectedAt: null,
      rejectionReason: null,
      contractSignedOn: null,
      sentToCarrierOn: null,
      completionReceivedOn: null,
      openedOn: null,
      deemedAcceptanceOn: null,
      acceptance: null,
      steps: [stepOf(user, 'create', null, 'draft', '服务变更需求单')],
      createdBy: user.id,
      updatedBy: user.id,
    };
    await applicationsTable().add(row);
    await enqueue({ name: 'application.create', args: { id: row.id, data: syncData(row) } });
    return row;
  });
}

/** Edits a draft (or a rejected form after revising). Only drafts can be edited. */
export async function updateApplication(id: string, input: ApplicationInput): Promise<StoredApplication> {
  const user = await requirePermission('application.create');
  const before = await getApplication(id);
  if (!before) throw new NotFoundError(msg('notFound.application'));
  const full: ApplicationInput =
    before.kind === 'change' ? { ...input, customerId: before.customerId, numberDigits: before.numberDigits } : input;
  const requirement = validateInput(full, false);
  const accountNumber = before.kind === 'change' ? (before.numberDigits ?? undefined) : undefined;
  await checkReferences(full, { complete: false, kind: before.kind, accountNumber });
  const d = db();
  return writeWithOutbox([applicationsTable(), d.customers, d.numbers, d.packages], async ({ enqueue }) => {
    const old = await applicationsTable().get(id);
    if (!old) throw new NotFoundError(msg('notFound.application'));
    if (old.status !== 'draft') {
      throw new ValidationError({ status: msg('application.onlyDraftEditable', { status: APPLICATION_FLOW_LABELS[old.status] }) });
    }
    const row: StoredApplication = {
      ...old,
      customerId: full.customerId,
      numberDigits: full.numberDigits,
      packageId: full.packageId,
      features: [...full.features],
      requirement,
      steps: [...old.steps, stepOf(user, 'edit', 'draft', 'draft')],
      version: old.version + 1,
      updatedAt: nowIso(),
      updatedBy: user.id,
    };
    await applicationsTable().put(row);
    await enqueue({ name: 'application.update', args: { id, data: syncData(row) }, baseVersion: old.version });
    return row;
  });
}

function syncData(a: StoredApplication): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...data } = a;
  return data;
}

interface StepOptions {
  reason?: string;
  note?: string;
  /** Extra changes to the form, and side effects (number, account) in the same transaction. */
  apply?: (ctx: OutboxContext, app: StoredApplication, user: UserRow) => Promise<Partial<StoredApplication>>;
  /** Checks that need the stored form, run before anything is written. */
  check?: (app: StoredApplication) => void | Promise<void>;
}

/** The common frame of every status step: permission by step, the flow machine, history, outbox. */
async function runStep(id: string, event: ApplicationFlowEvent, opts: StepOptions = {}): Promise<StoredApplication> {
  const current = await getApplication(id);
  if (!current) throw new NotFoundError(msg('notFound.application'));
  const user = await requirePermission(applicationEventPermission(event, current.status));
  const d = db();
  return writeWithOutbox(
    [applicationsTable(), d.customers, d.numbers, d.numberEvents, d.packages, d.accounts, d.accountEvents],
    async (ctx) => {
      const app = await applicationsTable().get(id);
      if (!app) throw new NotFoundError(msg('notFound.application'));
      const t = transitionApplicationFlow(app.status, event, { reason: opts.reason });
      if (!t.ok) throw new ValidationError({ [opts.reason !== undefined && !opts.reason.trim() ? 'reason' : 'status']: msg('application.refused', { no: app.no, message: msgOfCheck(t) }) });
      await opts.check?.(app);
      const extra = (await opts.apply?.(ctx, app, user)) ?? {};
      const note = [opts.reason?.trim(), opts.note].filter(Boolean).join('；');
      const row: StoredApplication = {
        ...app,
        ...extra,
        status: t.state,
        steps: [...app.steps, stepOf(user, event, app.status, t.state, note)],
        version: app.version + 1,
        updatedAt: nowIso(),
        updatedBy: user.id,
      };
      await applicationsTable().put(row);
      await ctx.enqueue({
        name: `application.${event}`,
        args: { id, from: app.status, to: t.state, reason: opts.reason ?? null, changes: extra },
        baseVersion: app.version,
      });
      return row;
    },
  );
}

/** Sends a complete draft for approval; the reserved number is then held for it until opened or cancelled. */
export async function submitApplication(id: string): Promise<StoredApplication> {
  const app = await getApplication(id);
  if (!app) throw new NotFoundError(msg('notFound.application'));
  const input = toInput(app);
  validateInput(input, true);
  await checkReferences(input, { complete: true, kind: app.kind, accountNumber: app.kind === 'change' ? (app.numberDigits ?? undefined) : undefined });
  return runStep(id, 'submit', {
    apply: async (ctx, a, user) => {
      if (a.kind === 'new' && a.numberDigits) await holdNumberForApplicationInTx(ctx, a.numberDigits, a.customerId, { id: a.id, no: a.no }, user.id);
      return { rejectedAt: null, rejectionReason: null };
    },
  });
}

/** A manager's approval (application.approve). */
export async function approveApplication(id: string, note = ''): Promise<StoredApplication> {
  return runStep(id, 'approve', { note: note.trim() });
}

function requireDate(value: string | undefined, field: string, label: string): string {
  const v = (value ?? '').trim();
  if (!isIsoDate(v)) throw new ValidationError({ [field]: msg('form.date', { label }) });
  return v;
}

/** The customer signed the contract (manager: contract.sign). */
export async function signContract(id: string, signedOn: string): Promise<StoredApplication> {
  const date = requireDate(signedOn, 'contractSignedOn', '签约日期');
  return runStep(id, 'signContract', { note: `签约日期 ${date}`, apply: async () => ({ contractSignedOn: date }) });
}

/** The form was sent to the carrier for opening. */
export async function sendToCarrier(id: string, sentOn: string): Promise<StoredApplication> {
  const date = requireDate(sentOn, 'sentToCarrierOn', '报送日期');
  return runStep(id, 'sendToCarrier', { note: `报送日期 ${date}`, apply: async () => ({ sentToCarrierOn: date }) });
}

/**
 * The completion form (竣工单) came back: the date it was received starts the five working days of
 * 4008 contract 4.3; the opening date printed on it is the actual opening date (4.4).
 */
export async function receiveCompletion(id: string, receivedOn: string, openedOn?: string): Promise<StoredApplication> {
  const received = requireDate(receivedOn, 'completionReceivedOn', '竣工单收到日期');
  const opened = requireDate(openedOn || received, 'openedOn', '竣工单上的开通日期');
  if (opened > received) throw new ValidationError({ openedOn: msg('application.openedAfterReceived') });
  const today = await officeToday();
  if (received > today) throw new ValidationError({ completionReceivedOn: msg('application.receivedAfterToday', { today }) });
  let deemed: string;
  try {
    deemed = deemedAcceptanceDate(received);
  } catch (e) {
    if (e instanceof CalendarDataMissingError) {
      throw new ValidationError({ completionReceivedOn: msg('field.labelled', { label: '竣工单收到日期', message: e.message }) });
    }
    throw e;
  }
  return runStep(id, 'receiveCompletion', {
    note: `收到 ${received}，开通日期 ${opened}，${deemed} 后视为验收`,
    check: (app) => {
      if (app.sentToCarrierOn && received < app.sentToCarrierOn) {
        throw new ValidationError({ completionReceivedOn: msg('application.receivedBeforeSent', { sentOn: app.sentToCarrierOn }) });
      }
    },
    apply: async () => ({ completionReceivedOn: received, openedOn: opened, deemedAcceptanceOn: deemed }),
  });
}

/**
 * Opens the service: the customer signed the completion form, or did neither sign nor object within
 * five working days (deemed acceptance, only after `deemedAcceptanceOn` by the injectable clock).
 * A new service gets its account and the number becomes active; a change form updates its account.
 */
export async function activateApplication(id: string, acceptance: Acceptance): Promise<StoredApplication> {
  const settings = await officeSettings();
  const today = await officeToday(settings);
  return runStep(id, 'activate', {
    note: acceptance === 'signed' ? '客户已签收竣工单' : '视为验收（合同 4.3）',
    check: (app) => {
      if (acceptance === 'deemed' && app.deemedAcceptanceOn && today <= app.deemedAcceptanceOn) {
        throw new ValidationError({
          acceptance: msg('application.deemedTooEarly', { lastDay: app.deemedAcceptanceOn }),
        });
      }
    },
    apply: async (ctx, app, user) => {
      if (app.kind === 'change') {
        await applyChangeInTx(ctx, app, user);
        return { acceptance };
      }
      if (!app.numberDigits) throw new ValidationError({ numberDigits: msg('application.numberMissing') });
      const account = await openAccountInTx(ctx, { ...app, acceptance }, user, today);
      await stepNumberInTx(ctx, {
        digits: app.numberDigits,
        event: 'activate',
        reason: `受理单 ${app.no} 开通，账户 ${account.no}`,
        userId: user.id,
        patch: { customerId: app.customerId },
      });
      return { acceptance, accountId: account.id };
    },
  });
}

/** Refused at its current step, with a reason (a manager at the approval step). */
export async function rejectApplication(id: string, reason: string): Promise<StoredApplication> {
  return runStep(id, 'reject', {
    reason,
    apply: async (_ctx, app) => ({ rejectedAt: app.status, rejectionReason: reason.trim() }),
  });
}

/** A rejected form goes back to draft so it can be corrected and submitted again. */
export async function reviseApplication(id: string): Promise<StoredApplication> {
  return runStep(id, 'revise');
}

/** Cancels a form that will not go ahead; its number's hold is released. */
export async function cancelApplication(id: string, reason: string): Promise<StoredApplication> {
  return runStep(id, 'cancel', {
    reason,
    apply: async (ctx, app, user) => {
      if (app.kind === 'new' && app.numberDigits) {
        const n = await db().numbers.get(app.numberDigits);
        if (n && n.status === 'reserved' && n.customerId === app.customerId) {
          await stepNumberInTx(ctx, { digits: n.digits, event: 'release', reason: `受理单 ${app.no} 作废：${reason.trim()}`, userId: user.id });
        }
      }
      return {};
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export async function getApplication(id: string): Promise<StoredApplication | null> {
  const a = await applicationsTable().get(id);
  return a && !a.deletedAt ? a : null;
}

/** The form as the wizard edits it. */
export function toInput(a: StoredApplication): ApplicationInput {
  return {
    customerId: a.customerId,
    numberDigits: a.numberDigits,
    packageId: a.packageId,
    features: [...a.features],
    ...a.requirement,
    destinationNumbers: [...a.requirement.destinationNumbers],
  };
}

export interface ApplicationListFilter {
  status?: StoredApplication['status'] | 'open';
  /** Part of the form number, the 400 number or the customer's name. */
  text?: string;
  customerId?: string;
  accountId?: string;
  limit?: number;
}

export interface ApplicationListItem extends StoredApplication {
  customerName: string;
}

/** Newest first, with the customer's name. */
export async function listApplications(filter: ApplicationListFilter = {}): Promise<ApplicationListItem[]> {
  const t = applicationsTable();
  let rows: StoredApplication[];
  if (filter.accountId) rows = await t.where('accountId').equals(filter.accountId).toArray();
  else if (filter.customerId) rows = await t.where('customerId').equals(filter.customerId).toArray();
  else if (filter.status && filter.status !== 'open') rows = await t.where('status').equals(filter.status).toArray();
  else rows = await t.toArray();
  if (filter.status === 'open') rows = rows.filter((a) => a.status !== 'active' && a.status !== 'cancelled');
  else if (filter.status) rows = rows.filter((a) => a.status === filter.status);
  rows = rows.filter((a) => !a.deletedAt);
  const customers = new Map((await db().customers.bulkGet([...new Set(rows.map((a) => a.customerId))])).filter((c) => c).map((c) => [c!.id, c!.name]));
  const text = (filter.text ?? '').trim().toLowerCase();
  let items = rows.map((a) => ({ ...a, customerName: customers.get(a.customerId) ?? '—' }));
  if (text) {
    const digits = text.replace(/\D/g, '');
    items = items.filter(
      (a) => a.no.toLowerCase().includes(text) || a.customerName.toLowerCase().includes(text) || (digits.length >= 3 && (a.numberDigits ?? '').includes(digits)),
    );
  }
  items.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return items.slice(0, filter.limit ?? 500);
}

/** How many forms are in each status (for the filter chips). */
export async function countApplicationsByStatus(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await applicationsTable().each((a) => {
    out[a.status] = (out[a.status] ?? 0) + 1;
  });
  return out;
}

export { applicationEventLabel };
