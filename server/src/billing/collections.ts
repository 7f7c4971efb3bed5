import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/index';
import {
  COLLECTION_ACTION_LABELS,
  accruedLateFeeFen,
  decideCollections,
  overdueOn,
  type BillingSettings,
  type CollectionAction,
  type LedgerCategory,
} from '../../../shared/billing/index';
import { addDays } from '../../../shared/domain/index';
import type { RecordData } from '../../../shared/sync/index';
import { numberRecord, type NumberRow } from '../numbers/pool';
import { loadBillingAccounts, type BillingAccount } from './accounts';
import { appendLedger, publishLedger, type NewLedgerEntry } from './ledger';
import { actionRecords } from './actionLog';
import type { BillingRecordWrite } from './records';

/** How far back a run catches up on days it missed (a job that did not run for a while). */
const MAX_CATCH_UP_DAYS = 92;

interface Money {
  amountFen: number;
  category: LedgerCategory;
  effectiveOn: string;
  dueOn: string;
  kind: string;
}

async function ledgerByAccount(q: Queryable, officeId: string, accountIds?: string[]): Promise<Map<string, Money[]>> {
  const r = await q.query<{ account_id: string; amount_fen: number; category: LedgerCategory; effective_on: string; due_on: string; kind: string }>(
    `SELECT account_id, amount_fen, category, effective_on::text AS effective_on, due_on::text AS due_on, kind
       FROM ledger_entries WHERE office_id = $1 ${accountIds ? 'AND account_id = ANY($2::text[])' : ''} ORDER BY seq`,
    accountIds ? [officeId, accountIds] : [officeId],
  );
  const m = new Map<string, Money[]>();
  for (const x of r.rows) {
    let list = m.get(x.account_id);
    if (!list) m.set(x.account_id, (list = []));
    list.push({ amountFen: Number(x.amount_fen), category: x.category, effectiveOn: x.effective_on, dueOn: x.due_on, kind: x.kind });
  }
  return m;
}

interface ActionState {
  /** the latest unreversed suspend/resume/terminate was an automatic suspension */
  suspendedAutomatically: boolean;
  exemptUntil: string | null;
}

async function actionStates(q: Queryable, officeId: string, accountIds?: string[]): Promise<Map<string, ActionState>> {
  const r = await q.query<{ account_id: string; last_action: string | null; last_automatic: boolean | null; exempt_until: string | null }>(
    `SELECT a.account_id,
            (SELECT x.action FROM billing_actions x WHERE x.office_id = a.office_id AND x.account_id = a.account_id AND x.reversed_at IS NULL AND x.action <> 'reclaim' ORDER BY x.created_at DESC, x.on_date DESC LIMIT 1) AS last_action,
            (SELECT x.automatic FROM billing_actions x WHERE x.office_id = a.office_id AND x.account_id = a.account_id AND x.reversed_at IS NULL AND x.action <> 'reclaim' ORDER BY x.created_at DESC, x.on_date DESC LIMIT 1) AS last_automatic,
            MAX(a.exempt_until)::text AS exempt_until
       FROM billing_actions a WHERE a.office_id = $1 ${accountIds ? 'AND a.account_id = ANY($2::text[])' : ''}
      GROUP BY a.office_id, a.account_id`,
    accountIds ? [officeId, accountIds] : [officeId],
  );
  return new Map(r.rows.map((x) => [x.account_id, { suspendedAutomatically: x.last_action === 'suspend' && x.last_automatic === true, exemptUntil: x.exempt_until }]));
}

/** The first day of the overdue run that is still going on today (walking back from today). */
function overdueSince(entries: Money[], today: string, floor: string): string | null {
  if (overdueOn(entries, today) === 0) return null;
  let d = today;
  while (d > floor && overdueOn(entries, addDays(d, -1)) > 0) d = addDays(d, -1);
  return d;
}

export interface AppliedAction {
  accountId: string;
  action: CollectionAction | 'reclaim';
  reason: string;
  actionId: string;
}

/**
 * Applies one collections action in the caller's transaction: logs it (one per account, action
 * and day: a second run of the day adds nothing), moves the account's state and its number's.
 * Returns the account fields to mirror and the records to publish (the number's mirror and the
 * logged actions as `billingAction` records, so devices hold the log), or null when the action
 * was already logged today.
 */
