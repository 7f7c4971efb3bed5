import {
  ATTACHMENT_KIND_LABELS,
  REAL_NAME_STATUS_LABELS,
  maskIdNumber,
  type AttachmentKind,
  type RealNameStatus,
} from '../../../shared/domain/index';
import type { RecordData } from '../../../shared/sync/index';
import type { AuthInfo, MutationContext } from './context';

/**
 * The history a person reads beside a record — a customer's change history (客户变更记录) and an
 * application's step history (受理单流转记录) — written by the SERVER from the mutations it
 * executes, so every device of the office shows the same lines: who is the authenticated user,
 * when is the database clock, and the order is the order the server applied them (never a
 * device clock).
 *
 *  - customer history: one `customerHistory` record per change (entity of its own, pulled like any
 *    other), `{customerId, at, userId, userName, field, oldValue, newValue, mutationId}` with the
 *    same field names and value texts the renderer writes locally (ID numbers masked), so the
 *    device that made the change can recognise and replace its optimistic lines.
 *  - application steps: the `steps` array inside the application record itself (a form has a
 *    handful), kept by the server alone (`steps` is a protected field): a step taken offline on one
 *    device arrives with the form on every other.
 */

export interface HistoryLine {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ApplicationStepLine {
  at: string;
  userId: string;
  userName: string;
  event: string;
  from: string | null;
  to: string;
  note: string;
}

const names = new WeakMap<AuthInfo, Promise<string>>();

/** The caller's display name, read once per request (the AuthInfo of a push is shared by its mutations). */
export function actorName(ctx: MutationContext): Promise<string> {
  let p = names.get(ctx.auth);
  if (!p) {
    p = ctx.tx
      .query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [ctx.auth.userId])
      .then((r) => r.rows[0]?.display_name ?? '')
      .catch(() => '');
    names.set(ctx.auth, p);
  }
  return p;
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
};

/** Fields that are bookkeeping of another line (who verified, who let a USCC through), not lines of their own. */
const NO_LINE = new Set(['verifiedAt', 'verifiedBy', 'usccOverrideBy', 'usccOverrideAt', 'notes', 'searchTokens', 'status']);

function statusLabel(v: unknown): string | null {
  return typeof v === 'string' ? (REAL_NAME_STATUS_LABELS[v as RealNameStatus] ?? v) : null;
}

interface AttachmentLike {
  kind?: unknown;
  sha256?: unknown;
  fileName?: unknown;
}

function attachmentLines(before: unknown, after: unknown): HistoryLine[] {
  const had = new Set(Array.isArray(before) ? (before as AttachmentLike[]).map((a) => a?.sha256) : []);
  const lines: HistoryLine[] = [];
  for (const a of Array.isArray(after) ? (after as AttachmentLike[]) : []) {
    if (typeof a?.sha256 !== 'string' || had.has(a.sha256)) continue;
    const kind = ATTACHMENT_KIND_LABELS[a.kind as AttachmentKind] ?? String(a.kind ?? '');
    lines.push({ field: 'attachment', oldValue: null, newValue: `${kind}：${String(a.fileName ?? '')}（SHA-256 ${a.sha256.slice(0, 12)}…）` });
  }
  return lines;
}

/** The lines a change of a customer from `before` to `after` writes (create: `before` null). */
export function customerLines(before: RecordData | null, after: RecordData, changed: readonly string[]): HistoryLine[] {
  if (!before) {
    const lines: HistoryLine[] = [{ field: 'created', oldValue: null, newValue: text(after.name) }];
    if (typeof after.usccOverrideReason === 'string' && after.usccOverrideReason.trim()) {
      lines.push({ field: 'usccOverrideReason', oldValue: null, newValue: `${String(after.uscc ?? '')}：${after.usccOverrideReason}` });
    }
    return lines;
  }
  const lines: HistoryLine[] = [];
  for (const f of changed) {
    if (NO_LINE.has(f)) continue;
    const old = before[f];
    const now = after[f];
    if (JSON.stringify(old ?? null) === JSON.stringify(now ?? null)) continue;
    if (f === 'attachments') lines.push(...attachmentLines(old, now));
    else if (f === 'realNameStatus') {
      const note = now === 'rejected' && typeof after.notes === 'string' && after.notes.trim() ? `：${after.notes.trim()}` : '';
      lines.push({ field: f, oldValue: statusLabel(old), newValue: `${statusLabel(now) ?? ''}${note}` });
    } else if (f === 'usccOverrideReason') {
      lines.push({ field: f, oldValue: text(old), newValue: typeof now === 'string' && now.trim() ? `${String(after.uscc ?? '')}：${now}` : null });
    } else if (f === 'handlerIdNumber') {
      lines.push({ field: f, oldValue: typeof old === 'string' ? maskIdNumber(old) : null, newValue: typeof now === 'string' ? maskIdNumber(now) : null });
    } else lines.push({ field: f, oldValue: text(old), newValue: text(now) });
  }
  return lines;
}

/** Queues the customer history records of this mutation in its transaction (same commit, next versions). */
export async function writeCustomerHistory(ctx: MutationContext, customerId: string, lines: readonly HistoryLine[]): Promise<void> {
  if (lines.length === 0) return;
  const at = await ctx.now();
  const userName = await actorName(ctx);
  lines.forEach((l, i) => {
    // deterministic: one mutation's lines, numbered in the order they were made
    const id = `${ctx.mutationId}-${i}`;
    const data: RecordData = { customerId, at, userId: ctx.auth.userId, userName, field: l.field, oldValue: l.oldValue, newValue: l.newValue, mutationId: ctx.mutationId };
    ctx.writer.put({ entity: 'customerHistory', id, data, deleted: false, changedFields: Object.keys(data), mustBeNew: true });
  });
}

/** The record's `steps` with one more line from the server (who: the caller, when: the database clock). */
export async function withStep(ctx: MutationContext, data: RecordData, step: { event: string; from: string | null; to: string; note?: string }): Promise<ApplicationStepLine[]> {
  const at = await ctx.now();
  const userName = await actorName(ctx);
  const steps = Array.isArray(data.steps) ? (data.steps as ApplicationStepLine[]) : [];
  return [...steps, { at, userId: ctx.auth.userId, userName, event: step.event, from: step.from, to: step.to, note: step.note ?? '' }];
}
