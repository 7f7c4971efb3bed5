import type { Queryable } from '../db/index';
import { resolveOfficeSettings, type OfficeSettings } from '../../../shared/domain/index';
import type { MutationContext } from './context';

/**
 * The office's resolved settings (defaults + what the office changed, table office_settings),
 * for handlers that apply the contracts' periods (cooling, suspension to termination …) and the
 * office's time zone. One read per office per database transaction: a push chunk of 100 number
 * steps reads them once. The cache is keyed by the transaction object, so it never outlives it;
 * office.update drops the entry, so a later mutation of the same chunk sees the new values.
 */

const cache = new WeakMap<Queryable, Map<string, Promise<OfficeSettings>>>();

/** Uncached read (routes, jobs): the office's settings with the defaults filled in. */
export async function readOfficeSettings(q: Queryable, officeId: string): Promise<OfficeSettings> {
  const r = await q.query<{ settings: Partial<OfficeSettings> | null }>('SELECT settings FROM office_settings WHERE office_id = $1', [officeId]);
  return resolveOfficeSettings(r.rows[0]?.settings ?? undefined);
}

/** The settings of the mutation's office, read once per transaction. */
export function officeSettingsFor(ctx: Pick<MutationContext, 'tx' | 'officeId'>): Promise<OfficeSettings> {
  let perOffice = cache.get(ctx.tx);
  if (!perOffice) cache.set(ctx.tx, (perOffice = new Map()));
  let p = perOffice.get(ctx.officeId);
  if (!p) {
    p = readOfficeSettings(ctx.tx, ctx.officeId);
    perOffice.set(ctx.officeId, p);
    // a failed read (rolled-back savepoint) must not be remembered
    p.catch(() => perOffice!.delete(ctx.officeId));
  }
  return p;
}

/** After the office's settings changed in this transaction. */
export function forgetOfficeSettings(ctx: Pick<MutationContext, 'tx' | 'officeId'>): void {
  cache.get(ctx.tx)?.delete(ctx.officeId);
}