export async function applyAction(
  tx: Queryable,
  officeId: string,
  account: Pick<BillingAccount, 'accountId' | 'hotline' | 'state' | 'stateSince'>,
  action: CollectionAction,
  reason: string,
  today: string,
  settings: BillingSettings,
  opts: { automatic?: boolean; userId?: string | null } = {},
): Promise<{ fields: RecordData; numbers: BillingRecordWrite[]; logged: AppliedAction[] } | null> {
  const to = action === 'suspend' ? 'suspended' : action === 'resume' ? 'active' : 'terminated';
  const numberTo = action === 'suspend' ? 'suspended' : action === 'resume' ? 'active' : 'cooling';
  const id = randomUUID();
  const details = { previousState: account.state, previousStateSince: account.stateSince, number: account.hotline };
  const ins = await tx.query(
    `INSERT INTO billing_actions (id, office_id, account_id, action, on_date, reason, automatic, details, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT DO NOTHING`,
    [id, officeId, account.accountId, action, today, reason, opts.automatic ?? true, JSON.stringify(details), opts.userId ?? null],
  );
  if (ins.rowCount === 0) return null;
  const logged: AppliedAction[] = [{ accountId: account.accountId, action, reason, actionId: id }];
  const numbers: BillingRecordWrite[] = [];
  if (account.hotline) {
    const from = action === 'resume' ? ['suspended'] : action === 'suspend' ? ['active'] : ['active', 'suspended', 'frozen'];
    const coolingUntil = addDays(today, settings.coolingDays);
    const upd = await tx.query<NumberRow>(
      `UPDATE hotline_numbers SET status = $3, updated_at = now(),
              hold_until = CASE WHEN $3 = 'cooling' THEN ($4::date)::timestamp AT TIME ZONE $5 ELSE hold_until END,
              customer_id = CASE WHEN $3 = 'cooling' THEN NULL ELSE customer_id END,
              application_id = CASE WHEN $3 = 'cooling' THEN NULL ELSE application_id END,
              lease_id = CASE WHEN $3 = 'cooling' THEN NULL ELSE lease_id END
        WHERE office_id = $1 AND number = $2 AND status = ANY($6::text[]) RETURNING *`,
      [officeId, account.hotline, numberTo, coolingUntil, settings.timeZone, from],
    );
    for (const row of upd.rows) {
      const w = numberRecord(row);
      numbers.push({ entity: 'hotlineNumber', id: w.id, data: w.data ?? {} });
    }
    if (action === 'terminate' && upd.rows[0]) {
      // 4008 contract 7.3: the number is reclaimed and reallocated only after the cooling period.
      await tx.query('UPDATE number_assignments SET ended_at = now() WHERE number = $1 AND ended_at IS NULL', [account.hotline]);
      const rid = randomUUID();
      const reclaimReason = `号码 ${account.hotline} 收回，冷冻至 ${coolingUntil}（合同 7.3）。`;
      await tx.query(
        `INSERT INTO billing_actions (id, office_id, account_id, action, on_date, reason, automatic, details, created_by)
         VALUES ($1, $2, $3, 'reclaim', $4, $5, $6, $7::jsonb, $8) ON CONFLICT DO NOTHING`,
        [rid, officeId, account.accountId, today, reclaimReason, opts.automatic ?? true, JSON.stringify({ number: account.hotline, coolingUntil, customerId: upd.rows[0].customer_id }), opts.userId ?? null],
      );
      logged.push({ accountId: account.accountId, action: 'reclaim', reason: reclaimReason, actionId: rid });
    }
  }
  numbers.push(...(await actionRecords(tx, officeId, logged.map((l) => l.actionId))));
  return { fields: { status: to, stateSince: today, statusReason: `${COLLECTION_ACTION_LABELS[action]}：${reason}` }, numbers, logged };
}

/**
 * Called after a payment: an account this job suspended is resumed at once when nothing is
 * overdue and the balance is not negative. Returns the account fields and number records to publish, or null.
 */
export async function resumeIfSettled(tx: Queryable, officeId: string, accountId: string, settings: BillingSettings, today: string): Promise<{ fields: RecordData; numbers: BillingRecordWrite[] } | null> {
  const [account] = await loadBillingAccounts(tx, officeId, [accountId]);
  if (!account || account.state !== 'suspended') return null;
  const entries = (await ledgerByAccount(tx, officeId, [accountId])).get(accountId) ?? [];
  const st = (await actionStates(tx, officeId, [accountId])).get(accountId);
  const decision = decideCollections(
    {
      today,
      state: account.state,
      stateSince: account.stateSince,
      balanceFen: entries.reduce((a, e) => a + e.amountFen, 0),
      overdueFen: overdueOn(entries, today),
      overdueSince: null,
      suspendedAutomatically: st?.suspendedAutomatically ?? false,
      exemptUntil: null,
      hasLedger: entries.length > 0,
    },
    settings,
  );
  if (decision?.action !== 'resume') return null;
  const applied = await applyAction(tx, officeId, account, 'resume', decision.reason, today, settings);
  return applied ? { fields: applied.fields, numbers: applied.numbers } : null;
}

export interface CollectionsSummary {
  date: string;
  accountsChecked: number;
  lateFeeEntries: number;
  lateFeesFen: number;
  actions: AppliedAction[];
}

