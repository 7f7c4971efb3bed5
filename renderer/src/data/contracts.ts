import {
  buildContract,
  buildFromSnapshot,
  can,
  ContractInputError,
  CONTRACT_TEMPLATES,
  isIsoDate,
  makeSignedSnapshot,
  msg,
  msgOfIssue,
  parseContractInput,
  parseContractNumber,
  renderContractDocx,
  resolveOfficeSettings,
  toOfficeDate,
  type ContractDocument,
  type ContractTemplateId,
  type Msg,
  type OfficeSettings,
} from '../../../shared';
import { signContract as recordApplicationSigned } from './applications';
import { attachmentMaxBytes, sha256Hex, sniffMime } from './attachments';
import { nowIso } from './clock';
import { buildContractInput, type ContractSources } from './contractsInput';
import { nextProvisionalNumberInTx } from './contractsNumbering';
import {
  applicationsForContracts,
  contractsTable,
  CONTRACTABLE_APPLICATION_STATUSES,
  type ApplicationForContract,
  type ContractEvent,
  type ContractRow,
  type ContractStatus,
  type ContractStep,
} from './contractsTypes';
import { db } from './db';
import { NotFoundError, PermissionError, ValidationError } from './errors';
import { getOfficeProfile } from './officeProfile';
import { officeSettings } from './numbers';
import { writeWithOutbox, type OutboxContext } from './outbox';
import { deniedMsg, getCurrentUser, requirePermission } from './session';
import type { CustomerRow, UserRow } from './rows';

/**
 * The contracts repository (issue 5). One function per action; each checks the current user's
 * permission here, validates everything before writing, and stores the change with its outbox
 * mutation in ONE transaction (writeWithOutbox). Numbering: contractsNumbering.ts; the row and its
 * lifecycle: contractsTypes.ts.
 *
 * Who may do what: making a contract from an approved 受理单, signing and voiding are a manager's
 * (or admin's) — the roles of `contract.sign`; printing and reprinting (`contract.print`) also a
 * clerk's.
 */

export type { ContractRow, ContractStatus, ContractStep } from './contractsTypes';

export const CONTRACT_STATUS_LABELS_ZH: Readonly<Record<ContractStatus, string>> = {
  draft: '草稿',
  printed: '已打印',
  signed: '已签署',
  void: '已作废',
};

/** zh-CN names of template input fields, so an error names the field a person knows. */
const FIELD_NAMES: Record<string, string> = {
  'reseller.name': '本单位名称',
  'reseller.contact': '本单位联系电话',
  'customer.contact': '客户联系电话',
  hotlineNumber: '400 号码',
  'registration.uscc': '统一社会信用代码',
  'registration.handlerIdNumber': '经办人身份证号码',
  'registration.handlerMobile': '经办人手机号码',
  'registration.companyLandline': '企业固定电话',
  'requirement.contactPhone': '联系电话',
};

function inputErrors(templateId: string, issues: readonly { path: string; message: string }[]): ValidationError {
  const fields: Record<string, Msg> = {};
  const term = CONTRACT_TEMPLATES[templateId as ContractTemplateId]?.title ?? templateId;
  for (const i of issues) fields[i.path] ??= msg('contract.field', { term, label: FIELD_NAMES[i.path] ?? i.path, message: msgOfIssue(i) });
  return new ValidationError(fields);
}

async function requireManager(what: string): Promise<UserRow> {
  const user = await requirePermission('contract.print');
  if (!can(user.role, 'contract.sign')) {
    throw new PermissionError('contract.sign', user.role, deniedMsg(user, what));
  }
  return user;
}

function stepOf(user: UserRow, event: ContractEvent, from: ContractStatus | null, to: ContractStatus, note = ''): ContractStep {
  return { at: nowIso(), userId: user.id, userName: user.name, event, from, to, note };
}

async function officeSettingsRow(): Promise<OfficeSettings> {
  // the office's settings record (pulled from the server) over this device's own row
  return resolveOfficeSettings(await officeSettings());
}

function syncData(c: ContractRow): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...data } = c;
  return data;
}

// ---------------------------------------------------------------------------------------------
// Reading the records a contract is made from
// ---------------------------------------------------------------------------------------------

