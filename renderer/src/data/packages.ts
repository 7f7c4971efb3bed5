import type { Table } from 'dexie';
import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, ValidationError } from './errors';
import { requirePermission } from './session';
import { writeWithOutbox } from './outbox';
import type { EntityMeta } from './rows';
import { msg, msgOfIssue, servicePackageDraftSchema, type Msg, type ServicePackageDraft } from '../../../shared';

/**
 * Packages and tariffs (套餐/资费). Managers (and admins) edit them: the repository refuses
 * anyone else, whatever the UI shows.
 *
 * Units (decided with shared/domain/schemas/servicePackage.ts): every amount is integer fen, and
 * the per-minute tariff too — `tariffFenPerMinute` (0.10–0.36 元/min = 10–36 fen). Carriers and
 * resellers quote whole fen per minute, and billing charges per started minute, so an integer fen
 * rate is exact; a sub-fen tariff (0.125 元) would need a new field in 厘, not a float.
 */

/** The stored package: the shared draft plus entity fields; `status` mirrors `active` for the index. */
export interface StoredPackage extends EntityMeta, ServicePackageDraft {
  status: 'active' | 'retired';
}

/** The features a package can charge for (4008 contract 1.2 功能使用费); names are what the contract prints. */
export const STANDARD_FEATURES = ['呼叫转移（绑定号码）', '分时分区路由', 'IVR 语音导航', '彩铃', '通话录音', '黑名单'] as const;

function packages(): Table<StoredPackage, string> {
  return db().packages as unknown as Table<StoredPackage, string>;
}

/** Input as a form sends it: amounts already in fen (the form converts 元 with parseYuanToFen). */
export type PackageInput = Partial<ServicePackageDraft> & Record<string, unknown>;

function validate(input: PackageInput): ServicePackageDraft {
  const r = servicePackageDraftSchema.safeParse(input);
  if (r.success) {
    const names = new Set<string>();
    for (const [i, f] of r.data.featureFees.entries()) {
      if (names.has(f.name)) throw new ValidationError({ [`featureFees.${i}`]: msg('package.featureDuplicate', { row: i + 1, name: f.name }) });
      names.add(f.name);
    }
    return r.data;
  }
  const fields: Record<string, Msg | string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || 'package';
    const row = issue.path[0] === 'featureFees' && typeof issue.path[1] === 'number' ? issue.path[1] + 1 : null;
    fields[key] ??= row === null ? msgOfIssue(issue) : msg('package.featureRow', { row, message: msgOfIssue(issue) });
  }
  throw new ValidationError(fields);
}

export async function listPackages(opts: { includeRetired?: boolean } = {}): Promise<StoredPackage[]> {
  const all = await packages().toArray();
  return all
    .filter((p) => !p.deletedAt && (opts.includeRetired || p.active))
    .sort((a, b) => a.prepaymentFen - b.prepaymentFen || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function getPackage(id: string): Promise<StoredPackage | undefined> {
  return packages().get(id);
}

export async function createPackage(input: PackageInput): Promise<StoredPackage> {
  const user = await requirePermission('package.edit');
  const draft = validate(input);
  const at = nowIso();
  const row: StoredPackage = { ...draft, id: crypto.randomUUID(), version: 1, createdAt: at, updatedAt: at, status: draft.active ? 'active' : 'retired' };
  await writeWithOutbox([packages()], async ({ enqueue }) => {
    await assertUniqueName(row.name, row.id);
    await packages().add(row);
    await enqueue({ name: 'package.create', args: { ...row, byUserId: user.id } });
  });
  return row;
}

export async function updatePackage(id: string, input: PackageInput, baseVersion?: number): Promise<StoredPackage> {
  const user = await requirePermission('package.edit');
  const draft = validate(input);
  return writeWithOutbox([packages()], async ({ enqueue }) => {
    const old = await packages().get(id);
    if (!old || old.deletedAt) throw new NotFoundError(msg('notFound.package'));
    await assertUniqueName(draft.name, id);
    const row: StoredPackage = { ...old, ...draft, version: old.version + 1, updatedAt: nowIso(), status: draft.active ? 'active' : 'retired' };
    await packages().put(row);
    // an edit of descriptive fields: merged per field on the server against the version it was made on
    await enqueue({ name: 'package.update', args: { id, changes: draft, byUserId: user.id }, baseVersion: baseVersion ?? old.version });
    return row;
  });
}

/** Retiring keeps the package for the services that use it but stops offering it. */
export async function setPackageActive(id: string, active: boolean): Promise<StoredPackage> {
  const old = await packages().get(id);
  if (!old) throw new NotFoundError(msg('notFound.package'));
  return updatePackage(id, { ...old, active });
}

async function assertUniqueName(name: string, id: string): Promise<void> {
  const same = await packages().where('name').equals(name).toArray();
  if (same.some((p) => p.id !== id && !p.deletedAt)) throw new ValidationError({ name: msg('package.nameTaken', { name }) });
}
