import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import { HotlineDb, SCHEMA_VERSIONS, db, setDatabase } from './db';
import { advanceClock, setClock } from './clock';
import { actAs, rejection as rejectionOf } from './testSupport';
import { SEED_CUSTOMER as CUSTOMER, seedActiveAccount } from './accountTestSeed';
import { createCustomer } from './customers';
import { getNumber } from './numbers';
import {
  activateApplication,
  approveApplication,
  createChangeApplication,
  listApplications,
  receiveCompletion,
  sendToCarrier,
  signContract,
  submitApplication,
} from './applications';
import {
  accountBalanceFen,
  accountHistory,
  closeAccount,
  getAccount,
  resumeAccount,
  suspendAccount,
  terminateAccount,
  transferAccount,
} from './accounts';
import { releaseCooledNumbers } from './accountsNumbers';
import { emptyApplicationInput } from './applicationsValidation';
import type { ValidationError } from './errors';
import { PermissionError } from './errors';
import { usccCheckCharacter } from '../../../shared';

const DAY = 86_400_000;
let n = 0;
let packageId = '';
let accountId = '';

/** The refusal `p` rejects with (an Error). */
const rejection = async (p: Promise<unknown>) => (await rejectionOf(p)) as Error;

beforeEach(async () => {
  setDatabase(new HotlineDb(`accounts-test-${++n}`));
  setClock('2026-11-02T02:00:00.000Z');
  ({ accountId, packageId } = await seedActiveAccount());
});