async function loadApplication(applicationId: string): Promise<ApplicationForContract> {
  const app = await applicationsForContracts().get(applicationId);
  if (!app || app.deletedAt) throw new NotFoundError(msg('notFound.application'));
  if (!(CONTRACTABLE_APPLICATION_STATUSES as readonly string[]).includes(app.status)) {
    throw new ValidationError({ status: msg('contract.notApproved', { no: app.no }) });
  }
  return app;
}

async function loadSources(app: ApplicationForContract): Promise<ContractSources> {
  const d = db();
  const profile = await getOfficeProfile();
  if (!profile) throw new ValidationError({ officeProfile: msg('contract.noOfficeProfile') });
  const customer = await d.customers.get(app.customerId);
  if (!customer || customer.deletedAt) throw new ValidationError({ customerId: msg('contract.customerGone', { no: app.no }) });
  const number = app.numberDigits ? ((await d.numbers.get(app.numberDigits)) ?? null) : null;
  const pkgRow = app.packageId ? ((await d.packages.get(app.packageId)) as Record<string, unknown> | undefined) : undefined;
  const pkg = pkgRow
    ? {
        name: String(pkgRow.name ?? ''),
        prepaymentFen: Number(pkgRow.prepaymentFen ?? 0),
        monthlyMinimumFen: Number(pkgRow.monthlyMinimumFen ?? 0),
        tariffFenPerMinute: Number(pkgRow.tariffFenPerMinute ?? 0),
        termMonths: Number(pkgRow.termMonths ?? 0),
      }
    : null;
  const grade = number?.grade ? ((await d.gradeRules.get(number.grade)) as { minimumMonthlyFen?: number; monthlyMinimumFen?: number } | undefined) : undefined;
  const gradeMinimumFen = grade ? (grade.minimumMonthlyFen ?? grade.monthlyMinimumFen ?? null) : null;
  const users = await d.users.toArray();
  return {
    application: app,
    customer: customer as CustomerRow,
    number,
    pkg,
    gradeMinimumFen,
    profile,
    settings: await officeSettingsRow(),
    userNames: new Map(users.map((u) => [u.id, u.name])),
  };
}

