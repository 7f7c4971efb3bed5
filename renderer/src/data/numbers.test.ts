import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { advanceClock, setClock } from './clock';
import { ensureDefaultUsers } from './session';
import { listUsers } from './users';
import { actAs, rejection } from './testSupport';
import { createCustomer } from './customers';
import { SEED_CUSTOMER } from './accountTestSeed';
import { PermissionError, type ValidationError } from './errors';
import { ensureDefaultGradeRules, listGradeRules, saveGradeRules } from './gradeRules';
import {
  NumberImportError,
  addRange,
  countByStatus,
  expireReservations,
  importNumbers,
  numberHistory,
  releaseNumber,
  reserveNumber,
  startReservationSweeper,
} from './numbers';
import { parseCsvText, guessMapping, cellOf } from '../imports';
import { NUMBER_IMPORT_FIELDS, candidatesFromTable } from './numbersImport';

let n = 0;
beforeEach(async () => {
  setDatabase(new HotlineDb(`numbers-test-${++n}`));
  setClock('2026-11-22T02:00:00.000Z');
  await ensureDefaultUsers();
  await ensureDefaultGradeRules();
  await actAs('manager');
});

function csvCandidates(text: string) {
  const table = parseCsvText(text);
  const mapping = guessMapping(table.headers, NUMBER_IMPORT_FIELDS);
  expect(cellOf(table.rows[0]!.cells, mapping, 'number')).not.toBe('');
  return candidatesFromTable(table, mapping);
}

async function aCustomer(): Promise<string> {
  const c = await createCustomer({ ...SEED_CUSTOMER, email: null });
  return c.id;
}

describe('importNumbers', () => {
  it('refuses the whole file when any row is bad, naming every bad row and its reason', async () => {
    await importNumbers([{ rowNumber: 1, value: '4008009999' }], 'earlier.csv');
    const rows = csvCandidates('号码,备注\n400-800-1234,甲\n4003001234,号段错\n4008001234,重复\n40080012,短\n400 800 9999,已在池中\n');
    const e = await rejection(importNumbers(rows, 'bad.csv'));
    expect(e).toBeInstanceOf(NumberImportError);
    const errors = (e as NumberImportError).rowErrors;
    expect(errors.map((x) => x.rowNumber)).toEqual([3, 4, 5, 6]);
    expect(errors[0]!.reason).toContain('4003');
    expect(errors[1]!.reason).toContain('与第 2 行重复');
    expect(errors[2]!.reason).toContain('10 位');
    expect(errors[3]!.reason).toContain('已在号码池中');
    // nothing of the file was written: not even the good first row
    expect(await db().numbers.get('4008001234')).toBeUndefined();
    expect(await db().numbers.count()).toBe(1);
  });

  it('imports a clean file in one go, graded by the office table, with events and one mutation', async () => {
    const outboxBefore = await db().outbox.count();
    const rows = csvCandidates('号码\n4008001234\n4008888888\n4001235678\n');
    expect(await importNumbers(rows, 'good.csv')).toEqual({ added: 3 });
    const rules = await listGradeRules();
    const byName = new Map(rules.map((r) => [r.id, r.name]));
    const aaaa = await db().numbers.get('4008888888');
    expect(byName.get(aaaa!.grade!)).toBe('四连号');
    expect(aaaa!.priceFen).toBe(800_000);
    expect(aaaa!.patterns).toContain('AAAA');
    expect(aaaa!.carrier).toBe('telecom');
    expect(byName.get((await db().numbers.get('4001235678'))!.grade!)).toBe('顺子号');
    const manager = (await listUsers()).find((u) => u.role === 'manager')!;
    expect((await numberHistory('4008001234'))[0]).toMatchObject({ from: null, to: 'available', userName: manager.name });
    expect(await db().outbox.count()).toBe(outboxBefore + 1);
  });

  it('is for managers: a clerk is refused', async () => {
    await actAs('clerk');
    const e = await rejection(importNumbers([{ rowNumber: 2, value: '4008001234' }], 'x.csv'));
    expect(e).toBeInstanceOf(PermissionError);
    expect((e as Error).message).toContain('无权导入号码');
  });
});

