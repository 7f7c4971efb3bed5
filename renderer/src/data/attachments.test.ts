import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HotlineDb, db, setDatabase } from './db';
import { addAttachment, attachmentBlob, listAttachments, sniffMime } from './attachments';
import { createCustomer, customerHistory } from './customers';
import { SEED_CUSTOMER } from './accountTestSeed';
import { ValidationError } from './errors';
import { ensureDefaultUsers } from './session';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%fake\n');
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const EXE = new TextEncoder().encode('MZ\x90\x00 not a scan');

let n = 0;
let customerId = '';
beforeEach(async () => {
  setDatabase(new HotlineDb(`attachments-test-${++n}`));
  await ensureDefaultUsers();
  customerId = (
    await createCustomer(SEED_CUSTOMER)
  ).id;
});

async function rejection(p: Promise<unknown>): Promise<ValidationError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('sniffMime', () => {
  it('reads the type from the content', () => {
    expect(sniffMime(PNG)).toBe('image/png');
    expect(sniffMime(PDF)).toBe('application/pdf');
    expect(sniffMime(JPEG)).toBe('image/jpeg');
    expect(sniffMime(EXE)).toBeNull();
  });
});

describe('addAttachment', () => {
  it('stores the record, the bytes by SHA-256, a history row and an outbox row', async () => {
    const a = await addAttachment({ customerId, kind: 'business_licence', fileName: '执照.png', mime: 'image/png', bytes: PNG });
    expect(a.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(a).toMatchObject({ mime: 'image/png', size: PNG.length, kind: 'business_licence' });
    const blob = await attachmentBlob(a.sha256);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(PNG);
    expect((await listAttachments(customerId)).map((x) => x.id)).toEqual([a.id]);
    expect((await customerHistory(customerId))[0]!.field).toBe('attachment');
    expect((await db().outbox.orderBy('seq').last())?.args).toMatchObject({
      entity: 'customer',
      id: customerId,
      fields: { attachments: [{ kind: 'business_licence', sha256: a.sha256, fileName: '执照.png', mimeType: 'image/png', sizeBytes: PNG.length }] },
    });
  });

  it('keeps one copy of identical bytes', async () => {
    await addAttachment({ customerId, kind: 'business_licence', fileName: 'a.pdf', mime: 'application/pdf', bytes: PDF });
    await addAttachment({ customerId, kind: 'handler_id_front', fileName: 'b.pdf', mime: 'application/pdf', bytes: PDF });
    expect(await db().attachments.count()).toBe(2);
    expect(await db().blobs.count()).toBe(1);
  });

  it('refuses content that is not JPEG, PNG or PDF, whatever its name says', async () => {
    const e = await rejection(addAttachment({ customerId, kind: 'business_licence', fileName: 'licence.pdf', mime: 'application/pdf', bytes: EXE }));
    expect(e.fields.file).toContain('只接受 JPEG、PNG 或 PDF');
    const mismatch = await rejection(addAttachment({ customerId, kind: 'business_licence', fileName: 'x.png', mime: 'image/png', bytes: PDF }));
    expect(mismatch.fields.file).toContain('不符');
    expect(await db().attachments.count()).toBe(0);
    expect(await db().blobs.count()).toBe(0);
  });

  it('applies the size limit from the office settings', async () => {
    await db().settings.put({ key: 'officeSettings', value: { attachmentMaxBytes: 10 }, updatedAt: '' });
    const e = await rejection(addAttachment({ customerId, kind: 'business_licence', fileName: 'big.png', mime: 'image/png', bytes: PNG }));
    expect(e.fields.file).toContain('超过上限');
    expect(await db().attachments.count()).toBe(0);
  });
});