/** Builds and validates the template input of an application (nothing is written). */
async function inputFor(app: ApplicationForContract, templateId: ContractTemplateId) {
  const sources = await loadSources(app);
  const input = buildContractInput(templateId, sources);
  const parsed = parseContractInput(templateId, input);
  if (!parsed.ok) throw inputErrors(templateId, parsed.issues);
  return { input, sources };
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/**
 * A contract of `templateId` for an approved 受理单, with a provisional number of this device.
 * There is at most one live (not void) contract per application and template: asking again
 * returns the existing one unchanged.
 */
export async function createContractFromApplication(applicationId: string, templateId: ContractTemplateId): Promise<ContractRow> {
  const user = await requireManager('生成合同');
  if (!CONTRACT_TEMPLATES[templateId]) throw new ValidationError({ templateId: msg('contract.templateUnknown', { template: templateId }) });
  const app = await loadApplication(applicationId);
  const existing = await liveContractFor(applicationId, templateId);
  if (existing) return existing;
  const { input, sources } = await inputFor(app, templateId);
  const prefix = sources.profile.contractPrefix;
  const year = Number(toOfficeDate(nowIso(), sources.profile.timeZone).slice(0, 4));
  return writeWithOutbox([contractsTable(), applicationsForContracts()], async ({ enqueue }) => {
    const again = await liveContractFor(applicationId, templateId);
    if (again) return again;
    const number = await nextProvisionalNumberInTx(prefix, year);
    const at = nowIso();
    const row: ContractRow = {
      id: crypto.randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      number,
      provisional: true,
      templateId,
      status: 'draft',
      applicationId,
      applicationNo: app.no,
      customerId: app.customerId,
      customerName: sources.customer.name,
      hotlineDigits: app.numberDigits,
      input,
      snapshot: null,
      printedAt: null,
      printedBy: null,
      printCount: 0,
      signedOn: null,
      signer: null,
      signedBy: null,
      signedAt: null,
      signedCopy: null,
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
      steps: [stepOf(user, 'create', null, 'draft', `受理单 ${app.no}`)],
      createdBy: user.id,
      updatedBy: user.id,
    };
    await contractsTable().add(row);
    await enqueue({ name: 'record.create', args: { entity: 'contract', id: row.id, data: syncData(row) } });
    return row;
  });
}

/** A draft takes the records' current data again (after a customer's details were corrected). */
export async function refreshContractDraft(id: string): Promise<ContractRow> {
  const user = await requireManager('修改合同');
  const before = await requireContract(id);
  if (before.status !== 'draft') throw new ValidationError({ status: msg('contract.finalised', { number: before.number, status: CONTRACT_STATUS_LABELS_ZH[before.status] }) });
  const app = await loadApplication(before.applicationId);
  const { input, sources } = await inputFor(app, before.templateId);
  return update(id, user, 'refresh', (c) => {
    if (c.status !== 'draft') throw new ValidationError({ status: msg('contract.finalisedNow', { number: c.number }) });
    return { input, customerName: sources.customer.name, hotlineDigits: app.numberDigits };
  });
}

export type PrintKind = 'print' | 'pdf' | 'word' | 'batch';
const PRINT_KIND_ZH: Record<PrintKind, string> = { print: '打印', pdf: '打印为 PDF', word: '保存 Word', batch: '批量导出' };

/** The snapshot a draft is frozen with (validated; throws a field-named ValidationError). */
function freeze(c: ContractRow, at: string) {
  try {
    return makeSignedSnapshot(c.templateId, c.input, c.number, at);
  } catch (e) {
    if (e instanceof ContractInputError) throw inputErrors(c.templateId, e.issues);
    throw e;
  }
}

function printedChanges(c: ContractRow, user: UserRow, kind: PrintKind, at: string): Partial<ContractRow> & { step: ContractStep } {
  if (c.status === 'void') throw new ValidationError({ status: msg('contract.voidNoPrint', { number: c.number }) });
  if (c.status === 'draft') {
    return {
      status: 'printed',
      snapshot: freeze(c, at),
      printedAt: at,
      printedBy: user.id,
      printCount: 1,
      step: stepOf(user, 'print', 'draft', 'printed', PRINT_KIND_ZH[kind]),
    };
  }
  return { printCount: c.printCount + 1, step: stepOf(user, 'reprint', c.status, c.status, PRINT_KIND_ZH[kind]) };
}

async function storePrinted(ctx: OutboxContext, c: ContractRow, user: UserRow, kind: PrintKind): Promise<ContractRow> {
  const at = nowIso();
  const { step, ...changes } = printedChanges(c, user, kind, at);
  const row: ContractRow = { ...c, ...changes, steps: [...c.steps, step], version: c.version + 1, updatedAt: at, updatedBy: user.id };
  await contractsTable().put(row);
  if (c.status === 'draft') {
    await ctx.enqueue({ name: 'record.update', args: { entity: 'contract', id: c.id, fields: { number: row.number, snapshot: row.snapshot, printedAt: at, printedBy: user.id, printCount: 1 } }, baseVersion: c.version });
    await ctx.enqueue({ name: 'record.transition', args: { entity: 'contract', id: c.id, to: 'printed' } });
  } else {
    await ctx.enqueue({ name: 'record.update', args: { entity: 'contract', id: c.id, fields: { printCount: row.printCount } }, baseVersion: c.version });
  }
  return row;
}

/**
 * A copy left the app (printed, PDF, Word). The first time freezes a draft into its snapshot with
 * its number (the number is then permanent, see contractsNumbering.ts); later copies are reprints
 * of the same snapshot and only count.
 */
export async function markContractPrinted(id: string, kind: PrintKind = 'print'): Promise<ContractRow> {
  return (await markContractsPrinted([id], kind))[0]!;
}

/** The same for many contracts in one transaction (a batch zip once it has been made). */
export async function markContractsPrinted(ids: readonly string[], kind: PrintKind): Promise<ContractRow[]> {
  const user = await requirePermission('contract.print');
  // Validate (and freeze) everything first: a refused contract leaves the others untouched too.
  const at = nowIso();
  for (const id of ids) printedChanges(await requireContract(id), user, kind, at);
  return writeWithOutbox([contractsTable()], async (ctx) => {
    const out: ContractRow[] = [];
    for (const id of ids) {
      const c = await contractsTable().get(id);
      if (!c) throw new NotFoundError(msg('notFound.contract'));
      out.push(await storePrinted(ctx, c, user, kind));
    }
    return out;
  });
}

export interface SignInput {
  /** YYYY-MM-DD written on the contract. */
  signedOn: string;
  /** Who signed for the customer. */
  signer: string;
  /** The scanned signed copy (JPEG, PNG or PDF). */
  file: { fileName: string; mime: string; bytes: Uint8Array } | null;
}

/** The customer signed a printed contract: date, signatory and the scanned signed copy. */
export async function signContract(id: string, input: SignInput): Promise<ContractRow> {
  const user = await requireManager('签订合同');
  const errors: Record<string, Msg> = {};
  const signedOn = input.signedOn.trim();
  if (!isIsoDate(signedOn)) errors.signedOn = msg('form.date', { label: '签署日期' });
  else if (signedOn > toOfficeDate(nowIso())) errors.signedOn = msg('form.notAfterToday', { label: '签署日期' });
  const signer = input.signer.trim();
  if (!signer) errors.signer = msg('contract.signerRequired');
  else if (signer.length > 50) errors.signer = msg('form.tooLong', { label: '签署人', max: 50 });
  const file = input.file;
  let mime = null as ReturnType<typeof sniffMime>;
  if (!file || file.bytes.length === 0) errors.signedCopy = msg('contract.signedCopyRequired');
  else {
    mime = sniffMime(file.bytes);
    const limit = await attachmentMaxBytes();
    if (!mime) errors.signedCopy = msg('form.onlyScans', { label: '签署扫描件', file: file.fileName });
    else if (file.bytes.length > limit) errors.signedCopy = msg('contract.signedCopyTooLarge', { mb: Math.round(limit / 1024 / 1024) });
  }
  const current = await requireContract(id);
  if (current.status !== 'printed') {
    errors.status =
      current.status === 'draft'
        ? msg('contract.printFirst', { number: current.number })
        : msg('contract.cannotSign', { number: current.number, status: CONTRACT_STATUS_LABELS_ZH[current.status] });
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  // Hash before the transaction: awaiting crypto.subtle inside it would let IndexedDB commit early.
  const sha256 = await sha256Hex(file!.bytes);
  const blob = new Blob([file!.bytes.slice().buffer], { type: mime! });
  const signedCopy = { sha256, fileName: file!.fileName, mime: mime!, size: file!.bytes.length };
  const d = db();
  const signed = await writeWithOutbox([contractsTable(), d.blobs], async ({ enqueue }) => {
    const c = await contractsTable().get(id);
    if (!c || c.status !== 'printed') throw new ValidationError({ status: msg('contract.changedMeanwhile') });
    const at = nowIso();
    const row: ContractRow = {
      ...c,
      status: 'signed',
      signedOn,
      signer,
      signedBy: user.id,
      signedAt: at,
      signedCopy,
      steps: [...c.steps, stepOf(user, 'sign', 'printed', 'signed', `${signedOn} ${signer}；扫描件 SHA-256 ${sha256.slice(0, 12)}…`)],
      version: c.version + 1,
      updatedAt: at,
      updatedBy: user.id,
    };
    await contractsTable().put(row);
    if (!(await d.blobs.get(sha256))) await d.blobs.add({ sha256, blob, size: signedCopy.size, mime: signedCopy.mime, uploaded: 0 });
    await enqueue({ name: 'record.update', args: { entity: 'contract', id, fields: { signedOn, signer, signedCopy } }, baseVersion: c.version });
    await enqueue({ name: 'contract.sign', args: { contractId: id, signer } });
    return row;
  });
  await stepApplicationToSigned(signed);
  return signed;
}

/**
 * The 受理单 follows its signed contract (approved → contract_signed, with the signing date),
 * through the applications repository so its own rules and history apply. A separate step: the
 * contract stays signed if the form has moved on or the step is refused, and the form can still
 * be stepped by hand in the applications area.
 */
async function stepApplicationToSigned(c: ContractRow): Promise<void> {
  if (c.templateId === 'completion-form' || !c.signedOn) return;
  const app = await applicationsForContracts().get(c.applicationId);
  if (app?.status !== 'approved') return;
  try {
    await recordApplicationSigned(c.applicationId, c.signedOn);
  } catch (e) {
    if (!(e instanceof ValidationError || e instanceof PermissionError)) throw e;
  }
}

/** Voids a contract, with the reason (required). A signed contract keeps its snapshot and scan. */
export async function voidContract(id: string, reason: string): Promise<ContractRow> {
  const user = await requireManager('作废合同');
  const why = reason.trim();
  if (!why) throw new ValidationError({ reason: msg('contract.voidReasonRequired') });
  if (why.length > 500) throw new ValidationError({ reason: msg('form.tooLong', { label: '作废原因', max: 500 }) });
  return update(id, user, 'void', (c) => {
    if (c.status === 'void') throw new ValidationError({ status: msg('contract.alreadyVoid', { number: c.number }) });
    return { status: 'void', voidedAt: nowIso(), voidedBy: user.id, voidReason: why };
  }, why);
}

/** The common frame of a simple change: re-read in the transaction, history step, outbox. */
async function update(
  id: string,
  user: UserRow,
  event: ContractEvent,
  change: (c: ContractRow) => Partial<ContractRow>,
  note = '',
): Promise<ContractRow> {
  return writeWithOutbox([contractsTable()], async ({ enqueue }) => {
    const c = await contractsTable().get(id);
    if (!c || c.deletedAt) throw new NotFoundError(msg('notFound.contract'));
    const fields = change(c);
    const to = fields.status ?? c.status;
    const row: ContractRow = { ...c, ...fields, steps: [...c.steps, stepOf(user, event, c.status, to, note)], version: c.version + 1, updatedAt: nowIso(), updatedBy: user.id };
    await contractsTable().put(row);
    const { status: _s, ...plain } = fields;
    if (Object.keys(plain).length) await enqueue({ name: 'record.update', args: { entity: 'contract', id, fields: plain }, baseVersion: c.version });
    if (fields.status && fields.status !== c.status) await enqueue({ name: 'record.transition', args: { entity: 'contract', id, to: fields.status } });
    return row;
  });
}

/**
 * The server issued a final number for a contract (applied by the sync pull, not a user's
 * action, so no outbox row). It replaces a provisional number only while the contract is a draft;
 * once a copy has left the app the number is permanent and this returns the row unchanged.
 */
export async function applyServerNumber(id: string, finalNumber: string): Promise<ContractRow> {
  const parsed = parseContractNumber(finalNumber);
  if (!parsed.ok || parsed.provisional) throw new ValidationError({ number: msg('contract.badServerNumber', { number: finalNumber }) });
  const d = db();
  return d.transaction('rw', [contractsTable()], async () => {
    const c = await contractsTable().get(id);
    if (!c) throw new NotFoundError(msg('notFound.contract'));
    if (c.status !== 'draft' || !c.provisional || c.number === finalNumber) return c;
    const at = nowIso();
    const row: ContractRow = {
      ...c,
      number: finalNumber,
      provisional: false,
      steps: [...c.steps, { at, userId: 'server', userName: '服务器', event: 'confirmNumber', from: 'draft', to: 'draft', note: `${c.number} → ${finalNumber}` }],
      version: c.version + 1,
      updatedAt: at,
    };
    await contractsTable().put(row);
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

async function requireContract(id: string): Promise<ContractRow> {
  const c = await getContract(id);
  if (!c) throw new NotFoundError(msg('notFound.contract'));
  return c;
}

export async function getContract(id: string): Promise<ContractRow | null> {
  const c = await contractsTable().get(id);
  return c && !c.deletedAt ? c : null;
}

async function liveContractFor(applicationId: string, templateId: ContractTemplateId): Promise<ContractRow | null> {
  const rows = await contractsTable().where('applicationId').equals(applicationId).toArray();
  return rows.find((c) => c.templateId === templateId && c.status !== 'void' && !c.deletedAt) ?? null;
}

export async function contractsForApplication(applicationId: string): Promise<ContractRow[]> {
  const rows = await contractsTable().where('applicationId').equals(applicationId).toArray();
  return rows.filter((c) => !c.deletedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * The document of a contract: from its snapshot once frozen (a reprint is the same words, whatever
 * happened to the records since), from its draft input before.
 */
export function contractDocument(c: ContractRow): ContractDocument {
  if (c.snapshot) return buildFromSnapshot(c.snapshot);
  try {
    return buildContract(c.templateId, { ...c.input, contractNumber: c.number });
  } catch (e) {
    if (e instanceof ContractInputError) throw inputErrors(c.templateId, e.issues);
    throw e;
  }
}

export async function contractDocxBytes(c: ContractRow): Promise<Uint8Array> {
  return renderContractDocx(contractDocument(c));
}

/** A file name without characters Windows refuses: `ZZQF-2026-000123 河南豫信商贸有限公司 400用户入网服务协议.docx`. */
export function contractFileName(c: Pick<ContractRow, 'number' | 'customerName' | 'templateId'>, extension = 'docx'): string {
  const title = CONTRACT_TEMPLATES[c.templateId].title;
  const name = [...`${c.number} ${c.customerName} ${title}`].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return `${name.slice(0, 150)}.${extension}`;
}

export interface ContractListFilter {
  /** Part of the number, the customer's name or the 400 number. */
  text?: string;
  status?: ContractStatus | 'all';
  limit?: number;
}

/** The register: newest first; search by number, customer name, hotline number. */
export async function listContracts(filter: ContractListFilter = {}): Promise<ContractRow[]> {
  const t = contractsTable();
  let rows = filter.status && filter.status !== 'all' ? await t.where('status').equals(filter.status).toArray() : await t.toArray();
  rows = rows.filter((c) => !c.deletedAt);
  const q = (filter.text ?? '').trim().toLowerCase();
  if (q) {
    const digits = q.replace(/[\s-]/g, '');
    rows = rows.filter(
      (c) =>
        c.number.toLowerCase().includes(q) ||
        c.customerName.toLowerCase().includes(q) ||
        (/^\d{3,}$/.test(digits) && (c.hotlineDigits ?? '').includes(digits)),
    );
  }
  rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number.localeCompare(a.number));
  return rows.slice(0, filter.limit ?? 500);
}

export interface ContractableApplication extends ApplicationForContract {
  customerName: string;
  contracts: ContractRow[];
}

/** Approved 受理单 (and later steps), newest first, with their customers' names and contracts. */
export async function listContractableApplications(text = ''): Promise<ContractableApplication[]> {
  const apps = (await applicationsForContracts().where('status').anyOf([...CONTRACTABLE_APPLICATION_STATUSES]).toArray()).filter((a) => !a.deletedAt);
  const customers = new Map((await db().customers.bulkGet([...new Set(apps.map((a) => a.customerId))])).filter((c) => c).map((c) => [c!.id, c!.name]));
  const contracts = await contractsTable().where('applicationId').anyOf(apps.map((a) => a.id)).toArray();
  const byApp = new Map<string, ContractRow[]>();
  for (const c of contracts) if (!c.deletedAt) byApp.set(c.applicationId, [...(byApp.get(c.applicationId) ?? []), c]);
  const q = text.trim().toLowerCase();
  return apps
    .map((a) => ({ ...a, customerName: customers.get(a.customerId) ?? '—', contracts: byApp.get(a.id) ?? [] }))
    .filter((a) => !q || a.no.toLowerCase().includes(q) || a.customerName.toLowerCase().includes(q) || (a.numberDigits ?? '').includes(q.replace(/\D/g, '') || '\u0000'))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The scanned signed copy's bytes, for viewing. */
export async function signedCopyBlob(c: ContractRow): Promise<Blob | null> {
  if (!c.signedCopy) return null;
  return (await db().blobs.get(c.signedCopy.sha256))?.blob ?? null;
}

/** Whether the current user may make, sign and void contracts (the UI hides what it may not). */
export async function currentUserManagesContracts(): Promise<boolean> {
  const u = await getCurrentUser();
  return !!u && can(u.role, 'contract.sign');
}
