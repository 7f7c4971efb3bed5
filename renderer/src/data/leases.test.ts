import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { ensureDefaultUsers, getCurrentUser } from './session';
import { actAs, rejection } from './testSupport';
import { createCustomer } from './customers';
import { SEED_CUSTOMER } from './accountTestSeed';
import { PermissionError, ValidationError, localizedFields } from './errors';
import { ensureDefaultGradeRules } from './gradeRules';
import { importNumbers, reserveNumber } from './numbers';
import { queryNumbers } from './numbersPicker';
import { applyChanges } from './syncStateApply';
import { leaseRequestOutcome, leaseState, listLeases, requestLeaseReturn, requestLeaseTake, sellableLeaseNumbers, withdrawLeaseRequest } from './leases';

// Field agents' leases in the data layer: the picker offers only a live lease's numbers, the
// repository refuses any other number (offline, without the server), expiry ends the offer.

const T0 = '2026-11-22T02:00:00.000Z';
const EXPIRES = '2026-11-25T02:00:00.000Z';
const GRACE = '2026-11-26T02:00:00.000Z';
const LEASED = ['4008001001', '4008001002', '4008001003'];
const OTHER = '4008002001';
const FREE = '4008003001';

let n = 0;
let customerId = '';

/** A pulled lease record, exactly as the server writes it (server/src/numbers/commands.ts leaseRecord). */
async function pullLease(id: string, userId: string, numbers: string[], extra: Record<string, unknown> = {}) {
  const d = db();
  await d.transaction('rw', [d.meta, d.officeProfile, d.gradeRules], () =>
    applyChanges([
      {
        officeId: 'o1',
        entity: 'lease',
        id,
        version: 7,
        deleted: false,
        data: { userId, numbers, takenAt: T0, expiresAt: EXPIRES, graceUntil: GRACE, returnedAt: null, ...extra },
      },
    ]),
  );
}

beforeEach(async () => {
  setDatabase(new HotlineDb(`leases-test-${++n}`));
  setClock(T0);
  await ensureDefaultUsers();
  await ensureDefaultGradeRules();
  await actAs('manager');
  await importNumbers([...LEASED, OTHER, FREE].map((value, i) => ({ rowNumber: i + 1, value })), 'pool.csv');
  customerId = (await createCustomer({ ...SEED_CUSTOMER, email: null })).id;
  await actAs('field_agent');
  const agent = (await getCurrentUser())!;
  await pullLease('lease-1', agent.id, LEASED);
  // a colleague's lease (a manager's device holds every lease of the office)
  await pullLease('lease-2', 'someone-else', [OTHER]);
});

