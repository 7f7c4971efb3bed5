import type { Queryable } from '../db/index';
import type { RecordData } from '../../../shared/sync/index';
import type { BillingRecordWrite } from './records';

/**
 * The collections job's action log (billing_actions) as devices see it: every row travels as a
 * `billingAction` record through the change log, written in the same transaction as the action
 * or its reversal, so a device shows the log offline and reverses from it through its outbox.
 */

export interface ActionRow {
  id: string;
  accountId: string;
  action: 'suspend' | 'resume' | 'terminate' | 'reclaim';
  onDate: string;
  reason: string;
  automatic: boolean;
  details: Record<string, unknown>;
  reversedAt: string | null;
  reversedBy: string | null;
  reversalReason: string | null;
}

export const ACTION_COLUMNS = `id, account_id AS "accountId", action, on_date::text AS "onDate", reason, automatic, details,
  to_char(reversed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reversedAt",
  reversed_by AS "reversedBy", reversal_reason AS "reversalReason"`;

/** The record one action row becomes (times as UTC ISO strings, as every record carries them). */
export function actionRecord(row: ActionRow): BillingRecordWrite {
  return { entity: 'billingAction', id: row.id, data: { ...row } as unknown as RecordData };
}

/** Reads the given actions back (after an insert or update) as records to publish. */
export async function actionRecords(q: Queryable, officeId: string, ids: string[]): Promise<BillingRecordWrite[]> {
  if (ids.length === 0) return [];
  const r = await q.query<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM billing_actions WHERE office_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at, on_date`, [officeId, ids]);
  return r.rows.map(actionRecord);
}

export async function listActions(q: Queryable, officeId: string, accountId?: string): Promise<ActionRow[]> {
  const r = await q.query<ActionRow>(
    `SELECT ${ACTION_COLUMNS} FROM billing_actions WHERE office_id = $1 ${accountId ? 'AND account_id = $2' : ''} ORDER BY created_at, on_date`,
    accountId ? [officeId, accountId] : [officeId],
  );
  return r.rows;
}
