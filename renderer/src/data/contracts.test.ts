import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { isProvisionalContractNumber, parseContractNumber } from '../../../shared';
import { HotlineDb, db, setDatabase } from './db';
import { setClock } from './clock';
import { actAs } from './testSupport';
import { NotFoundError, PermissionError, ValidationError } from './errors';
import {
  applyServerNumber,
  contractDocument,
  contractDocxBytes,
  createContractFromApplication,
  getContract,
  listContractableApplications,
  listContracts,
  markContractPrinted,
  refreshContractDraft,
  signContract,
  voidContract,
} from './contracts';
import { deviceTagFromClientId, DEVICE_TAG_KEY } from './contractsNumbering';
import { seedApprovedApplications } from './contractsTestSeed';
import { runsText, type ContractDocument } from '../../../shared';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46]);

let n = 0;
async function freshDevice(name = `contracts-test-${++n}`): Promise<HotlineDb> {
  const d = new HotlineDb(name);
  setDatabase(d);
  return d;
}

beforeEach(async () => {
  await freshDevice();
  setClock('2026-11-22T02:00:00.000Z');
});

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

function words(doc: ContractDocument): string {
  const parts: string[] = [doc.headerText];
  for (const b of doc.blocks) {
    if (b.kind === 'title') parts.push(b.text);
    else if (b.kind === 'line' || b.kind === 'heading' || b.kind === 'clause') parts.push(runsText(b.runs));
    else if (b.kind === 'table') for (const row of b.rows) for (const c of row) parts.push(c.paragraphs.map(runsText).join('\n'));
    else if (b.kind === 'signatures') parts.push([...b.left, ...b.right].map(runsText).join('\n'));
  }
  return parts.join('\n');
}

describe('making a contract from an approved 受理单', () => {
  it('fills the template from customer, number, package, application and office profile', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await actAs('manager');
    const c = await createContractFromApplication(app!.applicationId, 'agreement-400');
    expect(c).toMatchObject({ status: 'draft', provisional: true, customerName: '河南豫信商贸有限公司', hotlineDigits: '4008123456', templateId: 'agreement-400' });
    const text = words(contractDocument(c));
    for (const s of ['河南豫信商贸有限公司', '郑州启凡计算机软件有限公司', '400-812-3456', '陆仟零柒元壹角肆分', '商务标准套餐', '0.15元/分钟', c.number]) {
      expect(text).toContain(s);
    }
    const outbox = await db().outbox.toArray();
    expect(outbox.map((o) => o.name)).toEqual(['record.create']);
    expect(outbox[0]!.args).toMatchObject({ entity: 'contract', id: c.id });
  });

  it('asking twice returns the same live contract; another template is another contract', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await actAs('manager');
    const a = await createContractFromApplication(app!.applicationId, 'agreement-400');
    const again = await createContractFromApplication(app!.applicationId, 'agreement-400');
    const other = await createContractFromApplication(app!.applicationId, 'access-4008');
    expect(again.id).toBe(a.id);
    expect(other.id).not.toBe(a.id);
    expect(other.number).not.toBe(a.number);
    expect(words(contractDocument(other))).toContain('产品咨询、订单受理、售后服务');
  });

  it('only managers and admins make, sign and void contracts; clerks may print', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    for (const role of ['clerk', 'field_agent'] as const) {
      await actAs(role);
      const e = await rejection(createContractFromApplication(app!.applicationId, 'agreement-400'));
      expect(e).toBeInstanceOf(PermissionError);
    }
    expect(await db().table('contracts').count()).toBe(0);
    await actAs('admin');
    const c = await createContractFromApplication(app!.applicationId, 'agreement-400');
    await actAs('clerk');
    expect((await markContractPrinted(c.id)).status).toBe('printed');
    expect(await rejection(voidContract(c.id, '客户取消'))).toBeInstanceOf(PermissionError);
    expect(await rejection(signContract(c.id, { signedOn: '2026-11-22', signer: '李建国', file: { fileName: 's.pdf', mime: 'application/pdf', bytes: PDF } }))).toBeInstanceOf(
      PermissionError,
    );
    await actAs('field_agent');
    expect(await rejection(markContractPrinted(c.id))).toBeInstanceOf(PermissionError);
  });

  it('refuses an application that is not approved, and a missing one', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await db().applications.update(app!.applicationId, { status: 'submitted' });
    await actAs('manager');
    const e = await rejection(createContractFromApplication(app!.applicationId, 'agreement-400'));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain('尚未批准');
    expect(await rejection(createContractFromApplication('nope', 'agreement-400'))).toBeInstanceOf(NotFoundError);
  });

  it('names the field when the records do not fit the contract, and writes nothing', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    const customerId = (await db().applications.get(app!.applicationId))!.customerId;
    await db().customers.update(customerId, { uscc: '91350100M000100Y44' }); // wrong check character
    await actAs('manager');
    const e = await rejection(createContractFromApplication(app!.applicationId, 'agreement-400'));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields['registration.uscc']).toMatch(/统一社会信用代码/);
    expect(await db().table('contracts').count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });
});