describe('field agent offline sales from a lease', () => {
  it('the picker offers only the live lease numbers of the agent', async () => {
    const page = await queryNumbers({ status: 'available' }, { pageSize: 50 });
    expect(page.rows.map((r) => r.digits)).toEqual(LEASED);
    expect(page.total).toBe(3);
    // filters still apply within the lease, and paging by keyset works
    expect((await queryNumbers({ status: 'available', tail: '002' })).rows.map((r) => r.digits)).toEqual(['4008001002']);
    const first = await queryNumbers({ status: 'available' }, { pageSize: 2 });
    expect(first.nextAfter).toBe('4008001002');
    expect((await queryNumbers({ status: 'available' }, { pageSize: 2, after: first.nextAfter })).rows.map((r) => r.digits)).toEqual(['4008001003']);
  });

  it('office staff sell from the pool, but not numbers in an agent\'s live or grace-day lease', async () => {
    await actAs('clerk');
    expect(await sellableLeaseNumbers()).toBeNull();
    expect((await queryNumbers({ status: 'available' })).rows.map((r) => r.digits)).toEqual([FREE]);
    // the pool list (no status filter) still shows every number
    expect((await queryNumbers({})).rows).toHaveLength(5);
    const e = await rejection(reserveNumber(OTHER, customerId));
    expect((e as ValidationError).fields.numberDigits).toContain('外勤领用');
    expect((await reserveNumber(FREE, customerId)).status).toBe('reserved');
    // in the grace day the numbers are still the agent's; after it they are back in the pool
    setClock(EXPIRES);
    expect((await queryNumbers({ status: 'available' })).rows.map((r) => r.digits)).toEqual([]);
    setClock(GRACE);
    expect((await queryNumbers({ status: 'available' })).rows.map((r) => r.digits)).toEqual([...LEASED, OTHER]);
    expect((await reserveNumber(OTHER, customerId)).status).toBe('reserved');
  });

  it('holds a leased number offline and refuses an unleased one, naming the field', async () => {
    const held = await reserveNumber('4008001002', customerId);
    expect(held.status).toBe('reserved');
    // the hold is queued for the server (which checks the lease again on its own state)
    const queued = await db().outbox.filter((r) => r.name === 'number.reserve').toArray();
    expect(queued.map((r) => (r.args as { digits: string }).digits)).toEqual(['4008001002']);
    // the sold number leaves the offer
    expect((await queryNumbers({ status: 'available' })).rows.map((r) => r.digits)).toEqual(['4008001001', '4008001003']);

    const e = await rejection(reserveNumber(OTHER, customerId));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields.numberDigits).toContain('400-800-2001');
    expect((e as ValidationError).fields.numberDigits).toContain('领用');
    // in the English UI too, naming the field
    expect(localizedFields(e, 'en').numberDigits).toBe(
      '400 number: 400-800-2001 is not in a live lease of yours; a field agent sells only numbers it has taken and that have not expired. Pick one of your leased numbers, or take more numbers while online.',
    );
    expect((await db().numbers.get(OTHER))!.status).toBe('available');
    expect(await db().outbox.filter((r) => r.name === 'number.reserve').count()).toBe(1);
  });

  it('expiry removes the offer; the grace day keeps pending sales queued but allows no new one', async () => {
    await reserveNumber('4008001001', customerId);
    const [mine] = (await listLeases()).filter((l) => l.id === 'lease-1');
    expect(leaseState(mine!)).toBe('live');
    setClock('2026-11-25T01:59:59.000Z');
    expect((await queryNumbers({ status: 'available' })).rows).toHaveLength(2);
    setClock(EXPIRES);
    expect(leaseState(mine!)).toBe('grace');
    expect((await queryNumbers({ status: 'available' })).rows).toEqual([]);
    expect(await rejection(reserveNumber('4008001003', customerId))).toBeInstanceOf(ValidationError);
    // the sale made before expiry still waits to sync (the server accepts it in the grace day)
    expect(await db().outbox.filter((r) => r.name === 'number.reserve' && r.status === 'pending').count()).toBe(1);
    setClock(GRACE);
    expect(leaseState(mine!)).toBe('over');
  });

  it('a returned lease offers nothing', async () => {
    const agent = (await getCurrentUser())!;
    await pullLease('lease-1', agent.id, LEASED, { returnedAt: '2026-11-22T03:00:00.000Z' });
    expect((await sellableLeaseNumbers())!.size).toBe(0);
    expect((await queryNumbers({ status: 'available' })).rows).toEqual([]);
  });
});

describe('lease requests', () => {
  it('a field agent queues lease.take with checked arguments; a refusal comes back with its reason', async () => {
    const e = await rejection(requestLeaseTake({ count: 0, prefix: '12', hours: 999 }));
    expect(Object.keys((e as ValidationError).fields).sort()).toEqual(['count', 'hours', 'prefix']);
    const id = await requestLeaseTake({ count: 5, prefix: '4008', hours: 48 });
    const row = (await db().outbox.filter((r) => r.name === 'lease.take').toArray())[0]!;
    expect(row.args).toEqual({ leaseId: id, count: 5, prefix: '4008', hours: 48 });
    expect(await leaseRequestOutcome('lease.take', id)).toEqual({ state: 'pending' });
    await db().outbox.put({ ...row, status: 'rejected', rejection: JSON.stringify({ code: 'POOL_EMPTY', message: '号码池已空', messageEn: 'pool empty' }) });
    expect(await leaseRequestOutcome('lease.take', id)).toMatchObject({ state: 'refused', code: 'POOL_EMPTY', messageEn: 'pool empty' });
    expect(await withdrawLeaseRequest('lease.take', id)).toBe(1);
  });

  it('clerks cannot take leases; an agent returns only its own; a manager may return any', async () => {
    await actAs('clerk');
    expect(await rejection(requestLeaseTake({ count: 1 }))).toBeInstanceOf(PermissionError);
    await actAs('field_agent');
    expect(await rejection(requestLeaseReturn('lease-2'))).toBeInstanceOf(PermissionError);
    await requestLeaseReturn('lease-1');
    await actAs('manager');
    await requestLeaseReturn('lease-2');
    const queued = await db().outbox.filter((r) => r.name === 'lease.return').toArray();
    expect(queued.map((r) => r.args)).toEqual([{ leaseId: 'lease-1' }, { leaseId: 'lease-2' }]);
  });
});
