import { db } from './db';
import { nowIso, nowMs } from './clock';
import { NotFoundError, ValidationError } from './errors';
import { requirePermission, type Action } from './session';
import { writeWithOutbox } from './outbox';
import type { NumberEventRow, NumberRow, NumberStatus } from './rows';
import { gradeFields, listGradeRules, type StoredGradeRule } from './gradeRules';
import { officeMetaKey } from './officeProfile';
import { assertSellable } from './leases';
import Dexie from 'dexie';
import {
  DEFAULT_OFFICE_SETTINGS,
  formatMsg,
  msg,
  msgOfCheck,
  numberPatterns,
  parseHotline,
  resolveOfficeSettings,
  transitionNumber,
  type Msg,
  type NumberEvent,
  type OfficeSettings,
} from '../../../shared';

/**
 * The number pool (号码池): one function per action, each permission-checked, validated, written
 * with its outbox mutation and a numberEvents row (who, when, from → to, why) in ONE transaction.
 * State changes go through the shared number state machine (transitionNumber), so an illegal step
 * is refused with its zh-CN reason before anything is written.
 */

/** The user id recorded for changes nobody made by hand (a reservation running out). */
export const SYSTEM_USER_ID = 'system';

/** Who may move a number by each lifecycle event. */
const EVENT_PERMISSION: Record<NumberEvent, Action> = {
  reserve: 'number.reserve',
  release: 'number.reserve',
  activate: 'number.assign',
  suspend: 'account.suspend',
  resume: 'account.suspend',
  freeze: 'account.suspend',
  unfreeze: 'account.suspend',
  reclaim: 'number.reclaim',
  startCooling: 'number.reclaim',
  endCooling: 'number.reclaim',
};

