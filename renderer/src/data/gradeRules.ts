import type { Table } from 'dexie';
import { db } from './db';
import { nowIso } from './clock';
import { ValidationError } from './errors';
import { requirePermission } from './session';
import { writeWithOutbox } from './outbox';
import type { EntityMeta, NumberRow } from './rows';
import {
  DEFAULT_GRADE_RULES, gradeNumber, gradeRuleDraftSchema, msg, msgOfIssue, type GradeRuleDraft, type GradeRuleSpec, type Msg,
} from '../../../shared';

/**
 * The office's vanity-grade table (靓号等级): ordered rules, first match wins (shared gradeNumber).
 * A manager edits it; every number's grade and price follow it, so saving the table re-grades the
 * pool in the same transaction.
 */

export interface StoredGradeRule extends EntityMeta, GradeRuleSpec {
  /** First matching rule wins, in ascending order (the indexed field; sortOrder mirrors it). */
  order: number;
  sortOrder: number;
  active: boolean;
}

/** The table typed with the rule shape shared/ defines (rows.ts keeps an older draft of it). */
function rules(): Table<StoredGradeRule, string> {
  return db().gradeRules as unknown as Table<StoredGradeRule, string>;
}

/** Ids of the shipped defaults are fixed (valid UUIDs) so two devices seeding offline make the same rows. */
const defaultId = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

/** What the editor sends for one rule; validated with the shared gradeRuleDraftSchema. */
export interface GradeRuleInput {
  id?: string;
  name: string;
  patterns: readonly string[];
  match: 'all' | 'any';
  priceFen: number;
  minimumMonthlyFen: number;
  requiredPackageId: string | null;
}

/** The rules in the order they are applied. */
export async function listGradeRules(): Promise<StoredGradeRule[]> {
  const all = await rules().orderBy('order').toArray();
  return all.filter((r) => !r.deletedAt);
}

/** Seeds the shipped defaults into an empty table. Idempotent (fixed ids). */
export async function ensureDefaultGradeRules(): Promise<void> {
  if ((await rules().count()) > 0) return;
  const rows = shippedGradeTable(nowIso());
  await writeWithOutbox([rules()], async ({ enqueue }) => {
    if ((await rules().count()) > 0) return;
    await rules().bulkPut(rows);
    await enqueue({ name: 'gradeRules.seedDefaults', args: { rules: rows } });
  });
}

/** The shipped default table as this device seeds it (same fixed ids), also for grading before the seed lands. */
export function shippedGradeTable(at: string): StoredGradeRule[] {
  return DEFAULT_GRADE_RULES.map((r, i) => ({
    ...r,
    patterns: [...r.patterns],
    id: defaultId(i),
    order: i,
    sortOrder: i,
    active: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
}

/** Grade fields of a number under the given rules. */
export function gradeFields(digits: string, table: readonly StoredGradeRule[]): Pick<NumberRow, 'grade' | 'priceFen'> {
  const rule = gradeNumber(digits, table);
  return { grade: rule?.id ?? null, priceFen: rule?.priceFen ?? 0 };
}

function validate(input: readonly GradeRuleInput[]): (GradeRuleDraft & { id?: string })[] {
  const fields: Record<string, Msg | string> = {};
  const out: (GradeRuleDraft & { id?: string })[] = [];
  input.forEach((raw, i) => {
    const r = gradeRuleDraftSchema.safeParse({ ...raw, sortOrder: i, active: true });
    if (r.success) out.push({ ...r.data, ...(raw.id ? { id: raw.id } : {}) });
    else fields[`rules.${i}`] = msg('grade.row', { row: i + 1, message: r.error.issues.map(msgOfIssue) });
  });
  const names = new Map<string, number>();
  out.forEach((r, i) => {
    const prev = names.get(r.name);
    if (prev !== undefined) fields[`rules.${i}`] = msg('grade.duplicate', { row: i + 1, name: r.name, first: prev + 1 });
    names.set(r.name, i);
  });
  if (input.length === 0) fields.rules = msg('grade.none');
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return out;
}

/**
 * Replaces the grade table (manager only) and re-grades every number that is not yet sold
 * (available, reserved, cooling…: a sold number keeps the price it was sold at).
 */
export async function saveGradeRules(input: readonly GradeRuleInput[]): Promise<{ rules: StoredGradeRule[]; regraded: number }> {
  const user = await requirePermission('gradeRule.edit');
  const parsed = validate(input);
  const d = db();
  return writeWithOutbox([rules(), d.numbers], async ({ enqueue }) => {
    const { rules: next, regraded } = await replaceTableInTx(parsed);
    await enqueue({ name: 'gradeRules.replace', args: { rules: next, byUserId: user.id } });
    return { rules: next, regraded };
  });
}

/**
 * Makes `table` the grade table: rules keep their ids (a new one gets one), rules left out are
 * marked deleted (sold numbers still name them), and every unsold number is re-graded. Runs in the
 * caller's transaction over gradeRules + numbers. `version`: the server's, for a pulled table.
 */
async function replaceTableInTx(table: readonly (GradeRuleSpec & { id?: string })[], version?: number): Promise<{ rules: StoredGradeRule[]; regraded: number }> {
  const d = db();
  const at = nowIso();
  const old = new Map((await rules().toArray()).map((r) => [r.id, r]));
  const next: StoredGradeRule[] = table.map((r, i) => {
    const prev = r.id ? old.get(r.id) : undefined;
    return {
      name: r.name,
      patterns: [...r.patterns],
      match: r.match,
      priceFen: r.priceFen,
      minimumMonthlyFen: r.minimumMonthlyFen,
      requiredPackageId: r.requiredPackageId,
      order: i,
      sortOrder: i,
      active: true,
      id: prev?.id ?? r.id ?? crypto.randomUUID(),
      version: version ?? (prev?.version ?? 0) + 1,
      createdAt: prev?.createdAt ?? at,
      updatedAt: at,
    };
  });
  const keep = new Set(next.map((r) => r.id));
  const removed = [...old.values()].filter((r) => !keep.has(r.id) && !r.deletedAt);
  await rules().bulkPut([...next, ...removed.map((r) => ({ ...r, deletedAt: at, updatedAt: at, version: r.version + 1 }))]);
  let regraded = 0;
  await d.numbers
    .where('status')
    .noneOf(['active', 'suspended', 'frozen'])
    .modify((n) => {
      const g = gradeFields(n.digits, next);
      if (g.grade !== n.grade || g.priceFen !== n.priceFen) {
        n.grade = g.grade;
        n.priceFen = g.priceFen;
        n.updatedAt = at;
        regraded += 1;
      }
    });
  return { rules: next, regraded };
}

/**
 * The office's table pulled from the server (entity 'office', id 'gradeRules'): it wins over the
 * table on this device, seeded defaults included. A rule the shared schema does not accept leaves
 * the local table as it is (a newer server's rule shape): nothing is half-applied.
 * Call inside a transaction over gradeRules + numbers (the sync page's).
 */
export async function applyServerGradeTable(data: Record<string, unknown>, version: number): Promise<void> {
  const raw = Array.isArray(data.rules) ? (data.rules as unknown[]) : [];
  const table: (GradeRuleSpec & { id?: string })[] = [];
  for (const [i, r] of raw.entries()) {
    const parsed = gradeRuleDraftSchema.safeParse({ ...(r as object), sortOrder: i, active: true });
    if (!parsed.success) return;
    const id = (r as { id?: unknown }).id;
    table.push({ ...parsed.data, ...(typeof id === 'string' ? { id } : {}) });
  }
  if (table.length > 0) await replaceTableInTx(table, version);
}