describe('account lifecycle', () => {
  it('suspends with a reason (manager only), resumes, and moves the number with it', async () => {
    await actAs('clerk');
    expect(await rejection(suspendAccount(accountId, '欠费'))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    expect(((await rejection(suspendAccount(accountId, ' '))) as ValidationError).fields.reason).toContain('暂停原因');
    const s = await suspendAccount(accountId, '欠费未缴');
    expect(s).toMatchObject({ status: 'suspended', statusReason: '欠费未缴', stateSince: '2026-11-02' });
    expect((await getNumber('4008123456'))!.status).toBe('suspended');
    const r = await resumeAccount(accountId, '已缴清');
    expect(r.status).toBe('active');
    expect((await getNumber('4008123456'))!.status).toBe('active');
    const history = await accountHistory(accountId);
    expect(history.map((e) => e.to)).toEqual(['active', 'suspended', 'active']);
    expect(history[1]!.userName).toBe('经理');
  });

  it('terminates for unpaid fees only 30 days after suspension, then the number cools for the configured days', async () => {
    await actAs('manager');
    await suspendAccount(accountId, '欠费未缴');
    const early = await rejection(terminateAccount(accountId, 'unpaid_after_suspension', '仍未缴费'));
    expect(early.message).toContain('2026-12-02');
    expect((await getAccount(accountId))!.status).toBe('suspended');

    advanceClock(30 * DAY);
    const t = await terminateAccount(accountId, 'unpaid_after_suspension', '仍未缴费');
    expect(t).toMatchObject({ status: 'terminated', terminationGround: 'unpaid_after_suspension' });
    const cooling = await getNumber('4008123456');
    expect(cooling!.status).toBe('cooling');
    expect(cooling!.coolingUntil).toBe(new Date(Date.parse('2026-12-02T02:00:00.000Z') + 90 * DAY).toISOString());

    advanceClock(89 * DAY);
    expect(await releaseCooledNumbers()).toEqual([]);
    expect((await getNumber('4008123456'))!.status).toBe('cooling');
    advanceClock(DAY);
    expect(await releaseCooledNumbers()).toEqual(['4008123456']);
    const back = await getNumber('4008123456');
    expect(back).toMatchObject({ status: 'available', customerId: null, coolingUntil: null });
  });

  it('uses the cooling days of the office settings', async () => {
    await db().settings.put({ key: 'officeSettings', value: { coolingDays: 10 }, updatedAt: '2026-11-02T00:00:00.000Z' });
    await actAs('manager');
    await terminateAccount(accountId, 'customer_request', '客户不再使用');
    advanceClock(10 * DAY);
    expect(await releaseCooledNumbers()).toEqual(['4008123456']);
  });

  it('closes an account with nothing owed (no ledger entries)', async () => {
    await actAs('manager');
    expect(await accountBalanceFen(accountId)).toBe(0);
    await terminateAccount(accountId, 'violation', '转售号码');
    const closed = await closeAccount(accountId, '结清销户');
    expect(closed.status).toBe('closed');
  });

  it('refuses closing while the ledger shows fees owed, with the amount; closes once they are paid', async () => {
    // the billing issue's ledger table (schema v5); older schemas get one just for this test
    if (!db().tables.some((t) => t.name === 'ledger')) {
      const name = db().name;
      db().close();
      setDatabase(new HotlineDb(name, [...SCHEMA_VERSIONS, { version: 99, stores: { ledger: 'id, accountId' } }]));
    }
    const ledger = db().table('ledger') as Dexie.Table;
    await ledger.add({ id: 'l1', accountId, amountFen: -12_345, effectiveOn: '2026-11-01' }); // a charge: negative is owed
    await actAs('manager');
    expect(await accountBalanceFen(accountId)).toBe(12_345);
    const e = await rejection(closeAccount(accountId, '销户'));
    expect(e.message).toContain('123.45');
    expect((await getAccount(accountId))!.status).toBe('active');
    expect((await getNumber('4008123456'))!.status).toBe('active');
    await ledger.add({ id: 'l2', accountId, amountFen: 12_345, effectiveOn: '2026-11-02' }); // paid
    expect(await accountBalanceFen(accountId)).toBe(0);
    expect((await closeAccount(accountId, '结清销户')).status).toBe('closed');
  });

  it('transfers (过户) only to a customer with complete, verified real-name data', async () => {
    await actAs('manager');
    const other = await createCustomer({ ...CUSTOMER, name: '洛阳新新贸易有限公司', uscc: `91410300MA44A0XK0${usccCheckCharacter('91410300MA44A0XK0')}` });
    const e = (await rejection(transferAccount(accountId, other.id, '公司合并'))) as ValidationError;
    expect(e.fields.newCustomerId).toContain('营业执照');
    await db().customers.update(other.id, { realNameStatus: 'verified' });
    await actAs('clerk');
    expect(await rejection(transferAccount(accountId, other.id, '公司合并'))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    const moved = await transferAccount(accountId, other.id, '公司合并');
    expect(moved.customerId).toBe(other.id);
    expect((await getNumber('4008123456'))!.customerId).toBe(other.id);
    expect((await accountHistory(accountId))[0]!.reason).toContain('郑州星辰通信科技有限公司 → 洛阳新新贸易有限公司');
  });

  it('a change to an active service is a new requirement form kept with the account', async () => {
    const change = await createChangeApplication(accountId, {
      ...emptyApplicationInput(),
      packageId,
      usageScope: '全国客服热线',
      destinationNumbers: ['13900139000'],
      callCentreLocation: '郑州',
      business: '售后服务',
      requestedOpeningDate: '2026-11-20',
      termMonths: 12,
      contactName: '李娜',
      contactPhone: '13800138000',
    });
    expect(change).toMatchObject({ kind: 'change', accountId, numberDigits: '4008123456' });
    await submitApplication(change.id);
    await actAs('manager');
    await approveApplication(change.id);
    await signContract(change.id, '2026-11-02');
    await sendToCarrier(change.id, '2026-11-02');
    await receiveCompletion(change.id, '2026-11-02');
    await activateApplication(change.id, 'signed');
    const acc = await getAccount(accountId);
    expect(acc!.requirement.destinationNumbers).toEqual(['13900139000']);
    expect((await listApplications({ accountId })).map((a) => a.kind).sort()).toEqual(['change', 'new']);
    expect((await getNumber('4008123456'))!.status).toBe('active');
  });
});