/** A new pool row for validated digits, graded by the office's table. */
export function newNumberRow(digits: string, carrier: NumberRow['carrier'], table: readonly StoredGradeRule[], at: string): NumberRow {
  return {
    digits,
    segment: digits.slice(0, 4),
    carrier,
    status: 'available',
    ...gradeFields(digits, table),
    patterns: numberPatterns(digits),
    tail: digits.slice(-4),
    customerId: null,
    reservedUntil: null,
    holderId: null,
    coolingUntil: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Event ids sort in the order the events were made (time, then a per-session counter), so two
 * changes in the same millisecond (an import and a reservation in a test) keep their order in
 * the [digits+at] index, which breaks ties by the id.
 */
let eventCounter = 0;
function event(digits: string, at: string, userId: string, from: NumberStatus | null, to: NumberStatus, reason: string, customerId?: string | null): NumberEventRow {
  eventCounter = (eventCounter + 1) % 1_000_000;
  const id = `${at.replace(/\D/g, '')}-${String(eventCounter).padStart(6, '0')}-${crypto.randomUUID().slice(0, 8)}`;
  return { id, digits, at, userId, from, to, reason, customerId: customerId ?? null };
}

/**
 * The office's settings, defaults filled in: what the office changed (its `office/settings` record,
 * pulled from the server or saved here by saveOfficeSettings) over what this device keeps under
 * 'officeSettings' in the settings table (a store that never synced).
 */
export async function officeSettings(): Promise<OfficeSettings> {
  const d = db();
  const row = await d.settings.get('officeSettings');
  const local = (row?.value ?? undefined) as Partial<OfficeSettings> | undefined;
  // inside a transaction without meta (none today) the device's own values are all there is
  const tx = Dexie.currentTransaction;
  if (tx && !tx.storeNames.includes('meta')) return resolveOfficeSettings(local);
  const office = ((await d.meta.get(officeMetaKey('settings')))?.value as { data?: Record<string, unknown> } | undefined)?.data ?? {};
  const known = Object.fromEntries(Object.entries(office).filter(([k]) => k in DEFAULT_OFFICE_SETTINGS)) as Partial<OfficeSettings>;
  return resolveOfficeSettings({ ...local, ...known });
}

// ---------------------------------------------------------------------------------------------
// Adding numbers: an import file or a range. Both validate every row first and write all or none.
// ---------------------------------------------------------------------------------------------

/** One refused row of an import: the row number a person sees in the file, the value, the reason. */
export interface NumberRowError {
  rowNumber: number;
  value: string;
  /** zh-CN */
  reason: string;
  /** The same as data, to show in the UI's language. */
  text?: Msg | string;
}

function rowError(rowNumber: number, value: string, text: Msg | string): NumberRowError {
  return { rowNumber, value, reason: formatMsg(text), text };
}

/** An import or range refused as a whole; `rowErrors` lists every bad row (nothing was written). */
export class NumberImportError extends ValidationError {
  constructor(readonly rowErrors: NumberRowError[], summary: Msg | string) {
    super({ file: summary });
    this.name = 'NumberImportError';
  }
}

/** Most rows one file may carry (a carrier's allocation is a few thousand). */
export const MAX_IMPORT_ROWS = 50_000;
/** Most numbers one range may add. */
export const MAX_RANGE_SIZE = 10_000;

export interface CandidateNumber {
  rowNumber: number;
  value: string;
}

interface ValidNumber {
  rowNumber: number;
  digits: string;
  carrier: NumberRow['carrier'];
}

/**
 * Checks every candidate: format (parseHotline), duplicates within the list, already in the pool.
 * Pure apart from `inPool`, so the same rules serve imports and ranges.
 */
export function checkCandidates(candidates: readonly CandidateNumber[], inPool: ReadonlySet<string>): { valid: ValidNumber[]; errors: NumberRowError[] } {
  const valid: ValidNumber[] = [];
  const errors: NumberRowError[] = [];
  const firstRow = new Map<string, number>();
  for (const c of candidates) {
    const parsed = parseHotline(c.value);
    if (!parsed.ok) {
      errors.push(rowError(c.rowNumber, c.value, msgOfCheck(parsed)));
      continue;
    }
    const seen = firstRow.get(parsed.digits);
    if (seen !== undefined) {
      errors.push(rowError(c.rowNumber, c.value, msg('number.rowDuplicate', { row: seen, display: parsed.display })));
      continue;
    }
    firstRow.set(parsed.digits, c.rowNumber);
    if (inPool.has(parsed.digits)) {
      errors.push(rowError(c.rowNumber, c.value, msg('number.inPool', { display: parsed.display })));
      continue;
    }
    valid.push({ rowNumber: c.rowNumber, digits: parsed.digits, carrier: parsed.carrier });
  }
  return { valid, errors };
}

async function digitsInPool(digits: string[]): Promise<Set<string>> {
  const found = await db().numbers.bulkGet(digits);
  return new Set(found.filter((n): n is NumberRow => n !== undefined).map((n) => n.digits));
}

function parseableDigits(candidates: readonly CandidateNumber[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    const p = parseHotline(c.value);
    if (p.ok) out.push(p.digits);
  }
  return out;
}

/** Adds validated candidates in one transaction, or throws NumberImportError and adds none. */
async function addCandidates(candidates: readonly CandidateNumber[], source: { kind: 'import' | 'range'; label: string }): Promise<{ added: number }> {
  const user = await requirePermission('number.import');
  if (candidates.length === 0) throw new NumberImportError([], msg(source.kind === 'import' ? 'number.fileEmpty' : 'number.rangeEmpty'));
  if (candidates.length > MAX_IMPORT_ROWS) {
    throw new NumberImportError([], msg('number.tooMany', { max: MAX_IMPORT_ROWS, count: candidates.length }));
  }
  const table = await listGradeRules();
  const refuse = (errors: NumberRowError[]) =>
    new NumberImportError(errors, msg(source.kind === 'import' ? 'number.fileRefused' : 'number.rangeRefused', { count: errors.length }));
  const first = checkCandidates(candidates, await digitsInPool(parseableDigits(candidates)));
  if (first.errors.length > 0) throw refuse(first.errors);
  const d = db();
  return writeWithOutbox([d.numbers, d.numberEvents], async ({ enqueue }) => {
    // Checked again inside the transaction: another window may have added some meanwhile.
    const again = checkCandidates(candidates, await digitsInPool(first.valid.map((v) => v.digits)));
    if (again.errors.length > 0) throw refuse(again.errors);
    const at = nowIso();
    const reason = source.kind === 'import' ? `导入文件 ${source.label}` : `添加号段 ${source.label}`;
    await d.numbers.bulkAdd(again.valid.map((v) => newNumberRow(v.digits, v.carrier, table, at)));
    await d.numberEvents.bulkAdd(again.valid.map((v) => event(v.digits, at, user.id, null, 'available', reason)));
    await enqueue({ name: source.kind === 'import' ? 'numbers.import' : 'numbers.addRange', args: { digits: again.valid.map((v) => v.digits), source: source.label } });
    return { added: again.valid.length };
  });
}

/** Imports the numbers of a mapped file (see imports/): every row valid, or nothing imported. */
export async function importNumbers(rows: readonly CandidateNumber[], fileName: string): Promise<{ added: number }> {
  return addCandidates(rows, { kind: 'import', label: fileName });
}

/** Adds every number from `from` to `to` inclusive (same segment, at most MAX_RANGE_SIZE). */
export async function addRange(from: string, to: string): Promise<{ added: number }> {
  const a = parseHotline(from);
  const b = parseHotline(to);
  const fields: Record<string, Msg> = {};
  if (!a.ok) fields.from = msg('number.rangeFrom', { message: msgOfCheck(a) });
  if (!b.ok) fields.to = msg('number.rangeTo', { message: msgOfCheck(b) });
  if (a.ok && b.ok) {
    const lo = Number(a.digits);
    const hi = Number(b.digits);
    if (hi < lo) fields.to = msg('number.rangeBackwards');
    else if (hi - lo + 1 > MAX_RANGE_SIZE) fields.to = msg('number.rangeTooLarge', { max: MAX_RANGE_SIZE, count: hi - lo + 1 });
    else if (a.digits.slice(0, 4) !== b.digits.slice(0, 4)) fields.to = msg('number.rangeSegments');
  }
  if (Object.keys(fields).length > 0 || !a.ok || !b.ok) throw new ValidationError(fields);
  const lo = Number(a.digits);
  const hi = Number(b.digits);
  const candidates: CandidateNumber[] = [];
  for (let n = lo, i = 1; n <= hi; n++, i++) candidates.push({ rowNumber: i, value: String(n) });
  return addCandidates(candidates, { kind: 'range', label: `${a.display} ～ ${b.display}` });
}

// ---------------------------------------------------------------------------------------------
// Lifecycle: reserve, release, expiry, and the generic step other areas use.
// ---------------------------------------------------------------------------------------------

export interface NumberStepOptions {
  reason: string;
  customerId?: string | null;
  /** Set by reserve: the UTC ISO end of the hold. */
  reservedUntil?: string | null;
}

/**
 * Moves a number by one lifecycle event (permission by event), recording who and why.
 * Exported for the applications and account areas (activate, suspend, reclaim …).
 */
export async function applyNumberEvent(digits: string, ev: NumberEvent, opts: NumberStepOptions): Promise<NumberRow> {
  const user = await requirePermission(EVENT_PERMISSION[ev]);
  return stepNumber(digits, ev, opts, user.id);
}

async function stepNumber(digits: string, ev: NumberEvent, opts: NumberStepOptions, userId: string): Promise<NumberRow> {
  const reason = opts.reason.trim();
  if (!reason) throw new ValidationError({ reason: msg('form.required', { label: '原因' }) });
  const d = db();
  // read before the transaction: the settings table is not part of it
  const settings = await officeSettings();
  return writeWithOutbox([d.numbers, d.numberEvents], async ({ enqueue }) => {
    const n = await d.numbers.get(digits);
    if (!n) throw new NotFoundError(msg('notFound.number', { digits }));
    const t = transitionNumber(n.status, ev, { settings, today: nowIso().slice(0, 10), stateSince: n.updatedAt.slice(0, 10) });
    if (!t.ok) throw new ValidationError({ status: msg('number.refused', { digits: n.digits, message: msgOfCheck(t) }) });
    const at = nowIso();
    const next: NumberRow = {
      ...n,
      status: t.state,
      customerId: t.state === 'available' ? null : opts.customerId !== undefined ? opts.customerId : n.customerId,
      reservedUntil: t.state === 'reserved' ? (opts.reservedUntil ?? null) : null,
      version: n.version + 1,
      updatedAt: at,
    };
    await d.numbers.put(next);
    await d.numberEvents.add(event(digits, at, userId, n.status, t.state, reason, next.customerId ?? n.customerId));
    await enqueue({ name: `number.${ev}`, args: { digits, reason, customerId: next.customerId, reservedUntil: next.reservedUntil }, baseVersion: n.version });
    return next;
  });
}

/** Holds an available number for a customer for `days` days (office setting, 15 by default). */
export async function reserveNumber(digits: string, customerId: string, days?: number): Promise<NumberRow> {
  const user = await requirePermission('number.reserve');
  // a field agent sells only numbers of its live leases (leases.ts), offline too
  await assertSellable(digits, user);
  const settings = await officeSettings();
  const holdDays = days ?? settings.reservationDays ?? DEFAULT_OFFICE_SETTINGS.reservationDays;
  if (!Number.isInteger(holdDays) || holdDays < 1 || holdDays > 365) throw new ValidationError({ days: msg('number.holdDays') });
  const customer = await db().customers.get(customerId);
  if (!customer || customer.deletedAt) throw new ValidationError({ customerId: msg('form.chooseCustomer', { label: '客户' }) });
  const until = new Date(nowMs() + holdDays * 86_400_000).toISOString();
  return stepNumber(digits, 'reserve', { reason: `为“${customer.name}”预占 ${holdDays} 天`, customerId, reservedUntil: until }, user.id);
}

/** Ends a hold by hand; the number returns to the pool. */
export async function releaseNumber(digits: string, reason = '手动释放预占'): Promise<NumberRow> {
  return applyNumberEvent(digits, 'release', { reason });
}

/** Releases every hold whose end has passed (by the injectable clock). Returns the released digits. */
export async function expireReservations(): Promise<string[]> {
  const d = db();
  const cutoff = nowIso();
  const due = await d.numbers.where('[status+reservedUntil]').between(['reserved', ''], ['reserved', cutoff], true, true).primaryKeys();
  const released: string[] = [];
  for (const digits of due) {
    try {
      await stepNumber(digits, 'release', { reason: '预占到期，自动释放' }, SYSTEM_USER_ID);
      released.push(digits);
    } catch {
      // released or changed meanwhile (another window, a sync): nothing to do
    }
  }
  return released;
}

/**
 * Releases expired holds now, whenever the clock is moved (tests) and every `intervalMs`.
 * Returns a stop function. The app calls it once at start.
 */
export function startReservationSweeper(onReleased?: (digits: string[]) => void, intervalMs = 60_000, subscribe?: (fn: () => void) => () => void): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const r = await expireReservations();
      if (r.length && onReleased) onReleased(r);
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), intervalMs);
  const unsubscribe = subscribe?.(() => void sweep());
  return () => {
    clearInterval(timer);
    unsubscribe?.();
  };
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export async function getNumber(digits: string): Promise<NumberRow | undefined> {
  return db().numbers.get(digits);
}

export interface NumberHistoryItem extends NumberEventRow {
  userName: string;
}

/** Every state change of one number, newest first, with the name of who made it. */
export async function numberHistory(digits: string): Promise<NumberHistoryItem[]> {
  const d = db();
  const events = await d.numberEvents.where('[digits+at]').between([digits, ''], [digits, '\uffff']).toArray();
  const users = new Map((await d.users.toArray()).map((u) => [u.id, u.name]));
  return events
    .reverse()
    .map((e) => ({ ...e, userName: e.userId === SYSTEM_USER_ID ? '系统' : (users.get(e.userId) ?? e.userId) }));
}

/** How many numbers are in each state (native index counts: cheap on a large pool). */
export async function countByStatus(): Promise<Record<NumberStatus, number>> {
  const t = db().numbers;
  const states: NumberStatus[] = ['available', 'reserved', 'active', 'suspended', 'frozen', 'reclaimed', 'cooling'];
  const counts = await Promise.all(states.map((s) => t.where('status').equals(s).count()));
  return Object.fromEntries(states.map((s, i) => [s, counts[i]!])) as Record<NumberStatus, number>;
}
