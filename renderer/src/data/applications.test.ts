import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { ensureDefaultUsers } from './session';
import { actAs } from './testSupport';
import { createCustomer } from './customers';
import { SEED_CUSTOMER } from './accountTestSeed';
import { createPackage } from './packages';
import { importNumbers, reserveNumber, getNumber } from './numbers';
import {
  activateApplication,
  approveApplication,
  cancelApplication,
  createApplication,
  getApplication,
  listApplications,
  receiveCompletion,
  rejectApplication,
  reviseApplication,
  sendToCarrier,
  signContract,
  submitApplication,
  updateApplication,
} from './applications';
import { emptyApplicationInput, type ApplicationInput } from './applicationsValidation';
import { PermissionError, ValidationError } from './errors';

let n = 0;
let customerId = '';
let packageId = '';

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(async () => {
  setDatabase(new HotlineDb(`applications-test-${++n}`));
  // 2026-09-28 10:00 in Shanghai: the Monday before the National Day holiday
  setClock('2026-09-28T02:00:00.000Z');
  await ensureDefaultUsers();
  await actAs('manager');
  const pkg = await createPackage({
    name: '标准套餐',
    prepaymentFen: 360_000,
    monthlyMinimumFen: 30_000,
    tariffFenPerMinute: 15,
    includedMinutes: 0,
    termMonths: 12,
    featureFees: [{ name: '通话录音', monthlyFen: 2_000 }],
  });
  packageId = pkg.id;
  await importNumbers([{ rowNumber: 1, value: '4008123456' }, { rowNumber: 2, value: '4008765432' }], 'pool.csv');
  await actAs('clerk');
  const c = await createCustomer(SEED_CUSTOMER);
  customerId = c.id;
  await reserveNumber('4008123456', customerId);
});

function fullInput(): ApplicationInput {
  return {
    ...emptyApplicationInput(customerId),
    numberDigits: '4008123456',
    packageId,
    features: ['通话录音'],
    usageScope: '全国客服热线',
    destinationNumbers: ['13800138000', '0371-65123456'],
    callCentreLocation: '郑州市金水区',
    business: '售后服务',
    technicalRequirements: '',
    requestedOpeningDate: '2026-10-15',
    termMonths: 12,
    contactName: '李娜',
    contactPhone: '13800138000',
  };
}

/** Takes a fresh application to `completion_received` with the completion form received on `receivedOn`. */
async function toCompletion(receivedOn: string) {
  const app = await createApplication(fullInput());
  await submitApplication(app.id);
  await actAs('manager');
  await approveApplication(app.id);
  await signContract(app.id, '2026-09-28');
  await actAs('clerk');
  await sendToCarrier(app.id, '2026-09-28');
  return receiveCompletion(app.id, receivedOn);
}