describe('contract numbers', () => {
  it('are unique across two offline devices of one office, and never look like a final number', async () => {
    const numbers: string[] = [];
    for (const device of ['device-a', 'device-b']) {
      await freshDevice(`contracts-${device}-${++n}`);
      const apps = await seedApprovedApplications({ count: 3 });
      await actAs('manager');
      for (const a of apps) {
        numbers.push((await createContractFromApplication(a.applicationId, 'agreement-400')).number);
        numbers.push((await createContractFromApplication(a.applicationId, 'access-4008')).number);
      }
    }
    expect(new Set(numbers).size).toBe(12);
    for (const s of numbers) {
      const p = parseContractNumber(s);
      expect(p).toMatchObject({ ok: true, provisional: true, prefix: 'ZZQF', year: 2026 });
    }
    const tags = new Set(numbers.map((s) => (parseContractNumber(s) as { deviceTag: string }).deviceTag));
    expect(tags.size).toBe(2);
    // each device counts 1, 2, 3… in its own series
    expect(numbers.slice(0, 6).map((s) => s.slice(-4))).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
  });

  it('use the tag the server registered for the device when there is one, and the office year', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await db().meta.put({ key: DEVICE_TAG_KEY, value: 'K7' });
    setClock('2026-12-31T16:30:00.000Z'); // already 2027-01-01 in Shanghai
    await actAs('manager');
    const c = await createContractFromApplication(app!.applicationId, 'agreement-400');
    expect(c.number).toBe('ZZQF-2027-PK7-0001');
  });

  it('derives an 8-character tag from the client id', () => {
    expect(deviceTagFromClientId('00000000-0000-4000-8000-000000000000')).toBe('00000000');
    expect(deviceTagFromClientId('ffffffff-ff00-4000-8000-000000000000')).toMatch(/^[0-9A-Z]{8}$/);
    expect(deviceTagFromClientId('12345678-9a00-4000-8000-000000000000')).not.toBe(deviceTagFromClientId('12345678-9b00-4000-8000-000000000000'));
  });

  it('a final number from the server replaces a draft’s provisional one, never a printed one', async () => {
    const [a, b] = await seedApprovedApplications({ count: 2 });
    await actAs('manager');
    const draft = await createContractFromApplication(a!.applicationId, 'agreement-400');
    const printed = await markContractPrinted((await createContractFromApplication(b!.applicationId, 'agreement-400')).id, 'word');
    const confirmed = await applyServerNumber(draft.id, 'ZZQF-2026-000123');
    expect(confirmed).toMatchObject({ number: 'ZZQF-2026-000123', provisional: false });
    expect(words(contractDocument(confirmed))).toContain('ZZQF-2026-000123');
    const kept = await applyServerNumber(printed.id, 'ZZQF-2026-000124');
    expect(kept.number).toBe(printed.number);
    expect(isProvisionalContractNumber(kept.number)).toBe(true);
    expect(kept.snapshot!.contractNumber).toBe(printed.number);
    expect(await rejection(applyServerNumber(draft.id, 'ZZQF-2026-PAB-0001'))).toBeInstanceOf(ValidationError);
  });
});