/**
 * The daily collections job for one office and day (injectable `today`), in one transaction:
 * 1. records each day's overdue principal per account (late_fee_days, one row per day: re-running
 *    a day adds nothing) and posts the late fee accrued so far, rounded once, less what is posted;
 * 2. decides and applies suspension, resumption and termination (+ reclamation) per account.
 */
export async function runCollections(tx: Queryable, officeId: string, today: string, settings: BillingSettings): Promise<CollectionsSummary> {
  const accounts = (await loadBillingAccounts(tx, officeId)).filter((a) => a.state === 'active' || a.state === 'suspended');
  const ids = accounts.map((a) => a.accountId);
  const ledger = await ledgerByAccount(tx, officeId, ids);
  const states = await actionStates(tx, officeId, ids);
  const accrued = await tx.query<{ account_id: string; last_day: string; total: number }>(
    'SELECT account_id, MAX(day)::text AS last_day, SUM(overdue_fen)::bigint AS total FROM late_fee_days WHERE office_id = $1 GROUP BY account_id',
    [officeId],
  );
  const accruedBy = new Map(accrued.rows.map((r) => [r.account_id, { lastDay: r.last_day, total: Number(r.total) }]));
  const floor = addDays(today, -MAX_CATCH_UP_DAYS);

  const dayRows: { a: string[]; d: string[]; o: number[] } = { a: [], d: [], o: [] };
  const fees: NewLedgerEntry[] = [];
  for (const acct of accounts) {
    const entries = ledger.get(acct.accountId);
    if (!entries?.length) continue;
    const prior = accruedBy.get(acct.accountId);
    let start = prior ? addDays(prior.lastDay, 1) : entries.filter((e) => e.category === 'principal' && e.amountFen < 0).reduce<string | null>((m, e) => (m === null || e.dueOn < m ? e.dueOn : m), null);
    if (start === null) continue;
    if (start < floor) start = floor;
    let sum = prior?.total ?? 0;
    let added = false;
    for (let d = start; d <= today; d = addDays(d, 1)) {
      const o = overdueOn(entries, d);
      if (o <= 0) continue;
      dayRows.a.push(acct.accountId);
      dayRows.d.push(d);
      dayRows.o.push(o);
      sum += o;
      added = true;
    }
    if (!added) continue;
    const posted = -entries.filter((e) => e.kind === 'late_fee').reduce((a, e) => a + e.amountFen, 0);
    const post = Math.max(0, accruedLateFeeFen([sum]) - posted);
    if (post > 0) {
      const fee: NewLedgerEntry = { accountId: acct.accountId, kind: 'late_fee', category: 'late_fee', amountFen: -post, effectiveOn: today, dueOn: today, reason: `逾期违约金（每日千分之三，计至 ${today}，合同 7.1）`, sourceKey: `latefee:${acct.accountId}:${today}` };
      fees.push(fee);
      entries.push({ amountFen: -post, category: 'late_fee', effectiveOn: today, dueOn: today, kind: 'late_fee' });
    }
  }
  for (let i = 0; i < dayRows.a.length; i += 5000) {
    await tx.query(
      `INSERT INTO late_fee_days (office_id, account_id, day, overdue_fen) SELECT $1, a, d, o FROM unnest($2::text[], $3::date[], $4::bigint[]) AS t(a, d, o) ON CONFLICT DO NOTHING`,
      [officeId, dayRows.a.slice(i, i + 5000), dayRows.d.slice(i, i + 5000), dayRows.o.slice(i, i + 5000)],
    );
  }
  const added = await appendLedger(tx, officeId, fees);

  const actions: AppliedAction[] = [];
  const accountFields = new Map<string, RecordData>();
  const numberWrites: BillingRecordWrite[] = [];
  for (const acct of accounts) {
    const entries = ledger.get(acct.accountId) ?? [];
    const st = states.get(acct.accountId);
    const decision = decideCollections(
      {
        today,
        state: acct.state!,
        stateSince: acct.stateSince,
        balanceFen: entries.reduce((a, e) => a + e.amountFen, 0),
        overdueFen: overdueOn(entries, today),
        overdueSince: overdueSince(entries, today, floor),
        suspendedAutomatically: st?.suspendedAutomatically ?? false,
        exemptUntil: st?.exemptUntil ?? null,
        hasLedger: entries.length > 0,
      },
      settings,
    );
    if (!decision) continue;
    const applied = await applyAction(tx, officeId, acct, decision.action, decision.reason, today, settings);
    if (!applied) continue;
    actions.push(...applied.logged);
    accountFields.set(acct.accountId, applied.fields);
    numberWrites.push(...applied.numbers);
  }
  await publishLedger(tx, officeId, added, { accountFields, extra: numberWrites });
  return { date: today, accountsChecked: accounts.length, lateFeeEntries: added.length, lateFeesFen: -added.reduce((a, e) => a + e.amountFen, 0), actions };
}