describe('drafts', () => {
  it('saves a partial draft but refuses a bad destination number, naming the field and row, and writes nothing', async () => {
    const draft = await createApplication({ ...emptyApplicationInput(customerId), usageScope: '客服' });
    expect(draft.status).toBe('draft');
    expect(draft.no).toMatch(/^SL20260928-/);
    const before = await db().outbox.count();
    const e = await rejection(createApplication({ ...fullInput(), destinationNumbers: ['13800138000', '12345'] }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields['destinationNumbers.1']).toContain('第 2 个被叫电话号码');
    expect(await db().outbox.count()).toBe(before);
    expect((await listApplications()).length).toBe(1);
  });

  it('refuses a number that is not reserved for the customer', async () => {
    const e = await rejection(createApplication({ ...fullInput(), numberDigits: '4008765432' }));
    expect((e as ValidationError).fields.numberDigits).toContain('没有为这个客户预占');
  });

  it('refuses submitting an incomplete draft, naming each missing field', async () => {
    const draft = await createApplication({ ...emptyApplicationInput(customerId), usageScope: '客服' });
    const e = (await rejection(submitApplication(draft.id))) as ValidationError;
    expect(e.fields.callCentreLocation).toContain('接入呼叫中心的地点');
    expect(e.fields.contactPhone).toContain('联系电话');
    expect((await getApplication(draft.id))!.status).toBe('draft');
  });

  it('edits only drafts', async () => {
    const app = await createApplication(fullInput());
    const edited = await updateApplication(app.id, { ...fullInput(), business: '销售咨询' });
    expect(edited.requirement.business).toBe('销售咨询');
    await submitApplication(app.id);
    const e = await rejection(updateApplication(app.id, fullInput()));
    expect(e.message).toContain('只有草稿可以修改');
  });
});

describe('status flow and permissions', () => {
  it('walks draft → active, records who and when, opens the account and activates the number', async () => {
    const app = await createApplication(fullInput());
    await submitApplication(app.id);
    // the hold no longer expires on its own once submitted
    expect((await getNumber('4008123456'))!.reservedUntil).toBeNull();

    const clerkApproves = await rejection(approveApplication(app.id));
    expect(clerkApproves).toBeInstanceOf(PermissionError);
    expect(clerkApproves.message).toContain('无权审批受理单');

    await actAs('manager');
    await approveApplication(app.id, '资料齐全');
    await signContract(app.id, '2026-09-28');
    await actAs('clerk');
    await sendToCarrier(app.id, '2026-09-28');
    const received = await receiveCompletion(app.id, '2026-09-28');
    expect(received.deemedAcceptanceOn).toBe('2026-10-10'); // 10/10 is a make-up Saturday
    const active = await activateApplication(app.id, 'signed');
    expect(active.status).toBe('active');
    expect(active.accountId).not.toBeNull();
    expect(active.steps.map((s) => s.event)).toEqual([
      'create', 'submit', 'approve', 'signContract', 'sendToCarrier', 'receiveCompletion', 'activate',
    ]);
    expect(active.steps.find((s) => s.event === 'approve')!.userName).toBe('经理');
    expect(active.steps.every((s) => s.at === '2026-09-28T02:00:00.000Z')).toBe(true);

    const number = await getNumber('4008123456');
    expect(number!.status).toBe('active');
    const account = await db().accounts.get(active.accountId!);
    expect(account).toMatchObject({ status: 'active', customerId, numberDigits: '4008123456', openedOn: '2026-09-28', termEndsOn: '2027-09-27', contractAmountFen: 360_000 });
    const names = (await db().outbox.toArray()).map((o) => o.name);
    expect(names).toContain('application.activate');
    expect(names).toContain('account.open');
    expect(names).toContain('number.activate');
    // the hold queued on submit names the form by id as well as by number
    const hold = (await db().outbox.toArray()).find((o) => o.name === 'number.holdForApplication');
    expect(hold?.args).toMatchObject({ digits: '4008123456', applicationId: active.id, applicationNo: active.no, customerId });
  });

  it('a step that fails half-way leaves nothing behind (no account, form unchanged, no outbox row)', async () => {
    const app = await toCompletion('2026-09-28');
    // the number was taken out of the hold meanwhile (e.g. a sync from another device)
    const n = (await db().numbers.get('4008123456'))!;
    await db().numbers.put({ ...n, status: 'available', customerId: null });
    const outbox = await db().outbox.count();
    const e = await rejection(activateApplication(app.id, 'signed'));
    expect(e.message).toContain('4008123456');
    expect((await getApplication(app.id))!.status).toBe('completion_received');
    expect(await db().accounts.count()).toBe(0);
    expect(await db().accountEvents.count()).toBe(0);
    expect(await db().outbox.count()).toBe(outbox);
  });

  it('refuses skipping a step', async () => {
    const app = await createApplication(fullInput());
    const e = await rejection(sendToCarrier(app.id, '2026-09-28'));
    expect(e.message).toContain('“草稿”');
  });

  it('only a manager approves or rejects at the approval step; a reason is required', async () => {
    const app = await createApplication(fullInput());
    await submitApplication(app.id);
    expect(await rejection(rejectApplication(app.id, '资料不全'))).toBeInstanceOf(PermissionError);
    await actAs('manager');
    const noReason = (await rejection(rejectApplication(app.id, '  '))) as ValidationError;
    expect(noReason.fields.reason).toContain('原因');
    const rejected = await rejectApplication(app.id, '营业执照复印件不清晰');
    expect(rejected).toMatchObject({ status: 'rejected', rejectedAt: 'submitted', rejectionReason: '营业执照复印件不清晰' });
    await actAs('clerk');
    const revised = await reviseApplication(app.id);
    expect(revised.status).toBe('draft');
    await submitApplication(app.id);
    expect((await getApplication(app.id))!.status).toBe('submitted');
  });

  it('a later rejection (the carrier refuses) is recorded by the clerk with the step it happened at', async () => {
    const app = await toCompletion('2026-09-28');
    const r = await rejectApplication(app.id, '运营商退回：被叫号码未实名');
    expect(r).toMatchObject({ status: 'rejected', rejectedAt: 'completion_received' });
  });

  it('only a manager signs the contract', async () => {
    const app = await createApplication(fullInput());
    await submitApplication(app.id);
    await actAs('manager');
    await approveApplication(app.id);
    await actAs('clerk');
    expect(await rejection(signContract(app.id, '2026-09-28'))).toBeInstanceOf(PermissionError);
  });

  it('cancelling releases the number', async () => {
    const app = await createApplication(fullInput());
    await submitApplication(app.id);
    await cancelApplication(app.id, '客户放弃');
    expect((await getNumber('4008123456'))!.status).toBe('available');
  });
});

describe('deemed acceptance across National Day (4008 contract 4.3)', () => {
  it('a completion form received on 2026-09-30 is deemed accepted after 2026-10-13', async () => {
    setClock('2026-09-30T02:00:00.000Z');
    const app = await toCompletion('2026-09-30');
    // 10/1–10/7 are holidays; 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13 are the 5 working days
    expect(app.deemedAcceptanceOn).toBe('2026-10-13');
    expect(app.openedOn).toBe('2026-09-30');

    setClock('2026-10-13T08:00:00.000Z'); // still the 13th in Shanghai
    const early = (await rejection(activateApplication(app.id, 'deemed'))) as ValidationError;
    expect(early.fields.acceptance).toContain('2026-10-13');
    expect((await getApplication(app.id))!.status).toBe('completion_received');

    setClock('2026-10-13T16:30:00.000Z'); // 00:30 on the 14th in Shanghai
    const active = await activateApplication(app.id, 'deemed');
    expect(active).toMatchObject({ status: 'active', acceptance: 'deemed' });
    const account = await db().accounts.get(active.accountId!);
    // billing starts from the opening date on the form, not the day of acceptance (4.4)
    expect(account!.openedOn).toBe('2026-09-30');
  });

  it('received on 2026-09-29 → 2026-10-12', async () => {
    setClock('2026-09-29T02:00:00.000Z');
    const app = await toCompletion('2026-09-29');
    expect(app.deemedAcceptanceOn).toBe('2026-10-12');
  });

  it('refuses a receipt date in the future or an opening date after receipt', async () => {
    const app = await createApplication(fullInput());
    await submitApplication(app.id);
    await actAs('manager');
    await approveApplication(app.id);
    await signContract(app.id, '2026-09-28');
    await sendToCarrier(app.id, '2026-09-28');
    const future = (await rejection(receiveCompletion(app.id, '2026-10-09'))) as ValidationError;
    expect(future.fields.completionReceivedOn).toContain('不能晚于今天');
    const bad = (await rejection(receiveCompletion(app.id, '2026-09-28', '2026-09-29'))) as ValidationError;
    expect(bad.fields.openedOn).toContain('开通日期');
  });
});