describe('print, sign, void', () => {
  it('printing freezes a snapshot; a reprint after the records changed has the same words and document XML', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await actAs('manager');
    const draft = await createContractFromApplication(app!.applicationId, 'agreement-400');
    const printed = await markContractPrinted(draft.id, 'print');
    expect(printed).toMatchObject({ status: 'printed', printCount: 1 });
    expect(printed.snapshot).toMatchObject({ templateId: 'agreement-400', templateVersion: 1, contractNumber: draft.number });
    const firstXml = strFromU8(unzipSync(await contractDocxBytes(printed))['word/document.xml']!);

    // the customer is renamed and the package repriced afterwards
    await db().customers.update(printed.customerId, { name: '河南豫信商贸集团有限公司' });
    await db().packages.toCollection().modify({ prepaymentFen: 1 });
    await signContract(printed.id, { signedOn: '2026-11-22', signer: '李建国', file: { fileName: '签署件.pdf', mime: 'application/pdf', bytes: PDF } });
    const reprint = await markContractPrinted(printed.id, 'pdf');
    expect(reprint).toMatchObject({ status: 'signed', printCount: 2 });
    expect(reprint.snapshot).toEqual(printed.snapshot);
    const againXml = strFromU8(unzipSync(await contractDocxBytes(reprint))['word/document.xml']!);
    expect(againXml).toBe(firstXml);
    expect(againXml).toContain('河南豫信商贸有限公司');
    expect(againXml).not.toContain('集团');
    // and a printed contract cannot take the new data
    expect(await rejection(refreshContractDraft(printed.id))).toBeInstanceOf(ValidationError);
  });

  it('a draft takes corrected records on refresh', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await actAs('manager');
    const draft = await createContractFromApplication(app!.applicationId, 'agreement-400');
    await db().customers.update(draft.customerId, { name: '河南豫信商贸集团有限公司' });
    const refreshed = await refreshContractDraft(draft.id);
    expect(refreshed.number).toBe(draft.number);
    expect(refreshed.customerName).toBe('河南豫信商贸集团有限公司');
    expect(words(contractDocument(refreshed))).toContain('河南豫信商贸集团有限公司');
  });

  it('signing needs a printed contract, a date, a signer and a scanned copy, stored by SHA-256', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await actAs('manager');
    const c = await createContractFromApplication(app!.applicationId, 'agreement-400');
    const notPrinted = await rejection(signContract(c.id, { signedOn: '2026-11-22', signer: '李建国', file: { fileName: 's.pdf', mime: 'application/pdf', bytes: PDF } }));
    expect((notPrinted as ValidationError).fields.status).toContain('请先打印');
    await markContractPrinted(c.id);
    const bad = (await rejection(signContract(c.id, { signedOn: '2026-13-01', signer: ' ', file: { fileName: 'x.exe', mime: '', bytes: new Uint8Array([0x4d, 0x5a, 1]) } }))) as ValidationError;
    expect(Object.keys(bad.fields).sort()).toEqual(['signedCopy', 'signedOn', 'signer']);
    expect((await getContract(c.id))!.status).toBe('printed');
    const signed = await signContract(c.id, { signedOn: '2026-11-22', signer: '李建国', file: { fileName: '签署件.pdf', mime: 'application/pdf', bytes: PDF } });
    expect(signed).toMatchObject({ status: 'signed', signedOn: '2026-11-22', signer: '李建国' });
    expect(signed.signedCopy!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const blob = await db().blobs.get(signed.signedCopy!.sha256);
    expect(blob).toMatchObject({ size: PDF.length, mime: 'application/pdf', uploaded: 0 });
    const names = (await db().outbox.toArray()).map((o) => o.name);
    expect(names).toEqual(['record.create', 'record.update', 'record.transition', 'record.update', 'contract.sign', 'application.signContract']);
    // the 受理单 follows: approved → contract_signed, with the signing date
    expect(await db().applications.get(app!.applicationId)).toMatchObject({ status: 'contract_signed', contractSignedOn: '2026-11-22' });
  });

  it('voiding requires a reason; a void contract is not printed again, and the application can have a new one', async () => {
    const [app] = await seedApprovedApplications({ count: 1 });
    await actAs('manager');
    const c = await createContractFromApplication(app!.applicationId, 'agreement-400');
    const e = (await rejection(voidContract(c.id, '  '))) as ValidationError;
    expect(e.fields.reason).toContain('作废原因');
    expect((await getContract(c.id))!.status).toBe('draft');
    const v = await voidContract(c.id, '客户名称写错');
    expect(v).toMatchObject({ status: 'void', voidReason: '客户名称写错' });
    expect(v.steps.at(-1)).toMatchObject({ event: 'void', from: 'draft', to: 'void', note: '客户名称写错' });
    expect(await rejection(markContractPrinted(c.id))).toBeInstanceOf(ValidationError);
    expect(await rejection(voidContract(c.id, '再次'))).toBeInstanceOf(ValidationError);
    const next = await createContractFromApplication(app!.applicationId, 'agreement-400');
    expect(next.id).not.toBe(c.id);
    expect(next.number).not.toBe(c.number);
  });
});

describe('register', () => {
  it('searches by number, customer name and hotline number, and filters by status', async () => {
    const apps = await seedApprovedApplications({ count: 3 });
    await actAs('manager');
    const made = [];
    for (const a of apps) made.push(await createContractFromApplication(a.applicationId, 'agreement-400'));
    await markContractPrinted(made[1]!.id);
    expect((await listContracts()).length).toBe(3);
    expect((await listContracts({ text: '云帆' })).map((c) => c.id)).toEqual([made[1]!.id]);
    expect((await listContracts({ text: made[2]!.number.toLowerCase() })).map((c) => c.id)).toEqual([made[2]!.id]);
    expect((await listContracts({ text: '400-812-3458' })).map((c) => c.id)).toEqual([made[2]!.id]);
    expect((await listContracts({ status: 'printed' })).map((c) => c.id)).toEqual([made[1]!.id]);
    const contractable = await listContractableApplications();
    expect(contractable).toHaveLength(3);
    expect(contractable.every((a) => a.contracts.length === 1)).toBe(true);
  });
});
