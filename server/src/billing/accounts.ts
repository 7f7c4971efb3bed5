import type { Queryable } from '../db/index';
import type { FeatureFee } from '../../../shared/domain/index';
import type { FieldMeta, RecordData } from '../../../shared/sync/index';

/** An account as the billing jobs see it (view billing_accounts over the synced records). */
export interface BillingAccount {
  accountId: string;
  accountNo: string;
  hotline: string | null;
  state: string | null;
  stateSince: string | null;
  openedOn: string | null;
  termEndsOn: string | null;
  customerId: string | null;
  monthlyMinimumFen: number;
  tariffFenPerMinute: number;
  includedMinutes: number;
  /** the package's feature fees the account chose (account.features names them) */
  features: FeatureFee[];
}

interface Row {
  account_id: string;
  account_no: string;
  hotline: string | null;
  state: string | null;
  state_since: string | null;
  opened_on: string | null;
  term_ends_on: string | null;
  customer_id: string | null;
  monthly_minimum_fen: number;
  tariff_fen: number;
  included_minutes: number;
  package_features: unknown;
  account_features: unknown;
}

function chosenFeatures(pkg: unknown, chosen: unknown): FeatureFee[] {
  if (!Array.isArray(pkg) || !Array.isArray(chosen)) return [];
  const names = new Set(chosen.filter((c): c is string => typeof c === 'string'));
  return pkg
    .filter((f): f is FeatureFee => !!f && typeof f === 'object' && typeof (f as FeatureFee).name === 'string' && Number.isSafeInteger((f as FeatureFee).monthlyFen))
    .filter((f) => names.has(f.name));
}

const toAccount = (r: Row): BillingAccount => ({
  accountId: r.account_id,
  accountNo: r.account_no,
  hotline: r.hotline,
  state: r.state,
  stateSince: r.state_since,
  openedOn: r.opened_on,
  termEndsOn: r.term_ends_on,
  customerId: r.customer_id,
  monthlyMinimumFen: Number(r.monthly_minimum_fen),
  tariffFenPerMinute: Number(r.tariff_fen),
  includedMinutes: Number(r.included_minutes),
  features: chosenFeatures(r.package_features, r.account_features),
});

export async function loadBillingAccounts(q: Queryable, officeId: string, accountIds?: string[]): Promise<BillingAccount[]> {
  const r = await q.query<Row>(
    `SELECT * FROM billing_accounts WHERE office_id = $1 ${accountIds ? 'AND account_id = ANY($2::text[])' : ''} ORDER BY account_id`,
    accountIds ? [officeId, accountIds] : [officeId],
  );
  return r.rows.map(toAccount);
}

export async function loadBillingAccount(q: Queryable, officeId: string, accountId: string): Promise<BillingAccount | null> {
  return (await loadBillingAccounts(q, officeId, [accountId]))[0] ?? null;
}

/** The raw account record, locked, for a write that merges into it. */
export async function lockAccountRecord(q: Queryable, officeId: string, accountId: string): Promise<{ data: RecordData; meta: Record<string, FieldMeta> } | null> {
  const r = await q.query<{ data: RecordData | null; field_meta: Record<string, FieldMeta>; deleted: boolean }>(
    "SELECT data, field_meta, deleted FROM records WHERE office_id = $1 AND entity = 'account' AND id = $2 FOR UPDATE",
    [officeId, accountId],
  );
  const row = r.rows[0];
  if (!row || row.deleted || !row.data) return null;
  return { data: row.data, meta: row.field_meta ?? {} };
}
