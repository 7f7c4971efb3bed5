import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs, seedBillingAccount } from './billingTestSeed';
import { reverseBillingAction } from './billing';
import { raiseDispute, resolveDispute } from './billingDisputes';
import { isPendingEntry, ledgerSummary } from './ledger';
import { reconcileRecord } from './syncState';
import { accountsTable } from './accountsTypes';
import { billingActionsTable, ledgerTable, type StoredBillingAction } from './ledgerTypes';
import type { Change } from '../../../shared/sync/index';

/**
 * The two offline effects a billing command shows before the server answers: a reversed automatic
 * suspension puts the account back at once (in the transaction of its outbox row), and an upheld
 * dispute's credit is a pending ledger entry; the server's refusal takes each back, its success
 * keeps them until the pulled records replace them.
 */
let n = 0;
let accountId = '';
const server = (entity: Change['entity'], id: string, data: Record<string, unknown>, version = 9): Change => ({ officeId: 'o1', entity, id, version, deleted: false, data });

beforeEach(async () => {
  setDatabase(new HotlineDb(`billing-effects-test-${++n}`));
  setClock('2026-11-02T02:00:00.000Z');
  ({ accountId } = await seedBillingAccount());
});

/** The server suspended the account automatically; the pull brought the account and the log. */
async function suspendedByTheJob(): Promise<StoredBillingAction> {
  await accountsTable().update(accountId, { status: 'suspended', stateSince: '2026-11-01', statusReason: '账单逾期未缴' });
  const a: StoredBillingAction = { id: 'a1', accountId, action: 'suspend', onDate: '2026-11-01', reason: '账单逾期未缴', automatic: true, reversedAt: null, reversedBy: null, reversalReason: null, details: { previousState: 'active', previousStateSince: '2026-10-02' } };
  await reconcileRecord('billingAction', a.id, server('billingAction', a.id, { ...a }, 5), 'o1');
  return a;
}

describe('reversing an automatic suspension offline', () => {
  it('resumes the account at once, in the transaction of the outbox row', async () => {
    await suspendedByTheJob();
    await actAs('manager');
    await reverseBillingAction('a1', '客户已承诺付款');
    expect(await accountsTable().get(accountId)).toMatchObject({ status: 'active', stateSince: '2026-10-02', statusReason: '经理撤销自动操作：客户已承诺付款' });
    expect((await db().outbox.toArray()).filter((r) => r.name === 'billingAction.reverse')).toHaveLength(1);
  });

  it('a refusal puts the account back as the server has it; a reversal the server did keeps it', async () => {
    const a1 = await suspendedByTheJob();
    await actAs('manager');
    await reverseBillingAction('a1', '客户已承诺付款');
    // refused: the server's copy of the action (not reversed) comes back, and so does the suspension
    await reconcileRecord('billingAction', 'a1', server('billingAction', 'a1', { ...a1 }, 5), 'o1');
    expect(await accountsTable().get(accountId)).toMatchObject({ status: 'suspended', stateSince: '2026-11-01', statusReason: '账单逾期未缴' });
    expect((await billingActionsTable().get('a1'))?.reversedAt).toBeNull();

    // done by the server: its reversed copy arrives; the account stays resumed
    await reverseBillingAction('a1', '客户已付款');
    await reconcileRecord('billingAction', 'a1', server('billingAction', 'a1', { ...a1, reversedAt: '2026-11-02T03:00:00.000Z', reversalReason: '客户已付款' }), 'o1');
    expect((await accountsTable().get(accountId))?.status).toBe('active');
  });

  it('leaves an account that no longer shows what the action left alone, and does not undo over a later change', async () => {
    await suspendedByTheJob();
    await actAs('manager');
    await accountsTable().update(accountId, { status: 'terminated' });
    const a1 = (await billingActionsTable().get('a1'))!;
    await reverseBillingAction('a1', '客户已承诺付款');
    expect((await accountsTable().get(accountId))?.status).toBe('terminated');
    // refused: nothing was shown, nothing is taken back
    await reconcileRecord('billingAction', 'a1', server('billingAction', 'a1', { ...a1 }, 5), 'o1');
    expect((await accountsTable().get(accountId))?.status).toBe('terminated');
    // shown, then the account changed again (a pull, another act) before the refusal: the later change stays
    await accountsTable().update(accountId, { status: 'suspended' });
    await reverseBillingAction('a1', '客户已承诺付款');
    expect((await accountsTable().get(accountId))?.status).toBe('active');
    await accountsTable().update(accountId, { status: 'closed' });
    await reconcileRecord('billingAction', 'a1', server('billingAction', 'a1', { ...a1 }, 5), 'o1');
    expect((await accountsTable().get(accountId))?.status).toBe('closed');
  });
});

describe("an upheld dispute's credit offline", () => {
  async function upheld() {
    const d = await raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打该号码' });
    await actAs('manager');
    const done = await resolveDispute(d.id, { outcome: 'upheld', note: '运营商确认重复计费', adjustmentYuan: '12.50' });
    return { d, done };
  }

  it('shows as a pending entry under the id the server will give it, in the balance at once', async () => {
    const { done } = await upheld();
    const entry = await ledgerTable().get(done.ledgerEntryId!);
    expect(entry).toMatchObject({ kind: 'adjustment', amountFen: 1_250, accountId, reason: '话单异议成立（T8）：运营商确认重复计费' });
    expect(isPendingEntry(entry!)).toBe(true);
    expect(await ledgerSummary(accountId)).toMatchObject({ balanceFen: 1_250, pendingCount: 1 });
    const resolve = (await db().outbox.toArray()).find((r) => r.name === 'dispute.resolve');
    expect(resolve?.args).toMatchObject({ adjustmentFen: 1_250, adjustmentId: done.ledgerEntryId });
  });

  it('a refused decision removes it; a decision the server booked keeps it until the pulled entry replaces it', async () => {
    const { d, done } = await upheld();
    // refused (decided on another device meanwhile): the server's dispute has no such entry
    await reconcileRecord('callDispute', d.id, server('callDispute', d.id, { ...d, status: 'rejected', outcome: '不成立' }), 'o1');
    expect(await ledgerTable().get(done.ledgerEntryId!)).toBeUndefined();
    expect((await ledgerSummary(accountId)).balanceFen).toBe(0);

    const e = await raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T9', reason: '未拨打' });
    const booked = await resolveDispute(e.id, { outcome: 'upheld', note: '确认', adjustmentYuan: '3' });
    await reconcileRecord('callDispute', e.id, server('callDispute', e.id, { ...booked }), 'o1');
    expect(await ledgerTable().get(booked.ledgerEntryId!)).toMatchObject({ amountFen: 300 });
    // the server's entry under the same id replaces the pending one (no double credit)
    const pulled = { ...(await ledgerTable().get(booked.ledgerEntryId!))!, version: 12 };
    await reconcileRecord('ledgerEntry', pulled.id, server('ledgerEntry', pulled.id, { ...pulled }, 12), 'o1');
    expect(await ledgerSummary(accountId)).toMatchObject({ balanceFen: 300, pendingCount: 0 });
  });

  it('a rejected dispute or an upheld one without an amount writes no entry', async () => {
    const d = await raiseDispute({ accountId, carrier: 'telecom', carrierRecordId: 'T8', reason: '未拨打' });
    await actAs('manager');
    await resolveDispute(d.id, { outcome: 'upheld', note: '确认，不退款' });
    expect(await ledgerTable().count()).toBe(0);
  });
});
