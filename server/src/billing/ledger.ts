import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/index';
import type { LedgerCategory, LedgerEntry, LedgerKind } from '../../../shared/billing/index';
import type { PaymentMethod } from '../../../shared/domain/index';
import type { FieldMeta, RecordData } from '../../../shared/sync/index';
import { putRecords, type BillingRecordWrite } from './records';

export interface NewLedgerEntry {
  id?: string;
  accountId: string;
  kind: LedgerKind;
  category?: LedgerCategory;
  amountFen: number;
  effectiveOn: string;
  dueOn?: string;
  method?: PaymentMethod | null;
  reference?: string | null;
  reason?: string | null;
  approvedBy?: string | null;
  reverses?: string | null;
  billId?: string | null;
  sourceKey?: string | null;
  createdBy?: string | null;
}

const COLUMNS = `id, account_id AS "accountId", kind, category, amount_fen AS "amountFen", effective_on::text AS "effectiveOn", due_on::text AS "dueOn",
  method, reference, reason, approved_by AS "approvedBy", reverses, bill_id AS "billId", created_by AS "createdBy", created_at AS "createdAt"`;

const BATCH = 1000;

/**
 * Appends entries (multi-row batches). An entry whose id or source key is already in the ledger is
 * skipped, so a job or a payment that runs twice adds nothing; the entries actually added come back.
 */
export async function appendLedger(tx: Queryable, officeId: string, entries: NewLedgerEntry[]): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  for (let i = 0; i < entries.length; i += BATCH) {
    const chunk = entries.slice(i, i + BATCH);
    const col = <T>(f: (e: NewLedgerEntry) => T) => chunk.map(f);
    const r = await tx.query<LedgerEntry>(
      `INSERT INTO ledger_entries (id, office_id, account_id, kind, category, amount_fen, effective_on, due_on, method, reference, reason, approved_by, reverses, bill_id, source_key, created_by)
       SELECT id, $1, a, k, c, amt, eff, due, m, ref, rsn, appr, rev, bill, src, cb
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::date[], $8::date[], $9::text[], $10::text[], $11::text[], $12::uuid[], $13::text[], $14::uuid[], $15::text[], $16::uuid[])
           AS t(id, a, k, c, amt, eff, due, m, ref, rsn, appr, rev, bill, src, cb)
       ON CONFLICT DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        officeId,
        col((e) => e.id ?? randomUUID()),
        col((e) => e.accountId),
        col((e) => e.kind),
        col((e) => e.category ?? (e.kind === 'late_fee' ? 'late_fee' : 'principal')),
        col((e) => e.amountFen),
        col((e) => e.effectiveOn),
        col((e) => e.dueOn ?? e.effectiveOn),
        col((e) => e.method ?? null),
        col((e) => e.reference ?? null),
        col((e) => e.reason ?? null),
        col((e) => e.approvedBy ?? null),
        col((e) => e.reverses ?? null),
        col((e) => e.billId ?? null),
        col((e) => e.sourceKey ?? null),
        col((e) => e.createdBy ?? null),
      ],
    );
    out.push(...r.rows);
  }
  return out;
}

export async function readLedger(q: Queryable, officeId: string, accountId: string): Promise<LedgerEntry[]> {
  const r = await q.query<LedgerEntry>(`SELECT ${COLUMNS} FROM ledger_entries WHERE office_id = $1 AND account_id = $2 ORDER BY seq`, [officeId, accountId]);
  return r.rows;
}

export async function readEntry(q: Queryable, officeId: string, id: string): Promise<LedgerEntry | null> {
  const r = await q.query<LedgerEntry>(`SELECT ${COLUMNS} FROM ledger_entries WHERE office_id = $1 AND id = $2`, [officeId, id]);
  return r.rows[0] ?? null;
}

/** Balances derived from the ledger (view account_balances). Accounts without entries are absent (balance 0). */
export async function balances(q: Queryable, officeId: string, accountIds?: string[]): Promise<Map<string, number>> {
  const r = await q.query<{ account_id: string; balance_fen: number }>(
    `SELECT account_id, balance_fen FROM account_balances WHERE office_id = $1 ${accountIds ? 'AND account_id = ANY($2::text[])' : ''}`,
    accountIds ? [officeId, accountIds] : [officeId],
  );
  return new Map(r.rows.map((x) => [x.account_id, Number(x.balance_fen)]));
}

export async function balanceOf(q: Queryable, officeId: string, accountId: string): Promise<number> {
  return (await balances(q, officeId, [accountId])).get(accountId) ?? 0;
}

/** The record devices receive for one ledger entry (entity 'ledgerEntry'). */
export function ledgerRecord(e: LedgerEntry): BillingRecordWrite {
  return { entity: 'ledgerEntry', id: e.id, data: { ...e } as unknown as RecordData };
}

/**
 * After ledger entries were added: sends them to devices and refreshes each touched account's
 * balanceFen (the derived balance, mirrored on the account record for offline screens) plus any
 * other account fields the caller changed (status on suspension …). One counter bump for all.
 */
export async function publishLedger(
  tx: Queryable,
  officeId: string,
  added: LedgerEntry[],
  opts: { accountFields?: Map<string, RecordData>; extra?: BillingRecordWrite[]; alsoAccounts?: string[] } = {},
): Promise<void> {
  const accountIds = [...new Set([...added.map((e) => e.accountId), ...(opts.accountFields?.keys() ?? []), ...(opts.alsoAccounts ?? [])])];
  const writes: BillingRecordWrite[] = added.map(ledgerRecord);
  if (opts.extra) writes.push(...opts.extra);
  if (accountIds.length) {
    const bal = await balances(tx, officeId, accountIds);
    const recs = await tx.query<{ id: string; data: RecordData | null; field_meta: Record<string, FieldMeta> }>(
      "SELECT id, data, field_meta FROM records WHERE office_id = $1 AND entity = 'account' AND id = ANY($2::text[]) AND NOT deleted",
      [officeId, accountIds],
    );
    for (const rec of recs.rows) {
      if (!rec.data) continue;
      const fields: RecordData = { balanceFen: bal.get(rec.id) ?? 0, ...(opts.accountFields?.get(rec.id) ?? {}) };
      const changed = Object.keys(fields).filter((k) => rec.data![k] !== fields[k]);
      if (changed.length === 0) continue;
      writes.push({ entity: 'account', id: rec.id, data: { ...rec.data, ...fields }, changedFields: changed, previousMeta: rec.field_meta ?? {} });
    }
  }
  await putRecords(tx, officeId, writes);
}