describe('addRange', () => {
  it('adds every number of a range and refuses ranges that are reversed, too big or overlap the pool', async () => {
    expect(await addRange('400-800-1000', '400-800-1009')).toEqual({ added: 10 });
    expect((await countByStatus()).available).toBe(10);
    expect(((await rejection(addRange('4008001010', '4008001001'))) as ValidationError).fields.to).toContain('不能小于');
    expect(((await rejection(addRange('4008000000', '4008100000'))) as ValidationError).fields.to).toContain('最多');
    const overlap = (await rejection(addRange('4008000995', '4008001000'))) as NumberImportError;
    expect(overlap.rowErrors).toHaveLength(1);
    expect(overlap.rowErrors[0]!.reason).toContain('已在号码池中');
    expect(await db().numbers.count()).toBe(10);
  });
});

describe('grade table', () => {
  it('re-grades the pool when a manager edits it, and is refused to a clerk', async () => {
    await importNumbers([{ rowNumber: 1, value: '4008000111' }], 'a.csv');
    const rules = await listGradeRules();
    const edited = rules.map((r) => (r.name === '三连号' ? { ...r, priceFen: 123_400 } : r));
    const { regraded } = await saveGradeRules(edited);
    expect(regraded).toBe(1);
    expect((await db().numbers.get('4008000111'))!.priceFen).toBe(123_400);
    await actAs('clerk');
    expect(await rejection(saveGradeRules(edited))).toBeInstanceOf(PermissionError);
  });

  it('validates every rule and names it', async () => {
    const rules = await listGradeRules();
    const bad = rules.map((r, i) => (i === 1 ? { ...r, priceFen: 1.5 } : r));
    const e = (await rejection(saveGradeRules(bad))) as ValidationError;
    expect(e.fields['rules.1']).toContain('第 2 条等级');
  });
});

describe('reservations', () => {
  it('holds a number for the settings default of 15 days, then releases it by itself', async () => {
    await importNumbers([{ rowNumber: 1, value: '4008001234' }], 'a.csv');
    const customerId = await aCustomer();
    await actAs('clerk');
    const held = await reserveNumber('4008001234', customerId);
    expect(held.status).toBe('reserved');
    expect(held.reservedUntil).toBe('2026-12-07T02:00:00.000Z');
    // a second reservation of the same number is refused by the state machine
    expect(((await rejection(reserveNumber('4008001234', customerId))) as Error).message).toContain('预占');

    advanceClock(14 * 86_400_000);
    expect(await expireReservations()).toEqual([]);
    advanceClock(86_400_000);
    expect(await expireReservations()).toEqual(['4008001234']);
    const n = await db().numbers.get('4008001234');
    expect(n).toMatchObject({ status: 'available', customerId: null, reservedUntil: null });
    const history = await numberHistory('4008001234');
    expect(history[0]).toMatchObject({ from: 'reserved', to: 'available', userName: '系统', reason: '预占到期，自动释放' });
    const clerk = (await listUsers()).find((u) => u.role === 'clerk')!;
    expect(history[1]).toMatchObject({ from: 'available', to: 'reserved', userId: clerk.id, userName: clerk.name });
  });

  it('the sweeper releases at once when the clock is moved', async () => {
    await importNumbers([{ rowNumber: 1, value: '4008001234' }], 'a.csv');
    const customerId = await aCustomer();
    await reserveNumber('4008001234', customerId, 2);
    const released: string[][] = [];
    let fire: () => void = () => {};
    const stop = startReservationSweeper((d) => released.push(d), 1_000_000, (fn) => ((fire = fn), () => {}));
    await new Promise((r) => setTimeout(r, 50));
    expect(released).toEqual([]);
    advanceClock(3 * 86_400_000);
    fire();
    await new Promise((r) => setTimeout(r, 100));
    stop();
    expect(released).toEqual([['4008001234']]);
  });

  it('release by hand needs a reservation; a field agent may not import', async () => {
    await importNumbers([{ rowNumber: 1, value: '4008001234' }], 'a.csv');
    expect(((await rejection(releaseNumber('4008001234'))) as Error).message).toContain('释放预占');
    await actAs('field_agent');
    expect(await rejection(addRange('4008002000', '4008002001'))).toBeInstanceOf(PermissionError);
  });
});
