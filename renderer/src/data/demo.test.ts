import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { ensureDefaultUsers, setCurrentUser } from './session';
import { listUsers } from './users';
import { ensureDefaultGradeRules, listGradeRules } from './gradeRules';
import { generateDemoOffice, type DemoInput } from './demoGenerate';
import { demoOfferState, dismissDemoOffer, loadDemoOffice, type DemoProgress } from './demoLoad';
import { activateApplication, listApplications, submitApplication } from './applications';
import { listAccounts, terminateAccount } from './accounts';
import { checkCustomerInput } from './customersValidation';
import { APPLICATION_FLOW_STATUSES } from './applicationsFlow';
import { validateLandline, validateMobile, validateResidentId, validateUscc } from '../../../shared';

let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`demo-test-${++n}`));
  setClock('2026-11-22T02:00:00.000Z');
});

async function input(seed: number): Promise<DemoInput> {
  await ensureDefaultUsers();
  await ensureDefaultGradeRules();
  const users = await listUsers();
  const u = (role: string) => users.find((x) => x.role === role)!;
  return {
    seed,
    now: '2026-11-22T02:00:00.000Z',
    today: '2026-11-22',
    users: { clerk: u('clerk'), manager: u('manager') },
    gradeTable: await listGradeRules(),
    size: { customers: 60, numbers: 600, applications: 120 },
  };
}

describe('generateDemoOffice', () => {
  it('is deterministic: the same seed gives the same office, another seed another', async () => {
    const i = await input(7);
    const a = generateDemoOffice(i);
    const b = generateDemoOffice(i);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateDemoOffice({ ...i, seed: 8 });
    expect(c.customers[0]!.uscc).not.toBe(a.customers[0]!.uscc);
  });

  it('makes real-name data that passes every validator, and unique numbers', async () => {
    const office = generateDemoOffice(await input(1));
    expect(office.customers).toHaveLength(60);
    for (const c of office.customers) {
      expect(validateUscc(c.uscc)).toEqual({ ok: true });
      expect(validateResidentId(c.handlerIdNumber, '2026-11-22')).toEqual({ ok: true });
      expect(validateMobile(c.handlerMobile).ok).toBe(true);
      expect(validateLandline(c.landline).ok).toBe(true);
      expect(checkCustomerInput(c).errors).toEqual({});
    }
    expect(new Set(office.customers.map((c) => c.uscc)).size).toBe(60);
    expect(new Set(office.numbers.map((x) => x.digits)).size).toBe(600);
    expect(new Set(office.numbers.map((x) => x.segment))).toEqual(new Set(['4000', '4001', '4006', '4007', '4008', '4009']));
    expect(office.numbers.some((x) => x.grade !== null && x.priceFen > 0)).toBe(true);
  });

  it('has applications in every state and accounts active, suspended, terminated and closed, with numbers to match', async () => {
    const office = generateDemoOffice(await input(2));
    expect(new Set(office.applications.map((a) => a.status))).toEqual(new Set(APPLICATION_FLOW_STATUSES));
    expect(new Set(office.accounts.map((a) => a.status))).toEqual(new Set(['active', 'suspended', 'terminated', 'closed']));
    const numbers = new Map(office.numbers.map((x) => [x.digits, x]));
    for (const acc of office.accounts) {
      const expected = { active: 'active', suspended: 'suspended', terminated: 'cooling', closed: 'cooling' }[acc.status as string];
      expect(numbers.get(acc.numberDigits)!.status).toBe(expected);
    }
    for (const a of office.applications.filter((x) => x.status === 'completion_received')) {
      expect(a.deemedAcceptanceOn! > a.completionReceivedOn!).toBe(true);
    }
  });
});

describe('loadDemoOffice', () => {
  it('offers itself on an empty store, loads in chunks with progress, then no longer offers', async () => {
    expect(await demoOfferState()).toBe('offer');
    const seen: DemoProgress[] = [];
    const r = await loadDemoOffice({ size: { customers: 40, numbers: 400, applications: 60 }, chunkSize: 100, onProgress: (p) => seen.push(p) });
    expect(r).toMatchObject({ customers: 40, numbers: 400, packages: 4 });
    expect(await db().customers.count()).toBe(40);
    expect(await db().numbers.count()).toBe(400);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toMatchObject({ stage: 'done' });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1]!.done)).toBe(true);
    const demoMutations = await db().outbox.where('status').equals('pending').filter((o) => o.name === 'demo.load').count();
    expect(demoMutations).toBeGreaterThan(5);
    expect(await demoOfferState()).toBe('loaded');
    await expect(loadDemoOffice()).rejects.toThrow('空的数据库');
  });

  it('remembers "start empty"', async () => {
    await dismissDemoOffer();
    expect(await demoOfferState()).toBe('dismissed');
  });

  it('loads rows the repositories can work on', async () => {
    await loadDemoOffice({ size: { customers: 40, numbers: 400, applications: 120 } });
    const users = await listUsers();
    await setCurrentUser(users.find((u) => u.role === 'manager')!.id);
    // a demo draft's number is still reserved for its customer: it can be submitted
    const draft = (await listApplications({ status: 'draft' }))[0]!;
    expect((await submitApplication(draft.id)).status).toBe('submitted');
    // a form with its completion form received can be opened (customer signed)
    const waiting = (await listApplications({ status: 'completion_received' }))[0]!;
    expect((await activateApplication(waiting.id, 'signed')).status).toBe('active');
    // a suspended account can be terminated for a violation; its number starts cooling
    const suspended = (await listAccounts({ status: 'suspended' }))[0]!;
    await terminateAccount(suspended.id, 'violation', '转售号码');
    expect((await db().numbers.get(suspended.numberDigits))!.status).toBe('cooling');
  });
});
